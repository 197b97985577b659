import RunwareAPI
import TerminalUI

/// A documented set of values to choose from, with type-to-filter.
package struct ChoicePicker: Sendable, Equatable {
    package var path: JSONPath
    /// The field's name as the form shows it.
    package var title: String { path == Self.savedSearchTarget ? "Saved searches (Enter: search it)" : FieldNames.name(of: path.description) }
    /// The target of the saved-search list: the chosen `@name` goes into History's search line.
    package static let savedSearchTarget: JSONPath = "ui.savedSearch"
    package var list: ChoiceList
    package var filter = LineEditor()

    package init(path: JSONPath, options: [String], current: String?) {
        self.path = path
        list = ChoiceList(options, selecting: current)
    }

    mutating func handle(_ input: Input, _ context: ScreenContext) -> OverlayOutcome {
        switch input {
        case .action(.dialogCancel): return .close()
        case .action(.dialogAccept):
            guard let chosen = list.selection else { return .close() }
            if path == Self.savedSearchTarget {
                return .close([.history(.search(String(chosen.prefix { !$0.isWhitespace })))])
            }
            return .close([.generate(.setField(path, chosen))])
        case .action(let action) where ListStep.delta(action, page: context.listPage) != 0:
            list.moveSelection(by: ListStep.delta(action, page: context.listPage), height: context.listPage)
        default:
            if filter.take(input) { list.setFilter(filter.text) }
        }
        return .stay(.choice(self))
    }
}
