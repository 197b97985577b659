/// One cell of a picture or sheet: a character and its two colours (the same `TermColor` the
/// screen's `Style` uses, so a grid is painted into a `Frame` without translation).
package struct Cell: Sendable, Hashable {
    package var character: Character
    package var foreground: TermColor
    package var background: TermColor

    package init(_ character: Character, foreground: TermColor = .terminalDefault, background: TermColor = .terminalDefault) {
        self.character = character
        self.foreground = foreground
        self.background = background
    }

    package static let blank = Cell(" ")
}

/// Rows of cells: what a renderer paints (ncurses in the studio, SGR text on stdout for `show`).
package struct CellGrid: Sendable, Hashable {
    package let width: Int
    package let height: Int
    package var cells: [Cell]

    package init(width: Int, height: Int, fill: Cell = .blank) {
        self.width = width
        self.height = height
        self.cells = Array(repeating: fill, count: width * height)
    }

    package subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// The characters of each row, without colours (for snapshots and tests).
    package var text: [String] {
        (0..<height).map { y in String(cells[(y * width)..<((y + 1) * width)].map(\.character)) }
    }

    /// Copies `other` into this grid with its top-left corner at (x, y), clipped.
    package mutating func place(_ other: CellGrid, x: Int, y: Int) {
        for oy in 0..<other.height where y + oy >= 0 && y + oy < height {
            for ox in 0..<other.width where x + ox >= 0 && x + ox < width {
                self[x + ox, y + oy] = other[ox, oy]
            }
        }
    }

    /// Writes plain text (already sanitized) from (x, y), clipped to the grid.
    package mutating func write(_ text: String, x: Int, y: Int, foreground: TermColor = .terminalDefault) {
        guard y >= 0 && y < height else { return }
        for (i, ch) in text.enumerated() where x + i >= 0 && x + i < width {
            self[x + i, y] = Cell(ch, foreground: foreground)
        }
    }
}
