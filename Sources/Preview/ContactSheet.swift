import TerminalUI

/// Lays thumbnails out in a grid with each file's name under its picture, like timg's grid.
/// A file that could not be shown gets its one-line reason in its place.
package enum ContactSheet {
    package struct Entry: Sendable {
        package var name: String
        package var picture: Result<CellGrid, Failure>
        package init(name: String, picture: Result<CellGrid, Failure>) {
            self.name = name
            self.picture = picture
        }
    }

    package struct Failure: Error, Sendable, Hashable {
        package var message: String
        package init(_ message: String) { self.message = message }
    }

    /// `slotWidth` x `slotHeight` cells per picture, plus one caption row; `gap` columns between.
    package static func compose(_ entries: [Entry], columns: Int, slotWidth: Int, slotHeight: Int, gap: Int = 2) -> CellGrid {
        let rows = (entries.count + columns - 1) / max(1, columns)
        let width = columns * slotWidth + (columns - 1) * gap
        let pictureRows = entries.allSatisfy({ if case .failure = $0.picture { true } else { false } }) ? 1 : slotHeight
        let rowHeight = pictureRows + 1
        var sheet = CellGrid(width: max(1, width), height: max(1, rows * rowHeight))
        for (i, entry) in entries.enumerated() {
            let x = (i % columns) * (slotWidth + gap), y = (i / columns) * rowHeight
            switch entry.picture {
            case .success(let grid):
                sheet.place(grid, x: x + (slotWidth - grid.width) / 2, y: y + (pictureRows - grid.height) / 2)
            case .failure(let failure):
                sheet.write(clip(failure.message, slotWidth), x: x, y: y, foreground: .indexed(1))
            }
            let name = clip(entry.name, slotWidth)
            sheet.write(name, x: x + (slotWidth - name.count) / 2, y: y + pictureRows)
        }
        return sheet
    }

    /// Cuts to `width` characters, keeping the end of a long file name (the part that differs).
    package static func clip(_ text: String, _ width: Int) -> String {
        guard text.count > width else { return text }
        guard width > 1 else { return String(text.prefix(width)) }
        return "…" + text.suffix(width - 1)
    }
}
