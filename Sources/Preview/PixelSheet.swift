import Foundation
import Imaging
import TerminalUI

/// A contact sheet drawn with pixel pictures (sixel, kitty, iTerm) in the same grid as the symbol
/// sheet: space is reserved first (so the screen scrolls before drawing), then each picture is
/// drawn from a saved cursor position and its caption written under the row.
package enum PixelSheet {
    /// One slot: its caption (already made safe for the terminal) and its picture, or why not.
    package struct Entry: Sendable {
        package var name: String
        package var picture: Result<RGBAImage, ContactSheet.Failure>

        package init(name: String, picture: Result<RGBAImage, ContactSheet.Failure>) {
            self.name = name
            self.picture = picture
        }
    }

    /// Every file decoded to cover `width` x `height` pixels, several at once, in order; from the
    /// stored thumbnails when given (design section 4). `name` makes a file's caption and `reason`
    /// a failure's text (the caller's sanitizer: file names and errors come from outside).
    package static func load(_ files: [String], covering width: Int, _ height: Int, stored: StoredThumbnails?,
                            name: @escaping @Sendable (String) -> String,
                            reason: @escaping @Sendable (String) -> String) async -> [Entry] {
        await withTaskGroup(of: (Int, Entry).self) { group in
            for (i, file) in files.enumerated() {
                group.addTask {
                    let picture: Result<RGBAImage, ContactSheet.Failure>
                    do {
                        if let stored {
                            picture = .success(try stored.picture(ofImageAt: file, covering: width, height))
                        } else {
                            picture = .success(try ImageFile.thumbnail(file, fitting: width, height))
                        }
                    } catch {
                        picture = .failure(ContactSheet.Failure(reason("\(error)")))
                    }
                    return (i, Entry(name: name((file as NSString).lastPathComponent), picture: picture))
                }
            }
            var out = [Entry?](repeating: nil, count: files.count)
            for await (i, entry) in group { out[i] = entry }
            return out.compactMap { $0 }
        }
    }

    /// The bytes that draw `entries`, `perRow` to a row, each in `slotWidth` x `slotHeight` cells.
    /// kitty pictures drawn through placeholders get ids from `firstKittyID` on (a random start, so
    /// two runs in one kitty window do not share ids; the pictures stay in kitty with the text).
    package static func bytes(_ entries: [Entry], perRow: Int, slotWidth: Int, slotHeight: Int, format: PixelFormat,
                             renderer: PixelRenderer, firstKittyID: UInt32 = UInt32.random(in: 0..<60_000)) -> [UInt8] {
        var bytes: [UInt8] = []
        let esc = "\u{1B}"
        for rowStart in stride(from: 0, to: entries.count, by: perRow) {
            let row = rowStart..<min(entries.count, rowStart + perRow)
            bytes += Array((String(repeating: "\n", count: slotHeight) + "\(esc)[\(slotHeight)A\r").utf8)
            var captions = ""
            for i in row {
                let x = (i - rowStart) * (slotWidth + 2)
                let name = ContactSheet.clip(entries[i].name, slotWidth)
                captions += String(repeating: " ", count: max(0, x - captions.count)) + String(repeating: " ", count: (slotWidth - name.count) / 2) + name
                bytes += Array("\(esc)7".utf8)
                if x > 0 { bytes += Array("\(esc)[\(x)C".utf8) }
                switch entries[i].picture {
                case .success(let image) where format == .kitty && renderer.kittyPlaceholders:
                    let id = KittyPlaceholders.imageID(firstKittyID &+ UInt32(i))
                    let made = renderer.render(image, format: format, columns: slotWidth, rows: slotHeight, kittyID: id)
                    bytes += made.bytes + Array(KittyPlaceholders.block(id: id, columns: made.columns, rows: made.rows, column: x).utf8)
                case .success(let image):
                    bytes += renderer.render(image, format: format, columns: slotWidth, rows: slotHeight).bytes
                case .failure(let failure):
                    bytes += Array("\(esc)[31m\(ContactSheet.clip(failure.message, slotWidth))\(esc)[0m".utf8)
                }
                bytes += Array("\(esc)8".utf8)
            }
            bytes += Array("\(esc)[\(slotHeight)B\r\(captions)\n".utf8)
        }
        return bytes
    }
}
