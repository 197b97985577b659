import Foundation
import History
import RunwareAPI
import TerminalUI

/// Two generations side by side: their pictures, then every parameter of either request with
/// the ones that differ highlighted.
struct HistoryCompareView {
    var theme: Theme

    static func pictureBoxes(columns: Int, rows: Int) -> (GenerateLayout.Rect, GenerateLayout.Rect) {
        let body = HistoryLayout(columns: columns, rows: rows).body
        let half = body.width / 2
        let height = max(3, min(body.height / 2, half / 2))
        return (GenerateLayout.Rect(x: body.x + 1, y: body.y + 1, width: half - 2, height: height),
                GenerateLayout.Rect(x: body.x + half + 1, y: body.y + 1, width: half - 2, height: height))
    }

    /// Parameter name, value in a, value in b; request keys plus the status and the first seed.
    static func rows(_ a: HistoryJob, _ b: HistoryJob) -> [(String, String, String)] {
        let oa = StudioReducer.taskObject(a) ?? [:], ob = StudioReducer.taskObject(b) ?? [:]
        var rows: [(String, String, String)] = [("job", "#\(a.id)", "#\(b.id)"), ("status", a.status.rawValue, b.status.rawValue),
                                                ("result seed", a.results.first?.seed.map(String.init) ?? "-",
                                                 b.results.first?.seed.map(String.init) ?? "-")]
        for key in Set(oa.keys).union(ob.keys).sorted() {
            rows.append((key, oa[key].map(GenerateForm.display) ?? "(default)", ob[key].map(GenerateForm.display) ?? "(default)"))
        }
        return rows
    }

    func draw(_ a: HistoryJob, _ b: HistoryJob, state: StudioState, into frame: inout Frame) {
        let (left, right) = Self.pictureBoxes(columns: state.columns, rows: state.rows)
        for (job, box) in [(a, left), (b, right)] {
            if let path = job.results.first?.path, let grid = state.thumbnails[ThumbnailKey(path: path, columns: box.width, rows: box.height)] {
                frame.place(grid, x: box.x + (box.width - grid.width) / 2, y: box.y)
            } else {
                frame.put(job.results.isEmpty ? job.status.rawValue : "loading…", x: box.x, y: box.y + box.height / 2, style: theme.style("hint"))
            }
        }
        let body = HistoryLayout(columns: state.columns, rows: state.rows).body
        var y = left.y + left.height + 1
        let nameWidth = 20, valueWidth = (body.width - nameWidth - 4) / 2
        for (name, va, vb) in Self.rows(a, b) where y < body.y + body.height {
            let differs = va != vb
            let style = theme.style(differs ? "selection" : "field.value")
            frame.putClipped((differs ? "≠ " : "  ") + name, x: body.x + 1, y: y, style: theme.style(differs ? "field.error" : "field.label"),
                             maxWidth: nameWidth)
            frame.putClipped(va, x: body.x + nameWidth + 2, y: y, style: style, maxWidth: valueWidth)
            frame.putClipped(vb, x: body.x + nameWidth + 3 + valueWidth, y: y, style: style, maxWidth: valueWidth)
            y += 1
        }
    }
}
