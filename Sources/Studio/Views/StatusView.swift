import Foundation
import TerminalUI

/// The status line (target, jobs in flight, spend today, last error or a notice) and the footer
/// hints generated from the key map.
struct StatusView {
    var theme: Theme
    var keyMap: KeyMap

    func draw(_ state: StudioState, into frame: inout Frame) {
        let layout = state.generate.layout(columns: state.columns, rows: state.rows)
        let status = state.status
        let s = layout.status
        frame.fill(x: s.x, y: s.y, width: s.width, height: 1, style: theme.style("status"))
        let spend = status.spendToday.map { String(format: "$%.4f", $0) } ?? "…"
        let message: (text: String, style: String)? =
            if let notice = status.notice { (notice, "status") }
            else if state.screen == .generate, state.overlay == nil, let field = state.generate.focusedField,
                    let issue = state.generate.form.issues(for: field).first {
                // The focused field's violation in full (beside the field it may be cut short).
                (FieldNames.message(issue), "status.error")
            } else if let error = status.lastError { ("last error: " + error, "status.error") }
            else if let hint = status.terminalHint { (hint, "status") }
            else { nil }
        // The summary gives way to a message that would not fit beside it: first the jobs and
        // spend, then the target, so a hint's command and reason are read whole.
        let balance = status.balance.map { String(format: " │ balance $%.4f", $0) } ?? ""
        let summaries = [" \(status.target) │ jobs \(state.jobs.inFlight) running │ today \(spend)\(balance) ", " \(status.target) ", ""]
        let room = { (summary: String) in s.width - DisplayWidth.of(summary) - (summary.isEmpty ? 1 : 2) }
        let summary = message.map { m in summaries.first { room($0) >= DisplayWidth.of(m.text) } ?? "" } ?? summaries[0]
        let used = frame.putClipped(summary, x: s.x, y: s.y, style: theme.style("status"), maxWidth: s.width)
        if let message {
            let text = (summary.isEmpty ? " " : "│ ") + message.text
            frame.putClipped(text, x: s.x + used, y: s.y, style: theme.style(message.style), maxWidth: s.width - used)
        }
        drawFooter(state, layout.footer, into: &frame)
    }

    /// The footer keeps a description to its first words ("search (words, ...)" -> "search").
    static func short(_ description: String) -> String {
        String(description.split(separator: "(").first ?? Substring(description)).split(separator: ":").first.map {
            String($0).trimmingCharacters(in: .whitespaces)
        } ?? description
    }

    /// With the preview on the whole screen, its own keys.
    static let zoomedFooterActions: [StudioAction] = [.previewClose, .previewRate0, .previewNewer, .previewOlder, .generate, .help,
                                                      .quit]

    /// Kept when the footer is too narrow for all: how to get help and how to leave.
    static let footerFirst: [StudioAction] = [.quit, .help, .generate, .showHistory, .showGenerate]

    /// The footer's actions that fit in `width`, in their order; the `footerFirst` ones are
    /// given room before the rest.
    static func fitting(_ actions: [StudioAction], width: Int, size: (StudioAction) -> Int?) -> [StudioAction] {
        let ranked = actions.filter(footerFirst.contains).sorted { footerFirst.firstIndex(of: $0)! < footerFirst.firstIndex(of: $1)! }
            + actions.filter { !footerFirst.contains($0) }
        var used = 0
        var kept = Set<StudioAction>()
        for action in ranked {
            guard let w = size(action) else { continue }
            // The first ones skip what does not fit; the rest stop there, so an earlier key is never
            // dropped for a later, shorter one.
            guard used + w <= width else {
                if footerFirst.contains(action) { continue } else { break }
            }
            used += w
            kept.insert(action)
        }
        return actions.filter(kept.contains)
    }

    private func drawFooter(_ state: StudioState, _ r: GenerateLayout.Rect, into frame: inout Frame) {
        frame.fill(x: r.x, y: r.y, width: r.width, height: 1, style: theme.style("footer"))
        var x = r.x + 1
        let all = state.screen == .generate && state.generate.previewZoomed ? Self.zoomedFooterActions
            : KeyMap.footerActions[state.screen] ?? []
        let shown = Self.fitting(all, width: r.width - 1) { action in
            footerEntry(action).map { DisplayWidth.of($0.name) + DisplayWidth.of($0.text) + 3 }
        }
        for action in shown {
            guard let binding = keyMap.binding(action), let (name, text) = footerEntry(action) else { continue }
            let disabled = binding.whenDisabled.reason(in: state) != nil
            let width = DisplayWidth.of(name) + DisplayWidth.of(text) + 3
            guard x + width <= r.x + r.width + 1 else { break }
            let keyStyle = disabled ? theme.style("hint") : theme.style("footer.key")
            let textStyle = disabled ? theme.style("hint") : theme.style("footer.text")
            x += frame.put(name, x: x, y: r.y, style: keyStyle)
            x += frame.put(" " + text, x: x, y: r.y, style: textStyle)
            x += 2
        }
    }

    /// The key's name and its words in the footer; a run of keys ("0-5 rate") by its ends.
    private func footerEntry(_ action: StudioAction) -> (name: String, text: String)? {
        guard let binding = keyMap.binding(action), let key = binding.keys.first else { return nil }
        if let run = KeyMap.footerRuns[action], let last = keyMap.binding(run.last)?.keys.first {
            return (KeyName.name(key) + "-" + KeyName.name(last), run.text)
        }
        return (KeyName.name(key), Self.short(binding.description))
    }
}
