import CChafa
import Imaging
import Synchronization
import TerminalUI

/// Turns RGBA pixels into a `CellGrid` with libchafa's symbol mode. Canvas configs (and their
/// symbol maps) are built once per geometry and mode and reused: creating them costs milliseconds.
/// Safe to use from several threads at once; each call draws on its own canvas.
package final class SymbolRenderer: Sendable {
    private struct ConfigKey: Hashable {
        var columns: Int
        var rows: Int
        var options: PreviewOptions
    }

    private struct ConfigHandle: @unchecked Sendable {
        let pointer: OpaquePointer
    }

    private let configs = Mutex<[ConfigKey: ConfigHandle]>([:])

    /// `threadsPerImage`: chafa's own worker threads per drawing. 1 suits callers that draw
    /// several images at once (contact sheets); 0 keeps chafa's default (one per core).
    package init(threadsPerImage: Int = 0) {
        if threadsPerImage > 0 { chafa_set_n_threads(Int32(threadsPerImage)) }
    }

    deinit {
        configs.withLock { all in
            for handle in all.values { chafa_canvas_config_unref(handle.pointer) }
        }
    }

    /// Draws `image` into exactly `columns` x `rows` cells (the caller chooses the aspect; see
    /// `CellGeometry`). The image should already be about 8x16 pixels per cell for speed.
    package func render(_ image: RGBAImage, columns: Int, rows: Int, options: PreviewOptions) -> CellGrid {
        precondition(columns > 0 && rows > 0)
        let opaque = image.composited(over: (UInt8(options.background >> 16 & 0xFF), UInt8(options.background >> 8 & 0xFF),
                                             UInt8(options.background & 0xFF)))
        let config = self.config(ConfigKey(columns: columns, rows: rows, options: options))
        guard let canvas = chafa_canvas_new(config.pointer) else { return CellGrid(width: columns, height: rows) }
        defer { chafa_canvas_unref(canvas) }
        opaque.pixels.withUnsafeBufferPointer { px in
            chafa_canvas_draw_all_pixels(canvas, CHAFA_PIXEL_RGBA8_UNASSOCIATED, px.baseAddress,
                                         Int32(opaque.width), Int32(opaque.height), Int32(opaque.width * 4))
        }
        var grid = CellGrid(width: columns, height: rows)
        for y in 0..<rows {
            for x in 0..<columns {
                let scalar = chafa_canvas_get_char_at(canvas, Int32(x), Int32(y))
                let character = Unicode.Scalar(scalar).map(Character.init) ?? " "
                var fg: Int32 = 0, bg: Int32 = 0
                switch options.colors {
                case .truecolor:
                    chafa_canvas_get_colors_at(canvas, Int32(x), Int32(y), &fg, &bg)
                    grid[x, y] = Cell(character, foreground: .rgb(UInt32(bitPattern: fg) & 0xFFFFFF),
                                      background: .rgb(UInt32(bitPattern: bg) & 0xFFFFFF))
                case .colors256, .colors16:
                    chafa_canvas_get_raw_colors_at(canvas, Int32(x), Int32(y), &fg, &bg)
                    grid[x, y] = Cell(character, foreground: Self.indexed(fg), background: Self.indexed(bg))
                case .monochrome:
                    grid[x, y] = Cell(character)
                }
            }
        }
        return grid
    }

    static func indexed(_ raw: Int32) -> TermColor {
        raw >= 0 && raw < 256 ? .indexed(UInt8(raw)) : .terminalDefault
    }

    private func config(_ key: ConfigKey) -> ConfigHandle {
        configs.withLock { all in
            if let existing = all[key] { return existing }
            let config = chafa_canvas_config_new()!
            chafa_canvas_config_set_geometry(config, Int32(key.columns), Int32(key.rows))
            let mode: ChafaCanvasMode = switch key.options.colors {
            case .truecolor: CHAFA_CANVAS_MODE_TRUECOLOR
            case .colors256: CHAFA_CANVAS_MODE_INDEXED_240
            case .colors16: CHAFA_CANVAS_MODE_INDEXED_16
            case .monochrome: CHAFA_CANVAS_MODE_FGBG
            }
            chafa_canvas_config_set_canvas_mode(config, mode)
            chafa_canvas_config_set_bg_color(config, key.options.background)
            chafa_canvas_config_set_work_factor(config, 0.2)
            let map = chafa_symbol_map_new()!
            let tags: Int32 = switch key.options.symbols {
            case .block: CHAFA_SYMBOL_TAG_BLOCK.rawValue | CHAFA_SYMBOL_TAG_SPACE.rawValue
            case .half: CHAFA_SYMBOL_TAG_VHALF.rawValue | CHAFA_SYMBOL_TAG_SPACE.rawValue
            case .braille: CHAFA_SYMBOL_TAG_BRAILLE.rawValue | CHAFA_SYMBOL_TAG_SPACE.rawValue
            case .ascii: CHAFA_SYMBOL_TAG_ASCII.rawValue | CHAFA_SYMBOL_TAG_SPACE.rawValue
            }
            chafa_symbol_map_add_by_tags(map, ChafaSymbolTags(rawValue: tags))
            chafa_canvas_config_set_symbol_map(config, map)
            chafa_symbol_map_unref(map)
            let handle = ConfigHandle(pointer: config)
            all[key] = handle
            return handle
        }
    }
}
