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

    /// Pixel pictures in the same grid as the symbol sheet (see `PixelSheet`); returns how many failed.
    func showPixels(layout: Layout, format: PixelFormat, renderer: PixelRenderer, stored: StoredThumbnails?) async -> Int {
        let entries = await PixelSheet.load(files, covering: layout.slotWidth * renderer.cellWidth, layout.slotHeight * renderer.cellHeight,
                                            stored: stored, name: { SafeText.line($0) }, reason: { SafeText.line($0) })
        FileHandle.standardOutput.write(Data(PixelSheet.bytes(entries, perRow: layout.perRow, slotWidth: layout.slotWidth,
                                                              slotHeight: layout.slotHeight, format: format, renderer: renderer)))
        var failed = 0
        for entry in entries {
            if case .failure(let failure) = entry.picture {
                Console.error(failure.message)
                failed += 1
            }
        }
        return failed
    }
}
