import Preview
import TerminalUI

extension Frame {
    /// A single-line box with an optional title in its top border.
    mutating func box(_ r: GenerateLayout.Rect, style: Style, title: String? = nil, titleStyle: Style? = nil) {
        guard r.width >= 2, r.height >= 2 else { return }
        let right = r.x + r.width - 1, bottom = r.y + r.height - 1
        for x in r.x...right {
            put("─", x: x, y: r.y, style: style)
            put("─", x: x, y: bottom, style: style)
        }
        for y in r.y...bottom {
            put("│", x: r.x, y: y, style: style)
            put("│", x: right, y: y, style: style)
        }
        put("┌", x: r.x, y: r.y, style: style)
        put("┐", x: right, y: r.y, style: style)
        put("└", x: r.x, y: bottom, style: style)
        put("┘", x: right, y: bottom, style: style)
        if let title, r.width > 4 {
            put(" \(title) ", x: r.x + 2, y: r.y, style: titleStyle ?? style, maxWidth: r.width - 4)
        }
    }

    /// Paints a thumbnail's cells at (x, y).
    mutating func place(_ grid: CellGrid, x: Int, y: Int) {
        for row in 0..<grid.height where y + row < height {
            for col in 0..<grid.width where x + col < width {
                let cell = grid[col, row]
                let style = Style(foreground: TermColor(cell.foreground), background: TermColor(cell.background))
                put(String(cell.character), x: x + col, y: y + row, style: style, maxWidth: 1)
            }
        }
    }

    /// Text cut to `maxWidth` columns with an ellipsis when it does not fit.
    @discardableResult
    mutating func putClipped(_ text: String, x: Int, y: Int, style: Style, maxWidth: Int) -> Int {
        guard maxWidth > 0 else { return 0 }
        let flat = text.replacingOccurrences(of: "\n", with: " ")
        if DisplayWidth.of(flat) <= maxWidth { return put(flat, x: x, y: y, style: style, maxWidth: maxWidth) }
        let cut = DisplayWidth.prefix(flat, fitting: max(0, maxWidth - 1)) + "…"
        return put(cut, x: x, y: y, style: style, maxWidth: maxWidth)
    }
}

extension TermColor {
    init(_ c: CellColor) {
        switch c {
        case .terminalDefault: self = .terminalDefault
        case .indexed(let i): self = .indexed(i)
        case .rgb(let v): self = .rgb(v)
        }
    }
}
