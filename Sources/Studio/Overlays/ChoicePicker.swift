import RunwareAPI
import TerminalUI

/// A documented set of values to choose from, with type-to-filter.
public struct ChoicePicker: Sendable, Equatable {
    public var path: JSONPath
    /// The field's name as the form shows it.
    public var title: String { FieldNames.name(of: path.description) }
    public var list: ChoiceList
    public var filter = LineEditor()

    public init(path: JSONPath, options: [String], current: String?) {
        self.path = path
        list = ChoiceList(options, selecting: current)
    }

    mutating func handle(_ input: Input, _ context: ScreenContext) -> OverlayOutcome {
        switch input {
        case .action(.dialogCancel): return .close()
        case .action(.dialogAccept):
            return .close(list.selection.map { [.generate(.setField(path, $0))] } ?? [])
        case .action(let action) where ListStep.delta(action, page: context.listPage) != 0:
            list.moveSelection(by: ListStep.delta(action, page: context.listPage), height: context.listPage)
        default:
            if filter.take(input) { list.setFilter(filter.text) }
        }
        return .stay(.choice(self))
    }
}
