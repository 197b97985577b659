import TerminalUI

/// Messages in full: each under its title, wrapped to the box, scrolled.
struct MessageView {
    var theme: Theme

    static func lines(_ message: MessageOverlay, width: Int) -> [(text: String, heading: Bool)] {
        var lines: [(String, Bool)] = []
        for entry in message.entries {
            if !lines.isEmpty { lines.append(("", false)) }
            lines.append((entry.title, true))
            let editor = TextEditor(entry.text)
            for range in editor.wrap(width: max(1, width)) {
                lines.append((String(editor.characters[range.start..<range.end]), false))
            }
        }
        return lines
    }

    func draw(_ message: MessageOverlay, state: StudioState, layout: OverlayLayout, into frame: inout Frame) {
        let r = layout.centered(width: HelpView.boxWidth(columns: state.columns), height: state.rows - 2)
        frame.popUp(r, title: "Messages in full (esc closes)", theme: theme)
        let lines = Self.lines(message, width: r.width - 4)
        let height = r.height - 2
        let first = min(message.scroll, max(0, lines.count - height))
        if lines.count > height {
            let more = first + height < lines.count ? "↓ more below" : "end"
            frame.putClipped(" lines \(first + 1)-\(min(lines.count, first + height)) of \(lines.count), \(more) ", x: r.x + 2,
                             y: r.y + r.height - 1, style: theme.style("hint"), maxWidth: r.width - 4)
        }
        for (row, line) in lines.dropFirst(first).prefix(height).enumerated() {
            frame.putClipped(line.text, x: r.x + 2, y: r.y + 1 + row, style: theme.style(line.heading ? "title" : "field.value"),
                             maxWidth: r.width - 4)
        }
    }
}
