import CChafa
import Foundation
import Imaging
import TerminalUI

/// Pictures as pixel-protocol escape sequences (sixel, kitty, iTerm2), made by libchafa, and
/// wrapped for tmux's passthrough when asked.
package struct PixelRenderer: Sendable {
    /// Cell size in pixels, from the terminal (TIOCGWINSZ) or a common default.
    package var cellWidth: Int
    package var cellHeight: Int
    package var tmuxPassthrough: Bool
    /// kitty pictures go with a virtual placement and show where placeholder text is written
    /// (`KittyPlaceholders`), not at the cursor.
    package var kittyPlaceholders: Bool
    /// Fill the whole box of cells asked for, whatever the picture's shape (`show --stretch`);
    /// otherwise the picture keeps its shape and is never scaled up.
    package var stretch: Bool

    package init(cellWidth: Int = 10, cellHeight: Int = 20, tmuxPassthrough: Bool = false, kittyPlaceholders: Bool = false,
                stretch: Bool = false) {
        self.cellWidth = cellWidth
        self.cellHeight = cellHeight
        self.tmuxPassthrough = tmuxPassthrough
        self.kittyPlaceholders = kittyPlaceholders
        self.stretch = stretch
    }

    /// The image fitted into `columns` x `rows` cells, as the bytes to write. Returns the cells used.
    /// kitty pictures go as PNG at their own pixel size (never stretched to whole cells), under
    /// `kittyID` when given, so the studio can place them again by id without sending them again.
    /// With `kittyPlaceholders` the bytes only send the picture (under `kittyID`, which is then
    /// needed): the caller writes `KittyPlaceholders.rows` where it is to show.
    package func render(_ image: RGBAImage, format: PixelFormat, columns: Int, rows: Int, background: UInt32 = 0,
                       kittyID: UInt32? = nil) -> (bytes: [UInt8], columns: Int, rows: Int)
    {
        precondition(format != .symbols)
        let fit = fitted(width: image.width, height: image.height, columns: columns, rows: rows)
        let (usedColumns, usedRows) = cells(for: fit, columns: columns, rows: rows)
        var input = image.downscaled(toWidth: fit.width, height: fit.height)
        if format == .kitty, let png = try? ImageEncoder.compactPNG(input) {
            let bytes = if kittyPlaceholders, let kittyID {
                KittyGraphics.transmitForPlaceholders(png: png, id: kittyID, columns: usedColumns, rows: usedRows)
            } else {
                KittyGraphics.transmit(png: png, id: kittyID, placement: kittyID.map { _ in 1 })
            }
            return (tmuxPassthrough ? Self.wrapForTmux(bytes) : bytes, usedColumns, usedRows)
        }
        if format == .sixel {
            input = input.composited(over: (UInt8(background >> 16 & 0xFF), UInt8(background >> 8 & 0xFF), UInt8(background & 0xFF)))
        }
        let config = chafa_canvas_config_new()!
        defer { chafa_canvas_config_unref(config) }
        chafa_canvas_config_set_geometry(config, Int32(usedColumns), Int32(usedRows))
        chafa_canvas_config_set_cell_geometry(config, Int32(cellWidth), Int32(cellHeight))
        chafa_canvas_config_set_canvas_mode(config, CHAFA_CANVAS_MODE_TRUECOLOR)
        let (mode, term): (ChafaPixelMode, String) = switch format {
        case .sixel: (CHAFA_PIXEL_MODE_SIXELS, "TERM=mlterm")
        case .kitty: (CHAFA_PIXEL_MODE_KITTY, "TERM=xterm-kitty")
        default: (CHAFA_PIXEL_MODE_ITERM2, "TERM_PROGRAM=iTerm.app")
        }
        chafa_canvas_config_set_pixel_mode(config, mode)
        let canvas = chafa_canvas_new(config)!
        defer { chafa_canvas_unref(canvas) }
        input.pixels.withUnsafeBufferPointer { px in
            chafa_canvas_draw_all_pixels(canvas, CHAFA_PIXEL_RGBA8_UNASSOCIATED, px.baseAddress,
                                         Int32(input.width), Int32(input.height), Int32(input.width * 4))
        }
        let info = Self.termInfo(term)
        defer { chafa_term_info_unref(info) }
        guard let gs = chafa_canvas_print(canvas, info) else { return ([], usedColumns, usedRows) }
        let bytes = Array(UnsafeBufferPointer(start: UnsafeRawPointer(gs.pointee.str).assumingMemoryBound(to: UInt8.self),
                                              count: Int(gs.pointee.len)))
        g_string_free(gs, 1)
        return (tmuxPassthrough ? Self.wrapForTmux(bytes) : bytes, usedColumns, usedRows)
    }

    /// The cells a picture of `image`'s size takes inside `columns` x `rows` (never scaled up,
    /// unless `stretch`).
    package func cells(forImageWidth width: Int, height: Int, columns: Int, rows: Int) -> (columns: Int, rows: Int) {
        cells(for: fitted(width: width, height: height, columns: columns, rows: rows), columns: columns, rows: rows)
    }

    /// The picture's size in pixels inside `columns` x `rows` cells: its shape kept and never scaled
    /// up, or the whole box with `stretch`.
    private func fitted(width: Int, height: Int, columns: Int, rows: Int) -> (width: Int, height: Int) {
        stretch ? (columns * cellWidth, rows * cellHeight)
            : ImageDecoder.fit(width: width, height: height, into: columns * cellWidth, rows * cellHeight)
    }

    private func cells(for fit: (width: Int, height: Int), columns: Int, rows: Int) -> (columns: Int, rows: Int) {
        (max(1, min(columns, (fit.width + cellWidth - 1) / cellWidth)), max(1, min(rows, (fit.height + cellHeight - 1) / cellHeight)))
    }

    /// A term info that has the sequences of the wanted protocol, whatever the real TERM is.
    static func termInfo(_ variable: String) -> OpaquePointer {
        let db = chafa_term_db_get_default()
        var env: [UnsafeMutablePointer<CChar>?] = [strdup(variable), nil]
        defer { env.forEach { free($0) } }
        return env.withUnsafeMutableBufferPointer { chafa_term_db_detect(db, $0.baseAddress)! }
    }

    /// Each escape sequence wrapped for tmux's passthrough (`TmuxPassthrough.wrap`).
    package static func wrapForTmux(_ bytes: [UInt8]) -> [UInt8] { TmuxPassthrough.wrap(bytes) }
}
