import Foundation
import History
import Preview
import TerminalUI

/// The contact sheet: a thumbnail and a caption per job, the selected one highlighted.
struct HistorySheetView {
    var theme: Theme

    func draw(_ h: HistoryBrowser, _ layout: HistoryLayout, thumbnails: [ThumbnailKey: CellGrid], into frame: inout Frame) {
        let perRow = layout.perRow(.sheet), body = layout.body
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
                   let grid = thumbnails[ThumbnailKey(path: path, columns: HistoryLayout.thumbWidth, rows: HistoryLayout.thumbHeight)] {
                    frame.place(grid, x: x + (HistoryLayout.thumbWidth - grid.width) / 2, y: y)
                } else if job.results.isEmpty {
                    let why = job.status == .done ? "no image" : job.status.rawValue
                    frame.putClipped(why, x: x, y: y + HistoryLayout.thumbHeight / 2,
                                     style: theme.style(job.status == .failed || job.status == .interrupted ? "field.error" : "hint"),
                                     maxWidth: HistoryLayout.thumbWidth)
                }
                let marked = h.markAll || h.marks.contains(job.id)
                let caption = (marked ? "✓" : "") + (job.favourite ? "♥" : "") + (job.rating > 0 ? "★\(job.rating)" : "")
                    + (job.stackCount > 1 ? "▣\(job.stackCount)" : "") + "#\(job.id) " + job.positivePrompt
                frame.putClipped(caption, x: x, y: y + HistoryLayout.thumbHeight, style: theme.style(selected ? "selection" : "hint"),
                                 maxWidth: HistoryLayout.thumbWidth)
            }
        }
    }
}

/// The list: a line per job with its date, status, rating, model, size, seed, cost and prompt
/// (after its stack's count, `▣3`, when the line stands for a stack).
struct HistoryListView {
    var theme: Theme

    static let columns = "     id  date              status       ★  model            size        seed                  cost  prompt"

    func draw(_ h: HistoryBrowser, _ layout: HistoryLayout, into frame: inout Frame) {
        let body = layout.body
        frame.putClipped(Self.columns, x: body.x, y: body.y, style: theme.style("field.label"), maxWidth: body.width)
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
            let marked = h.markAll || h.marks.contains(job.id)
            let line = (marked ? "✓" : " ") + (job.favourite ? "♥" : " ") + String(job.id).leftPadded(to: 5) + "  "
                + formatter.string(from: job.createdAt).padding(toLength: 18, withPad: " ", startingAt: 0)
                + job.status.rawValue.padding(toLength: 13, withPad: " ", startingAt: 0)
                + (job.rating > 0 ? String(job.rating) : "-").padding(toLength: 3, withPad: " ", startingAt: 0)
                + String(job.model.prefix(16)).padding(toLength: 17, withPad: " ", startingAt: 0)
                + size.padding(toLength: 12, withPad: " ", startingAt: 0)
                + seed.padding(toLength: 20, withPad: " ", startingAt: 0)
                + cost.leftPadded(to: 9) + "  " + (job.stackCount > 1 ? "▣\(job.stackCount) " : "") + job.positivePrompt
            let role = selected ? "selection" : job.status == .failed || job.status == .interrupted ? "field.error" : "field.value"
            frame.putClipped(line, x: body.x, y: y, style: theme.style(role), maxWidth: body.width)
        }
    }
}

extension String {
    func leftPadded(to width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
