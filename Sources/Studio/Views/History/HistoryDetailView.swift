import Foundation
import History
import Preview
import TerminalUI

/// One job in full: the largest picture that fits, then the detail's lines (every parameter of
/// the request, the results, the reason a failed or interrupted job ended).
struct HistoryDetailView {
    var theme: Theme

    func draw(_ detail: JobDetail, layout: HistoryLayout, thumbnails: [ThumbnailKey: CellGrid], pixelPreview: Bool,
              into frame: inout Frame) {
        let job = detail.row.job
        let box = layout.detailPicture
        if let path = job.results.first?.path, !pixelPreview {
            if let grid = thumbnails[ThumbnailKey(path: path, columns: box.width, rows: box.height)] {
                frame.place(grid, x: box.x + (box.width - grid.width) / 2, y: box.y + (box.height - grid.height) / 2)
            } else {
                frame.put("loading…", x: box.x, y: box.y + box.height / 2, style: theme.style("hint"))
            }
        }
        let x = box.x + box.width + 2
        let width = layout.body.x + layout.body.width - x - 1
        guard width > 10 else { return }
        // Long values (the prompt, a failure's reason) wrap under themselves, never cut.
        let rows = Self.wrapped(detail.lines, width: width - 19)
        let first = min(detail.scroll, max(0, rows.count - box.height))
        for (row, line) in rows.dropFirst(first).prefix(box.height).enumerated() {
            frame.putClipped(line.label, x: x, y: box.y + row, style: theme.style("field.label"), maxWidth: 18)
            frame.putClipped(line.value, x: x + 19, y: box.y + row,
                             style: theme.style(line.status && job.status != .done ? "field.error" : "field.value"),
                             maxWidth: width - 19)
        }
    }

    static func wrapped(_ lines: [JobDetail.Line], width: Int) -> [(label: String, value: String, status: Bool)] {
        lines.flatMap { line -> [(label: String, value: String, status: Bool)] in
            guard line.value.count > width, width > 8 else { return [(line.label, line.value, line.label == "status")] }
            let editor = TextEditor(line.value)
            return editor.wrap(width: width).enumerated().map { i, range in
                (i == 0 ? line.label : "", String(editor.characters[range.start..<range.end]), line.label == "status")
            }
        }
    }
}

/// Parent above, the job, its children below as a small tree; Enter walks to the chosen one.
struct LineageView {
    var theme: Theme

    func draw(_ tree: LineageTree, _ body: GenerateLayout.Rect, into frame: inout Frame) {
        frame.put("Lineage of job \(tree.job.id)  (Enter: walk to / open, Esc: back)", x: body.x + 1, y: body.y, style: theme.style("title"))
        var y = body.y + 2
        for (i, job) in tree.rows.enumerated() {
            let isParent = tree.parent != nil && i == 0
            let isJob = job.id == tree.job.id
            let lead = isParent ? "↑ parent " : isJob ? (tree.parent == nil ? "● " : "└ ● ") : "    ├ \(job.lineage?.rawValue ?? "child") "
            let text = lead + "#\(job.id) " + job.status.rawValue + "  " + job.positivePrompt
            let style = theme.style(i == tree.selected ? "selection" : isJob ? "field.value" : "field.label")
            if i == tree.selected { frame.fill(x: body.x, y: y, width: body.width, height: 1, style: style) }
            frame.putClipped(text, x: body.x + 1, y: y, style: style, maxWidth: body.width - 2)
            y += 1
            if y >= body.y + body.height { break }
        }
        if tree.children.isEmpty {
            frame.put("no forks, variations, re-runs or sweep cells yet", x: body.x + 5, y: y, style: theme.style("hint"))
        }
    }
}
