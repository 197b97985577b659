import TerminalUI

extension CellGrid {
    /// What stands where a picture could not be made (a missing or damaged file): a marked cell
    /// that says so and why, where it stayed blank for good. One-column characters only, the
    /// reason made safe and cut to the cell.
    static func unreadable(columns: Int, rows: Int, reason: String) -> CellGrid {
        var grid = CellGrid(width: max(0, columns), height: max(0, rows), fill: Cell("·", foreground: .indexed(8)))
        guard columns > 0, rows > 0 else { return grid }
        var lines = ["x no picture"]
        var current = ""
        for word in SafeText.line(reason, limit: 400).split(separator: " ") {
            let narrow = String(word.map { DisplayWidth.of($0) == 1 ? $0 : "?" })
            if current.isEmpty {
                current = String(narrow.prefix(columns))
            } else if current.count + 1 + narrow.count <= columns {
                current += " " + narrow
            } else {
                lines.append(current)
                current = String(narrow.prefix(columns))
            }
        }
        if !current.isEmpty { lines.append(current) }
        for (y, line) in lines.prefix(rows).enumerated() {
            for (x, c) in line.prefix(columns).enumerated() {
                grid[x, y] = Cell(c, foreground: y == 0 ? .indexed(1) : .terminalDefault)
            }
        }
        return grid
    }
}
