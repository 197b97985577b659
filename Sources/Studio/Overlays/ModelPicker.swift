import RunwareAPI
import TerminalUI

/// What a picker writes into when something is chosen.
package enum PickerTarget: Sendable, Equatable {
    case field(JSONPath)
    /// A new item of a stack, added after the given index (or at the end).
    case newStackItem(stack: String, after: Int?)
}

/// The model picker: a query searched as it is typed (`modelSearch`, for models of the form's
/// model's architecture), or the IP-Adapters the model's page lists.
package struct ModelPicker: Sendable, Equatable {
    package var target: PickerTarget
    package var kind: ModelKind
    /// The form's model's architecture (`flux1d`), when known: LoRAs and ControlNets made for it.
    package var architecture: String?
    package var query: LineEditor
    package var results: [ModelEntry] = []
    package var selected = 0
    /// The query the shown results answer; differs from `query.text` while a search is on its way.
    package var answered: String?
    package var error: String?

    package init(target: PickerTarget, kind: ModelKind, architecture: String? = nil, query: String = "") {
        self.target = target
        self.kind = kind
        self.architecture = architecture
        self.query = LineEditor(query)
    }

    /// The search for what is typed now.
    package var search: StudioEffect { .picker(.searchModels(query: query.text, kind: kind, architecture: architecture)) }

    package var searching: Bool { answered != query.text }

    mutating func handle(_ input: Input, _ context: ScreenContext) -> OverlayOutcome {
        switch input {
        case .action(.dialogCancel): return .close()
        case .action(.dialogAccept):
            let typed = query.text.trimmingCharacters(in: .whitespaces)
            let air = results.indices.contains(selected) ? results[selected].air : AIR.isValid(typed) ? typed : nil
            guard let air else {
                error = searching ? "still searching" : "no model matches; type an AIR such as runware:111@1"
                return .stay(.models(self))
            }
            return .close([.generate(.chooseModel(air, for: target))])
        case .action(let action) where ListStep.delta(action, page: context.listPage) != 0:
            selected = max(0, min(results.count - 1, selected + ListStep.delta(action, page: context.listPage)))
            return .stay(.models(self))
        default:
            guard query.take(input) else { return .stay(.models(self)) }
            return .stay(.models(self), [.effect(search)])
        }
    }

    /// Search results arrived; those for another query than the one typed are dropped.
    mutating func receive(query answered: String, results: [ModelEntry], error: String?) {
        guard answered == query.text else { return }
        self.results = results
        self.answered = answered
        self.error = error
        selected = min(selected, max(0, results.count - 1))
    }
}
