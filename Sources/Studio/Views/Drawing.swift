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
