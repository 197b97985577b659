/// How `darkroom show` lays pictures out: how many per row and how big each slot is, in cells.
package struct SheetLayout: Sendable, Equatable {
    package var perRow: Int
    package var slotWidth: Int
    package var slotHeight: Int

    package init(perRow: Int, slotWidth: Int, slotHeight: Int) {
        self.perRow = perRow
        self.slotWidth = slotWidth
        self.slotHeight = slotHeight
    }

    /// From `--size COLSxROWS` and `--grid COLS[xROWS]` over a terminal `columns` wide (and
    /// `terminalRows` high, when known): one picture filling the width, or a grid whose slots
    /// share it with two columns between them.
    package static func choose(size: String?, grid: String?, columns: Int, terminalRows: Int?) throws -> SheetLayout {
        var fixed: (Int, Int)?
        if let size {
            let parts = size.lowercased().split(separator: "x").compactMap { Int($0) }
            guard parts.count == 2, parts[0] > 0, parts[1] > 0 else {
                throw OptionRefusal("--size \"\(size)\": expected COLSxROWS, e.g. 48x24")
            }
            fixed = (parts[0], parts[1])
        }
        if let grid {
            let parts = grid.lowercased().split(separator: "x").compactMap { Int($0) }
            guard (1...2).contains(parts.count), parts.allSatisfy({ $0 > 0 }) else {
                throw OptionRefusal("--grid \"\(grid)\": expected COLS or COLSxROWS, e.g. 8 or 4x2")
            }
            let perRow = parts[0]
            let slotWidth = fixed?.0 ?? max(4, (columns - (perRow - 1) * 2) / perRow)
            var slotHeight = fixed?.1 ?? max(2, slotWidth / 2)
            if parts.count == 2, let rows = terminalRows, fixed == nil {
                slotHeight = max(2, min(slotHeight, rows / parts[1] - 1))
            }
            return SheetLayout(perRow: perRow, slotWidth: slotWidth, slotHeight: slotHeight)
        }
        if let fixed { return SheetLayout(perRow: 1, slotWidth: fixed.0, slotHeight: fixed.1) }
        let height = terminalRows.map { max(2, $0 - 2) } ?? max(2, columns / 2)
        return SheetLayout(perRow: 1, slotWidth: columns, slotHeight: height)
    }
}
