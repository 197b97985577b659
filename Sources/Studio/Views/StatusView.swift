import Foundation
import TerminalUI

/// The status line (target, jobs in flight, spend today, last error or a notice) and the footer
/// hints generated from the key map.
struct StatusView {
    var theme: Theme
    var keyMap: KeyMap

    func draw(_ state: StudioState, into frame: inout Frame) {
        let layout = GenerateLayout(columns: state.columns, rows: state.rows)
        let status = state.status
        let s = layout.status
        frame.fill(x: s.x, y: s.y, width: s.width, height: 1, style: theme.style("status"))
        let spend = status.spendToday.map { String(format: "$%.4f", $0) } ?? "…"
        let left = " \(status.target) │ jobs \(state.jobs.inFlight) running │ today \(spend) "
        let used = frame.putClipped(left, x: s.x, y: s.y, style: theme.style("status"), maxWidth: s.width)
        if let notice = status.notice {
            frame.putClipped("│ " + notice, x: s.x + used, y: s.y, style: theme.style("status"), maxWidth: s.width - used)
        } else if state.screen == .generate, state.overlay == nil, let field = state.generate.focusedField,
                  let issue = state.generate.form.issues(for: field).first {
            // The focused field's violation in full (beside the field it may be cut short).
            frame.putClipped("│ " + issue.description, x: s.x + used, y: s.y, style: theme.style("status.error"), maxWidth: s.width - used)
        } else if let error = status.lastError {
            frame.putClipped("│ last error: " + error, x: s.x + used, y: s.y, style: theme.style("status.error"), maxWidth: s.width - used)
        }
        drawFooter(state, layout.footer, into: &frame)
    }

    /// The bindings that matter here, enabled ones first; disabled ones are dimmed.
    static let footerActions: [StudioScreen: [StudioAction]] = [
        .generate: [.generate, .cancel, .help, .showHistory, .promptSearch, .stackAdd, .quit],
        .history: [.showGenerate, .historySearch, .historyOpen, .historyFork, .historyRerun, .historyVariations, .historyFavourite,
                   .historyDelete, .historyMode, .help],
    ]

    /// The footer keeps a description to its first words ("search (words, ...)" -> "search").
    static func short(_ description: String) -> String {
        String(description.split(separator: "(").first ?? Substring(description)).split(separator: ":").first.map {
            String($0).trimmingCharacters(in: .whitespaces)
        } ?? description
    }

    private func drawFooter(_ state: StudioState, _ r: GenerateLayout.Rect, into frame: inout Frame) {
        frame.fill(x: r.x, y: r.y, width: r.width, height: 1, style: theme.style("footer"))
        var x = r.x + 1
        for action in Self.footerActions[state.screen] ?? [] {
            guard let binding = keyMap.binding(action), let key = binding.keys.first else { continue }
            let disabled = binding.whenDisabled.reason(in: state) != nil
            let name = KeyName.name(key)
            let text = Self.short(binding.description)
            let width = DisplayWidth.of(name) + DisplayWidth.of(text) + 3
            guard x + width <= r.x + r.width else { break }
            let keyStyle = disabled ? theme.style("hint") : theme.style("footer.key")
            let textStyle = disabled ? theme.style("hint") : theme.style("footer.text")
            x += frame.put(name, x: x, y: r.y, style: keyStyle)
            x += frame.put(" " + text, x: x, y: r.y, style: textStyle)
            x += 2
        }
    }
}
