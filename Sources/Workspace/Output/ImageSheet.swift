import Foundation
import Imaging
import Preview
import TerminalUI

/// The bytes `darkroom show` writes for its files, symbols or pixels, with the one-line reason
/// of every file that could not be shown (names and reasons sanitized).
package enum ImageSheet {
    package struct Drawn: Sendable {
        package var bytes: [UInt8]
        package var failures: [String]
    }

    /// Decodes and renders every file as symbols, several at once, in their order, as one contact sheet.
    package static func symbols(_ files: [String], thumbnailer: Thumbnailer, layout: SheetLayout, options: PreviewOptions) async -> Drawn {
        let slot = (layout.slotWidth, layout.slotHeight)
        let entries = await withTaskGroup(of: (Int, ContactSheet.Entry).self) { group in
            for (i, file) in files.enumerated() {
                group.addTask {
                    let name = SafeText.line((file as NSString).lastPathComponent)
                    do {
                        let cells = try thumbnailer.cells(forFile: file, columns: slot.0, rows: slot.1, options: options)
                        return (i, ContactSheet.Entry(name: name, picture: .success(cells)))
                    } catch {
                        return (i, ContactSheet.Entry(name: name, picture: .failure(.init(SafeText.line("\(error)")))))
                    }
                }
            }
            var out = [ContactSheet.Entry?](repeating: nil, count: files.count)
            for await (i, entry) in group { out[i] = entry }
            return out.compactMap { $0 }
        }
        // One picture takes the cells it needs, its name right under it.
        var fitted = (width: layout.slotWidth, height: layout.slotHeight)
        if entries.count == 1, case .success(let grid) = entries[0].picture { fitted = (grid.width, grid.height) }
        let sheet = ContactSheet.compose(entries, columns: layout.perRow, slotWidth: fitted.width, slotHeight: fitted.height)
        return Drawn(bytes: ANSIText.bytes(sheet), failures: entries.compactMap { entry in
            if case .failure(let f) = entry.picture { f.message } else { nil }
        })
    }

    /// Pixel pictures in the same grid as the symbol sheet (`PixelSheet`).
    package static func pixels(_ files: [String], layout: SheetLayout, format: PixelFormat, renderer: PixelRenderer,
                              stored: StoredThumbnails?) async -> Drawn {
        let entries = await PixelSheet.load(files, covering: layout.slotWidth * renderer.cellWidth, layout.slotHeight * renderer.cellHeight,
                                            stored: stored, name: { SafeText.line($0) }, reason: { SafeText.line($0) })
        // One picture takes the cells it needs, its name right under it (not under the whole screen).
        var slot = (width: layout.slotWidth, height: layout.slotHeight)
        if entries.count == 1, case .success(let image) = entries[0].picture {
            let used = renderer.cells(forImageWidth: image.width, height: image.height, columns: slot.width, rows: slot.height)
            slot = (used.columns, used.rows)
        }
        let bytes = PixelSheet.bytes(entries, perRow: layout.perRow, slotWidth: slot.width, slotHeight: slot.height,
                                     format: format, renderer: renderer)
        return Drawn(bytes: Array(bytes), failures: entries.compactMap { entry in
            if case .failure(let f) = entry.picture { f.message } else { nil }
        })
    }
}
