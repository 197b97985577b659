import Foundation
import TerminalUI

/// A sweep as a labelled contact sheet: a column per value of the first parameter, a row per
/// value of the second, each cell the picture of its job as it arrives.
struct HistorySweepView {
    var theme: Theme
    static let rowLabelWidth = 18

    static func cellSize(_ sweep: SweepGrid, columns: Int, rows: Int) -> (width: Int, height: Int) {
        let body = HistoryLayout(columns: columns, rows: rows).body
        let labelWidth = sweep.axes.count > 1 ? rowLabelWidth : 0
        let width = max(6, (body.width - labelWidth) / max(1, sweep.columns) - 1)
        let height = max(3, (body.height - 3) / max(1, sweep.rows) - 1)
        return (min(width, height * 2 + 2), height)
    }

    func draw(_ sweep: SweepGrid, state: StudioState, into frame: inout Frame) {
        let body = HistoryLayout(columns: state.columns, rows: state.rows).body
        let size = Self.cellSize(sweep, columns: state.columns, rows: state.rows)
        let labelWidth = sweep.axes.count > 1 ? Self.rowLabelWidth : 0
        let done = sweep.cells.filter { $0.path != nil }.count
        let head = "Sweep of job \(sweep.baseJobID): \(done) of \(sweep.cells.count) cells" + (sweep.savedPNG.map { "  saved \($0)" } ?? "")
        frame.putClipped(head, x: body.x + 1, y: body.y, style: theme.style("title"), maxWidth: body.width - 2)
        let top = body.y + 2
        for (c, label) in sweep.columnLabels.enumerated() {
            frame.putClipped(label, x: body.x + labelWidth + c * (size.width + 1), y: top - 1, style: theme.style("field.label"),
                             maxWidth: size.width)
        }
        for r in 0..<sweep.rows {
            let y = top + r * (size.height + 1)
            if r < sweep.rowLabels.count {
                frame.putClipped(sweep.rowLabels[r], x: body.x, y: y + size.height / 2, style: theme.style("field.label"),
                                 maxWidth: labelWidth - 1)
            }
            for c in 0..<sweep.columns {
                let cell = sweep.cells[r * sweep.columns + c]
                let x = body.x + labelWidth + c * (size.width + 1)
                if let path = cell.path, let grid = state.thumbnails[ThumbnailKey(path: path, columns: size.width, rows: size.height)] {
                    frame.place(grid, x: x + (size.width - grid.width) / 2, y: y)
                } else if let failure = cell.failure {
                    frame.putClipped("failed: " + failure, x: x, y: y + size.height / 2, style: theme.style("field.error"), maxWidth: size.width)
                } else {
                    frame.putClipped(cell.path == nil ? "waiting…" : "…", x: x, y: y + size.height / 2, style: theme.style("hint"),
                                     maxWidth: size.width)
                }
            }
        }
    }
}
