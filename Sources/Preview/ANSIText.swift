/// A `CellGrid` as SGR-coloured text lines, for writing to a terminal without ncurses.
public enum ANSIText {
    public static func lines(_ grid: CellGrid) -> [String] {
        var lines: [String] = []
        lines.reserveCapacity(grid.height)
        for y in 0..<grid.height {
            var line = ""
            var fg = CellColor.terminalDefault, bg = CellColor.terminalDefault
            for x in 0..<grid.width {
                let cell = grid[x, y]
                if cell.foreground != fg || cell.background != bg {
                    line += sgr(cell.foreground, cell.background)
                    fg = cell.foreground
                    bg = cell.background
                }
                line.append(cell.character)
            }
            if fg != .terminalDefault || bg != .terminalDefault { line += "\u{1B}[0m" }
            lines.append(line)
        }
        return lines
    }

    static func sgr(_ fg: CellColor, _ bg: CellColor) -> String {
        var parts = ["0"]
        switch fg {
        case .terminalDefault: break
        case .indexed(let i) where i < 8: parts.append(String(30 + Int(i)))
        case .indexed(let i) where i < 16: parts.append(String(90 + Int(i) - 8))
        case .indexed(let i): parts.append("38;5;\(i)")
        case .rgb(let c): parts.append("38;2;\(c >> 16 & 0xFF);\(c >> 8 & 0xFF);\(c & 0xFF)")
        }
        switch bg {
        case .terminalDefault: break
        case .indexed(let i) where i < 8: parts.append(String(40 + Int(i)))
        case .indexed(let i) where i < 16: parts.append(String(100 + Int(i) - 8))
        case .indexed(let i): parts.append("48;5;\(i)")
        case .rgb(let c): parts.append("48;2;\(c >> 16 & 0xFF);\(c >> 8 & 0xFF);\(c & 0xFF)")
        }
        return "\u{1B}[" + parts.joined(separator: ";") + "m"
    }
}
