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

    /// Contexts where Esc means nothing else, so Esc then a key is that key with Alt.
    static let escapeAsAltContexts: Set<KeyContext> = [.global, .generate, .prompt, .field, .text]

    /// A binding's keys as help shows them; on the Generate screen an Alt key is followed by its
    /// Esc form, the one that works without Alt.
    static func keys(_ binding: Binding, screen: StudioScreen) -> String {
        var names = binding.keys.map(KeyName.name)
        if screen == .generate, escapeAsAltContexts.contains(binding.context) {
            names += binding.keys.compactMap { if case .alt(let c) = $0 { "esc \(c)" } else { nil } }
        }
        return names.joined(separator: ", ")
    }

    /// The width of the box: wider terminals get a wider box, so descriptions are not cut.
    static func boxWidth(columns: Int) -> Int { max(40, min(columns - 2, 132)) }

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
        if screen == .generate {
            if !lines.isEmpty { lines.append(Line(keys: "", text: "", dimmed: false, heading: false)) }
            lines.append(Line(keys: "No Alt key", text: "", dimmed: false, heading: true))
            lines.append(Line(keys: "esc, then a key", text: "that key with alt (esc p is alt-p), where esc closes nothing",
                              dimmed: false, heading: false))
        }
        for context in KeyContext.listed(on: screen) {
            let bindings = keyMap.bindings.filter { $0.context == context && !$0.keys.isEmpty }
            guard !bindings.isEmpty else { continue }
            if !lines.isEmpty { lines.append(Line(keys: "", text: "", dimmed: false, heading: false)) }
            lines.append(Line(keys: context.title, text: "", dimmed: false, heading: true))
            for binding in bindings {
                let why = binding.whenDisabled.reason(in: state)
                lines.append(Line(keys: keys(binding, screen: screen),
                                  text: binding.description + (why.map { " (now: \($0))" } ?? ""), dimmed: why != nil, heading: false))
            }
        }
        if screen == .generate {
            lines.append(Line(keys: "", text: "", dimmed: false, heading: false))
            lines.append(Line(keys: "mouse", text: "click a field or a thumbnail; the wheel moves", dimmed: false, heading: false))
        }
        return lines
    }

    /// Descriptions too long for the box go on under themselves, never cut.
    static func wrapped(_ lines: [Line], textWidth: Int) -> [Line] {
        lines.flatMap { line -> [Line] in
            guard !line.heading, !line.wide, line.text.count > textWidth, textWidth > 8 else { return [line] }
            let editor = TextEditor(line.text)
            return editor.wrap(width: textWidth).enumerated().map { i, range in
                Line(keys: i == 0 ? line.keys : "", text: String(editor.characters[range.start..<range.end]).trimmingCharacters(in: .whitespaces),
                     dimmed: line.dimmed, heading: false)
            }
        }
    }

    func draw(_ help: HelpOverlay, state: StudioState, layout: OverlayLayout, into frame: inout Frame) {
        let r = layout.centered(width: Self.boxWidth(columns: state.columns), height: state.rows - 2)
        frame.popUp(r, title: "Keys (from the key map; esc closes)", theme: theme)
        let lines = Self.wrapped(Self.lines(keyMap, screen: help.screen, state: state, width: r.width - 4), textWidth: r.width - 30)
        let height = r.height - 2
        let first = min(help.scroll, max(0, lines.count - height))
        // More than fits: where the view is, on the bottom border.
        if lines.count > height {
            let more = first + height < lines.count ? "↓ more below (down, pgdn)" : "end"
            let mark = " lines \(first + 1)-\(min(lines.count, first + height)) of \(lines.count), \(more) "
            frame.putClipped(mark, x: r.x + 2, y: r.y + r.height - 1, style: theme.style("hint"), maxWidth: r.width - 4)
        }
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
