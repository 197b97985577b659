import Foundation
import Preview
import TerminalUI

/// A sweep as a labelled contact sheet: a column per value of the first parameter, a row per
/// value of the second, a page per value of the third, each cell the picture of its job as it arrives.
struct HistorySweepView {
    var theme: Theme

    func draw(_ sweep: SweepGrid, layout: HistoryLayout, thumbnails: [ThumbnailKey: CellGrid], into frame: inout Frame) {
        let body = layout.body
        let size = layout.sweepCell(sweep)
        let labelWidth = sweep.axes.count > 1 ? HistoryLayout.sweepRowLabelWidth : 0
        let done = sweep.cells.filter { $0.path != nil }.count
        var head = "Sweep of job \(sweep.baseJobID): \(done) of \(sweep.cells.count) cells"
        if sweep.pages > 1 {
            head += " · page \(sweep.page + 1) of \(sweep.pages): \(sweep.pageLabels[sweep.page]) (pgdn/pgup: other pages)"
        }
        if let first = sweep.savedPNGs.first { head += "  saved \(sweep.savedPNGs.count > 1 ? "\(sweep.savedPNGs.count) PNGs in \((first as NSString).deletingLastPathComponent)" : first)" }
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
                let cell = sweep.cell(page: sweep.page, row: r, column: c)
                let x = body.x + labelWidth + c * (size.width + 1)
                if let path = cell.path, let grid = thumbnails[ThumbnailKey(path: path, columns: size.width, rows: size.height)] {
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
