import Foundation
import History
import RunwareAPI
import TerminalUI

/// The History screen: the search line, then a contact sheet of thumbnails or a list with
/// columns, or the detail of one job.
struct HistoryView {
    var theme: Theme

    func draw(_ state: StudioState, into frame: inout Frame) -> (x: Int, y: Int)? {
        let layout = HistoryLayout(columns: state.columns, rows: state.rows)
        let h = state.history
        var cursor: (x: Int, y: Int)?
        let s = layout.search
        frame.fill(x: s.x, y: s.y, width: s.width, height: 1, style: theme.style(h.editingQuery ? "field.focused" : "field"))
        let label = "History  / search: "
        frame.put(label, x: s.x, y: s.y, style: theme.style("title"))
        let x = s.x + DisplayWidth.of(label)
        let counted = h.total.map { "\($0) job\($0 == 1 ? "" : "s")" } ?? "loading…"
        let right = (h.mode == .sheet ? "sheet" : "list") + "  " + counted
        let queryWidth = max(1, s.width - DisplayWidth.of(label) - DisplayWidth.of(right) - 2)
        if h.editingQuery {
            cursor = (h.query.draw(into: &frame, x: x, y: s.y, width: queryWidth, style: theme.style("field.focused"),
                                   selectionStyle: theme.style("selection")), s.y)
        } else {
            frame.putClipped(h.query.text.isEmpty ? "(everything; / to search)" : h.query.text, x: x, y: s.y,
                             style: theme.style(h.query.text.isEmpty ? "hint" : "field.value"), maxWidth: queryWidth)
        }
        frame.put(right, x: s.x + s.width - DisplayWidth.of(right), y: s.y, style: theme.style("hint"))
        let body = layout.body
        if let problem = h.queryError ?? h.error {
            frame.putClipped(problem, x: body.x, y: body.y, style: theme.style("field.error"), maxWidth: body.width)
            return cursor
        }
        if h.sweepOpen, let sweep = h.sweep {
            HistorySweepView(theme: theme).draw(sweep, state: state, into: &frame)
            return cursor
        }
        if let tree = h.lineage {
            drawLineage(tree, body, into: &frame)
            return cursor
        }
        if let (a, b) = h.comparing {
            HistoryCompareView(theme: theme).draw(a, b, state: state, into: &frame)
            return cursor
        }
        if let job = h.detail {
            HistoryDetailView(theme: theme).draw(job, state: state, into: &frame)
            return cursor
        }
        if h.total == 0 {
            frame.putClipped(h.query.text.isEmpty ? "Nothing yet: generations appear here as they finish." : "No job matches.",
                             x: body.x + 1, y: body.y + 1, style: theme.style("hint"), maxWidth: body.width - 1)
            return cursor
        }
        if h.mode == .sheet { drawSheet(state, layout, into: &frame) } else { drawList(state, layout, into: &frame) }
        return cursor
    }

    private func drawSheet(_ state: StudioState, _ layout: HistoryLayout, into frame: inout Frame) {
        let h = state.history, perRow = layout.perRow(.sheet), body = layout.body
        for row in 0..<layout.visibleRows(.sheet) {
            for col in 0..<perRow {
                let i = (h.scroll + row) * perRow + col
                let x = body.x + col * HistoryLayout.cellWidth + 1, y = body.y + row * HistoryLayout.cellHeight
                guard let total = h.total, i < total else { return }
                let selected = i == h.selected
                guard let job = h.job(at: i) else {
                    frame.put("…", x: x + HistoryLayout.thumbWidth / 2, y: y + HistoryLayout.thumbHeight / 2, style: theme.style("hint"))
                    continue
                }
                if let path = job.results.first?.path,
                   let grid = state.thumbnails[ThumbnailKey(path: path, columns: HistoryLayout.thumbWidth, rows: HistoryLayout.thumbHeight)] {
                    frame.place(grid, x: x + (HistoryLayout.thumbWidth - grid.width) / 2, y: y)
                } else if job.results.isEmpty {
                    let why = job.status == .done ? "no image" : job.status.rawValue
                    frame.putClipped(why, x: x, y: y + HistoryLayout.thumbHeight / 2,
                                     style: theme.style(job.status == .failed || job.status == .interrupted ? "field.error" : "hint"),
                                     maxWidth: HistoryLayout.thumbWidth)
                }
                let caption = (job.favourite ? "★" : "") + "#\(job.id) " + job.positivePrompt
                frame.putClipped(caption, x: x, y: y + HistoryLayout.thumbHeight, style: theme.style(selected ? "selection" : "hint"),
                                 maxWidth: HistoryLayout.thumbWidth)
            }
        }
    }

    /// Parent above, the job, its children below as a small tree; Enter walks to the chosen one.
    private func drawLineage(_ tree: LineageTree, _ body: GenerateLayout.Rect, into frame: inout Frame) {
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

    static let listColumns = "  date              status       model            size        seed                  cost  prompt"

    private func drawList(_ state: StudioState, _ layout: HistoryLayout, into frame: inout Frame) {
        let h = state.history, body = layout.body
        frame.putClipped(Self.listColumns, x: body.x, y: body.y, style: theme.style("field.label"), maxWidth: body.width)
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        for row in 0..<layout.visibleRows(.list) {
            let i = h.scroll + row
            guard let total = h.total, i < total else { return }
            let y = body.y + 1 + row
            let selected = i == h.selected
            let style = theme.style(selected ? "selection" : "field.value")
            if selected { frame.fill(x: body.x, y: y, width: body.width, height: 1, style: style) }
            guard let job = h.job(at: i) else {
                frame.put("  …", x: body.x, y: y, style: theme.style("hint"))
                continue
            }
            let size = job.width.map { "\($0)x\(job.height ?? $0)" } ?? "default"
            let seed = (job.results.first?.seed ?? job.seed).map(String.init) ?? "-"
            let cost = job.cost.map { String(format: "$%.4f", $0) } ?? "-"
            let line = (job.favourite ? "★ " : "  ") + formatter.string(from: job.createdAt).padding(toLength: 18, withPad: " ", startingAt: 0)
                + job.status.rawValue.padding(toLength: 13, withPad: " ", startingAt: 0)
                + String(job.model.prefix(16)).padding(toLength: 17, withPad: " ", startingAt: 0)
                + size.padding(toLength: 12, withPad: " ", startingAt: 0)
                + seed.padding(toLength: 20, withPad: " ", startingAt: 0)
                + cost.leftPadded(to: 9) + "  " + job.positivePrompt
            let role = selected ? "selection" : job.status == .failed || job.status == .interrupted ? "field.error" : "field.value"
            frame.putClipped(line, x: body.x, y: y, style: theme.style(role), maxWidth: body.width)
        }
    }
}

extension String {
    func leftPadded(to width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}

/// One job in full: the largest picture that fits, every parameter of the request, the results
/// and the reason a failed or interrupted job ended.
struct HistoryDetailView {
    var theme: Theme

    static func pictureBox(columns: Int, rows: Int) -> GenerateLayout.Rect {
        let body = HistoryLayout(columns: columns, rows: rows).body
        let width = max(10, min(body.width / 2, 100))
        return GenerateLayout.Rect(x: body.x + 1, y: body.y + 1, width: width, height: max(3, body.height - 2))
    }

    func draw(_ job: HistoryJob, state: StudioState, into frame: inout Frame) {
        let box = Self.pictureBox(columns: state.columns, rows: state.rows)
        if let path = job.results.first?.path, !state.pixelPreview {
            if let grid = state.thumbnails[ThumbnailKey(path: path, columns: box.width, rows: box.height)] {
                frame.place(grid, x: box.x + (box.width - grid.width) / 2, y: box.y + (box.height - grid.height) / 2)
            } else {
                frame.put("loading…", x: box.x, y: box.y + box.height / 2, style: theme.style("hint"))
            }
        }
        let x = box.x + box.width + 2
        let width = state.columns - x - 1
        guard width > 10 else { return }
        var lines: [(String, String)] = [
            ("job", "#\(job.id)" + (job.favourite ? " ★" : "") + (job.tags.isEmpty ? "" : "  tags: " + job.tags.joined(separator: ", "))),
            ("status", job.status.rawValue + (job.reason.map { ": \($0)" } ?? "")),
        ]
        if let parent = job.parentID { lines.append(("from", "\(job.lineage?.rawValue ?? "child") of job \(parent)")) }
        if let cost = job.cost { lines.append(("cost", String(format: "$%.4f", cost))) }
        lines.append(("", ""))
        if let object = job.taskObject {
            for key in object.keys.sorted() where key != "taskType" {
                lines.append((key, GenerateForm.display(object[key]!)))
            }
        }
        for result in job.results {
            lines.append(("", ""))
            lines.append(("image \(result.index + 1)", (result.path as NSString).lastPathComponent))
            if let seed = result.seed { lines.append(("  seed", String(seed))) }
            if let w = result.width, let h = result.height { lines.append(("  size", "\(w)x\(h) \(result.format)")) }
            if let cost = result.cost { lines.append(("  cost", String(format: "$%.4f", cost))) }
            // The rest of what the API answered for this image.
            if let response = result.response {
                for key in response.keys.sorted() where !["seed", "cost", "taskType", "taskUUID"].contains(key) {
                    lines.append(("  " + key, GenerateForm.display(response[key]!)))
                }
            }
        }
        let first = min(state.history.detailScroll, max(0, lines.count - box.height))
        for (row, line) in lines.dropFirst(first).prefix(box.height).enumerated() {
            frame.putClipped(line.0, x: x, y: box.y + row, style: theme.style("field.label"), maxWidth: 18)
            frame.putClipped(line.1, x: x + 19, y: box.y + row,
                             style: theme.style(line.0 == "status" && job.status != .done ? "field.error" : "field.value"),
                             maxWidth: width - 19)
        }
    }
}
