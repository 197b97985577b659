/// An ordered stack of items (LoRAs, ControlNets, IP-Adapters) with a selected row: add, remove,
/// move up and down, edit the selected item. Pure value over any item type.
public struct StackEditor<Item: Sendable & Equatable>: Sendable, Equatable {
    public private(set) var items: [Item]
    public private(set) var selected: Int?

    public init(_ items: [Item] = []) {
        self.items = items
        selected = items.isEmpty ? nil : 0
    }

    public var current: Item? { selected.map { items[$0] } }

    /// Adds after the selected item (or at the end) and selects it.
    public mutating func add(_ item: Item) {
        let at = selected.map { $0 + 1 } ?? items.count
        items.insert(item, at: at)
        selected = at
    }

    public mutating func removeSelected() {
        guard let i = selected else { return }
        items.remove(at: i)
        selected = items.isEmpty ? nil : min(i, items.count - 1)
    }

    public mutating func select(_ index: Int) {
        guard !items.isEmpty else { return }
        selected = max(0, min(items.count - 1, index))
    }

    public mutating func moveSelected(by delta: Int) {
        guard let i = selected else { return }
        let j = max(0, min(items.count - 1, i + delta))
        guard i != j else { return }
        items.swapAt(i, j)
        selected = j
    }

    public mutating func editSelected(_ change: (inout Item) -> Void) {
        guard let i = selected else { return }
        change(&items[i])
    }
}
