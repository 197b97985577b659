import Foundation
import Preview
import TerminalUI

/// Two generations side by side: their pictures, then every parameter of either request with
/// the ones that differ highlighted.
struct HistoryCompareView {
    var theme: Theme

    func draw(_ comparison: Comparison, layout: HistoryLayout, thumbnails: [ThumbnailKey: CellGrid], into frame: inout Frame) {
        let (left, right) = layout.comparePictures
        for (job, box) in [(comparison.a, left), (comparison.b, right)] {
            if let path = job.results.first?.path, let grid = thumbnails[ThumbnailKey(path: path, columns: box.width, rows: box.height)] {
                frame.place(grid, x: box.x + (box.width - grid.width) / 2, y: box.y)
            } else {
                frame.put(job.results.isEmpty ? job.status.rawValue : "loading…", x: box.x, y: box.y + box.height / 2, style: theme.style("hint"))
            }
        }
        let body = layout.body
        var y = left.y + left.height + 1
        let nameWidth = 20, valueWidth = (body.width - nameWidth - 4) / 2
        for row in comparison.rows where y < body.y + body.height {
            let style = theme.style(row.differs ? "selection" : "field.value")
            frame.putClipped((row.differs ? "≠ " : "  ") + row.name, x: body.x + 1, y: y,
                             style: theme.style(row.differs ? "field.error" : "field.label"), maxWidth: nameWidth)
            frame.putClipped(row.a, x: body.x + nameWidth + 2, y: y, style: style, maxWidth: valueWidth)
            frame.putClipped(row.b, x: body.x + nameWidth + 3 + valueWidth, y: y, style: style, maxWidth: valueWidth)
            y += 1
        }
    }
}
