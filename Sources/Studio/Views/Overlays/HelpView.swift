import Foundation
import TerminalUI

/// The `?` screen: every binding of the screen it was opened on, by context, generated from the
/// key map, with the reason a binding is disabled right now.
struct HelpView {
    var theme: Theme
    var keyMap: KeyMap

    struct Line: Equatable {
        var keys: String
        var text: String
        var dimmed: Bool
        var heading: Bool
        /// A sentence across the whole box (`keys` holds it), not a key and its description.
        var wide = false
    }

    /// Every binding with a key in the contexts listed for the screen.
    static func lines(_ keyMap: KeyMap, screen: StudioScreen, state: StudioState, width: Int = 80) -> [Line] {
        var lines: [Line] = []
        if let hint = state.status.terminalHint {
            lines.append(Line(keys: "This terminal", text: "", dimmed: false, heading: true))
            let editor = TextEditor(hint)
            for range in editor.wrap(width: width) {
                lines.append(Line(keys: String(editor.characters[range.start..<range.end]), text: "", dimmed: false, heading: false, wide: true))
            }
        }
        for context in KeyContext.listed(on: screen) {
            let bindings = keyMap.bindings.filter { $0.context == context && !$0.keys.isEmpty }
            guard !bindings.isEmpty else { continue }
            if !lines.isEmpty { lines.append(Line(keys: "", text: "", dimmed: false, heading: false)) }
            lines.append(Line(keys: context.title, text: "", dimmed: false, heading: true))
            for binding in bindings {
                let why = binding.whenDisabled.reason(in: state)
                lines.append(Line(keys: binding.keys.map(KeyName.name).joined(separator: ", "),
                                  text: binding.description + (why.map { " (now: \($0))" } ?? ""), dimmed: why != nil, heading: false))
            }
        }
        if screen == .generate {
            lines.append(Line(keys: "", text: "", dimmed: false, heading: false))
            lines.append(Line(keys: "mouse", text: "click a field or a thumbnail; the wheel moves", dimmed: false, heading: false))
        }
        return lines
    }

    func draw(_ help: HelpOverlay, state: StudioState, layout: OverlayLayout, into frame: inout Frame) {
        let r = layout.centered(width: 84, height: state.rows - 2)
        frame.popUp(r, title: "Keys (from the key map; esc closes)", theme: theme)
        let lines = Self.lines(keyMap, screen: help.screen, state: state, width: r.width - 4)
        let height = r.height - 2
        let first = min(help.scroll, max(0, lines.count - height))
        for (row, line) in lines.dropFirst(first).prefix(height).enumerated() {
            let y = r.y + 1 + row
            if line.heading || line.wide {
                frame.putClipped(line.keys, x: r.x + 2, y: y, style: theme.style(line.heading ? "title" : "footer.text"), maxWidth: r.width - 4)
                continue
            }
            frame.putClipped(line.keys, x: r.x + 2, y: y, style: theme.style(line.dimmed ? "hint" : "footer.key"), maxWidth: 24)
            frame.putClipped(line.text, x: r.x + 28, y: y, style: theme.style(line.dimmed ? "hint" : "footer.text"),
                             maxWidth: r.width - 30)
        }
    }
}
