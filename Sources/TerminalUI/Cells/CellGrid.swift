/// One cell of a picture or sheet: a character and its two colours (the same `TermColor` the
/// screen's `Style` uses, so a grid is painted into a `Frame` without translation).
public struct Cell: Sendable, Hashable {
    public var character: Character
    public var foreground: TermColor
    public var background: TermColor

    public init(_ character: Character, foreground: TermColor = .terminalDefault, background: TermColor = .terminalDefault) {
        self.character = character
        self.foreground = foreground
        self.background = background
    }

    public static let blank = Cell(" ")
}

/// Rows of cells: what a renderer paints (ncurses in the studio, SGR text on stdout for `show`).
public struct CellGrid: Sendable, Hashable {
    public let width: Int
    public let height: Int
    public var cells: [Cell]

    public init(width: Int, height: Int, fill: Cell = .blank) {
        self.width = width
        self.height = height
        self.cells = Array(repeating: fill, count: width * height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// The characters of each row, without colours (for snapshots and tests).
    public var text: [String] {
        (0..<height).map { y in String(cells[(y * width)..<((y + 1) * width)].map(\.character)) }
    }

    /// Copies `other` into this grid with its top-left corner at (x, y), clipped.
    public mutating func place(_ other: CellGrid, x: Int, y: Int) {
        for oy in 0..<other.height where y + oy >= 0 && y + oy < height {
            for ox in 0..<other.width where x + ox >= 0 && x + ox < width {
                self[x + ox, y + oy] = other[ox, oy]
            }
        }
    }

    /// Writes plain text (already sanitized) from (x, y), clipped to the grid.
    public mutating func write(_ text: String, x: Int, y: Int, foreground: TermColor = .terminalDefault) {
        guard y >= 0 && y < height else { return }
        for (i, ch) in text.enumerated() where x + i >= 0 && x + i < width {
            self[x + i, y] = Cell(ch, foreground: foreground)
        }
    }
}
