/// A colour as a terminal cell holds it.
public enum CellColor: Sendable, Hashable {
    /// The terminal's own foreground or background.
    case terminalDefault
    /// A palette index (0-15 in 16-colour mode, 0-255 in 256-colour mode).
    case indexed(UInt8)
    /// 0xRRGGBB.
    case rgb(UInt32)
}

public struct Cell: Sendable, Hashable {
    public var character: Character
    public var foreground: CellColor
    public var background: CellColor

    public init(_ character: Character, foreground: CellColor = .terminalDefault, background: CellColor = .terminalDefault) {
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
    public mutating func write(_ text: String, x: Int, y: Int, foreground: CellColor = .terminalDefault) {
        guard y >= 0 && y < height else { return }
        for (i, ch) in text.enumerated() where x + i >= 0 && x + i < width {
            self[x + i, y] = Cell(ch, foreground: foreground)
        }
    }
}
