/// An ordered stack of items (LoRAs, ControlNets, IP-Adapters) with a selected row: add, remove,
/// move up and down, edit the selected item. Pure value over any item type.
package struct StackEditor<Item: Sendable & Equatable>: Sendable, Equatable {
    package private(set) var items: [Item]
    package private(set) var selected: Int?

    package init(_ items: [Item] = []) {
        self.items = items
        selected = items.isEmpty ? nil : 0
    }

    package var current: Item? { selected.map { items[$0] } }

    /// Adds after the selected item (or at the end) and selects it.
    package mutating func add(_ item: Item) {
        let at = selected.map { $0 + 1 } ?? items.count
        items.insert(item, at: at)
        selected = at
    }

    package mutating func removeSelected() {
        guard let i = selected else { return }
        items.remove(at: i)
        selected = items.isEmpty ? nil : min(i, items.count - 1)
    }

    package mutating func select(_ index: Int) {
        guard !items.isEmpty else { return }
        selected = max(0, min(items.count - 1, index))
    }

    package mutating func moveSelected(by delta: Int) {
        guard let i = selected else { return }
        let j = max(0, min(items.count - 1, i + delta))
        guard i != j else { return }
        items.swapAt(i, j)
        selected = j
    }

    package mutating func editSelected(_ change: (inout Item) -> Void) {
        guard let i = selected else { return }
        change(&items[i])
    }
}
