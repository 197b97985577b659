import TerminalUI

/// A `CellGrid` as SGR-coloured text, for writing to a terminal without ncurses. Colours are
/// only re-sent when they change; the bytes are built directly (a contact sheet is ~0.5 MB).
package enum ANSIText {
    package static func lines(_ grid: CellGrid) -> [String] {
        (0..<grid.height).map { String(decoding: row(grid, $0, trimTrailingBlanks: false), as: UTF8.self) }
    }

    /// The whole grid, one line per row, trailing default-coloured blanks trimmed.
    package static func bytes(_ grid: CellGrid) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(grid.width * grid.height * 24)
        for y in 0..<grid.height {
            out += row(grid, y, trimTrailingBlanks: true)
            out.append(0x0A)
        }
        return out
    }

    static func row(_ grid: CellGrid, _ y: Int, trimTrailingBlanks: Bool) -> [UInt8] {
        var end = grid.width
        if trimTrailingBlanks {
            while end > 0, grid[end - 1, y] == .blank { end -= 1 }
        }
        var line: [UInt8] = []
        line.reserveCapacity(end * 24)
        var fg = TermColor.terminalDefault, bg = TermColor.terminalDefault
        for x in 0..<end {
            let cell = grid[x, y]
            if cell.foreground != fg || cell.background != bg {
                sgr(&line, cell.foreground, cell.background)
                fg = cell.foreground
                bg = cell.background
            }
            line += cell.character.utf8
        }
        if fg != .terminalDefault || bg != .terminalDefault { line += [0x1B, 0x5B, 0x30, 0x6D] }
        return line
    }

    static func sgr(_ out: inout [UInt8], _ fg: TermColor, _ bg: TermColor) {
        out += [0x1B, 0x5B, 0x30]  // ESC [ 0
        color(&out, fg, base: 30, bright: 90, extended: 38)
        color(&out, bg, base: 40, bright: 100, extended: 48)
        out.append(0x6D)  // m
    }

    private static func color(_ out: inout [UInt8], _ c: TermColor, base: Int, bright: Int, extended: Int) {
        switch c {
        case .terminalDefault: return
        case .indexed(let i) where i < 8: out.append(0x3B); number(&out, base + Int(i))
        case .indexed(let i) where i < 16: out.append(0x3B); number(&out, bright + Int(i) - 8)
        case .indexed(let i):
            out.append(0x3B); number(&out, extended); out += [0x3B, 0x35, 0x3B]; number(&out, Int(i))
        case .rgb(let v):
            out.append(0x3B); number(&out, extended); out += [0x3B, 0x32, 0x3B]
            number(&out, Int(v >> 16 & 0xFF)); out.append(0x3B)
            number(&out, Int(v >> 8 & 0xFF)); out.append(0x3B)
            number(&out, Int(v & 0xFF))
        }
    }

    private static func number(_ out: inout [UInt8], _ n: Int) {
        if n >= 100 { out.append(UInt8(48 + n / 100)) }
        if n >= 10 { out.append(UInt8(48 + n / 10 % 10)) }
        out.append(UInt8(48 + n % 10))
    }
}
