import TerminalUI

/// Reverse search through every prompt sent, as you type (Ctrl-R).
package struct PromptSearch: Sendable, Equatable {
    /// The prompts searched, newest first, as they were when the search opened.
    package var prompts: [String]
    package var query = LineEditor()
    package var selected = 0

    package init(prompts: [String]) { self.prompts = prompts }

    package var matches: [String] {
        let words = query.text.lowercased().split(separator: " ")
        guard !words.isEmpty else { return prompts }
        return prompts.filter { p in
            let lower = p.lowercased()
            return words.allSatisfy { lower.contains($0) }
        }
    }

    mutating func handle(_ input: Input, _ context: ScreenContext) -> OverlayOutcome {
        let found = matches
        switch input {
        case .action(.dialogCancel): return .close()
        case .action(.dialogAccept):
            return .close(found.indices.contains(selected) ? [.generate(.usePrompt(found[selected]))] : [])
        case .action(.promptSearchOlder):
            selected = max(0, min(found.count - 1, selected + 1))
        case .action(let action) where ListStep.delta(action, page: context.listPage) != 0:
            selected = max(0, min(found.count - 1, selected + ListStep.delta(action, page: context.listPage)))
        default:
            if query.take(input) { selected = 0 }
        }
        return .stay(.promptSearch(self))
    }
}
