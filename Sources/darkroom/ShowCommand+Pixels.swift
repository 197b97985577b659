import TerminalUI
import ArgumentParser
import Foundation
import Generation
import Imaging
import Preview

extension ShowCommand {
    func pixelFormat(env: [String: String], interactive: Bool) throws -> TerminalProbe.Result {
        if format == "auto" { return TerminalProbe.detect(environment: env, interactive: interactive) }
        guard let chosen = PixelFormat(rawValue: format) else {
            throw ValidationError("--format \"\(format)\": must be one of auto, symbols, sixel, kitty, iterm")
        }
        let inTmux = env["TMUX"] != nil && chosen != .symbols
        var hint: String?
        if inTmux && TerminalProbe.tmuxAllowsPassthrough() != true {
            hint = "tmux's allow-passthrough is off; run `tmux set -g allow-passthrough on` or the pictures will not show"
        }
        return TerminalProbe.Result(format: chosen, tmuxPassthrough: inTmux, hint: hint)
    }

    /// Pixel pictures in the same grid as the symbol sheet: space is reserved first (so the
    /// screen scrolls before drawing), then each picture is drawn from a saved cursor position.
    func showPixels(layout: Layout, format: PixelFormat, renderer: PixelRenderer) async -> Int {
        let pixelBox = (layout.slotWidth * renderer.cellWidth, layout.slotHeight * renderer.cellHeight)
        let pictures: [Result<RGBAImage, ImageFile.LoadError>] = await withTaskGroup(of: (Int, Result<RGBAImage, ImageFile.LoadError>).self) { group in
            for (i, file) in files.enumerated() {
                group.addTask {
                    do { return (i, .success(try ImageFile.thumbnail(file, fitting: pixelBox.0, pixelBox.1))) } catch let e as ImageFile.LoadError {
                        return (i, .failure(e))
                    } catch {
                        return (i, .failure(ImageFile.LoadError(path: file, reason: "\(error)")))
                    }
                }
            }
            var out = [Result<RGBAImage, ImageFile.LoadError>?](repeating: nil, count: files.count)
            for await (i, r) in group { out[i] = r }
            return out.compactMap { $0 }
        }
        var bytes: [UInt8] = []
        var failed = 0
        let esc = "\u{1B}"
        for rowStart in stride(from: 0, to: files.count, by: layout.perRow) {
            let row = rowStart..<min(files.count, rowStart + layout.perRow)
            bytes += Array((String(repeating: "\n", count: layout.slotHeight) + "\(esc)[\(layout.slotHeight)A\r").utf8)
            var captions = ""
            for i in row {
                let x = (i - rowStart) * (layout.slotWidth + 2)
                let name = ContactSheet.clip(SafeText.line((files[i] as NSString).lastPathComponent), layout.slotWidth)
                captions += String(repeating: " ", count: max(0, x - captions.count)) + String(repeating: " ", count: (layout.slotWidth - name.count) / 2) + name
                bytes += Array("\(esc)7".utf8)
                if x > 0 { bytes += Array("\(esc)[\(x)C".utf8) }
                switch pictures[i] {
                case .success(let image):
                    bytes += renderer.render(image, format: format, columns: layout.slotWidth, rows: layout.slotHeight).bytes
                case .failure(let e):
                    failed += 1
                    bytes += Array("\(esc)[31m\(ContactSheet.clip(SafeText.line(e.description), layout.slotWidth))\(esc)[0m".utf8)
                    Console.error(e.description)
                }
                bytes += Array("\(esc)8".utf8)
            }
            bytes += Array("\(esc)[\(layout.slotHeight)B\r\(captions)\n".utf8)
        }
        FileHandle.standardOutput.write(Data(bytes))
        return failed
    }
}
