/// The whole of what the status line and the job rows cut short: the last error, the last
/// notice and every job of this run that failed, with its reason in full. Scrolled like help.
package struct MessageOverlay: Sendable, Equatable {
    package struct Entry: Sendable, Equatable {
        package var title: String
        package var text: String
    }

    package var entries: [Entry]
    package var scroll = 0

    package init(entries: [Entry]) { self.entries = entries }

    /// What there is to read now, newest first.
    package init(_ state: StudioState) {
        var entries: [Entry] = []
        if let error = state.status.lastError { entries.append(Entry(title: "Last error", text: error)) }
        if let notice = state.status.notice { entries.append(Entry(title: "Last notice", text: notice)) }
        for line in state.jobs.lines.reversed() {
            if case .failed(let why) = line.phase { entries.append(Entry(title: "Job \(line.number) failed", text: why)) }
        }
        if entries.isEmpty { entries.append(Entry(title: "Nothing to read", text: "no error, notice or failed job in this run")) }
        self.init(entries: entries)
    }

    mutating func handle(_ input: Input, _ context: ScreenContext) -> OverlayOutcome {
        guard case .action(let action) = input else { return .stay(.message(self)) }
        if action == .messageClose { return .close() }
        scroll = max(0, scroll + ListStep.delta(action, page: context.listPage))
        return .stay(.message(self))
    }
}
