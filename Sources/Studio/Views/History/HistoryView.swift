import Foundation
import History
import Preview
import RunwareAPI
import TerminalUI

/// The History screen: the search line, then the pane on show (the contact sheet or list, a
/// job's details, its lineage, a comparison, a sweep sheet).
struct HistoryView {
    var theme: Theme

    func draw(_ h: HistoryBrowser, thumbnails: [ThumbnailKey: CellGrid], context: ScreenContext,
              into frame: inout Frame) -> (x: Int, y: Int)? {
        let layout = HistoryLayout(columns: context.columns, rows: context.rows)
        let cursor = drawSearch(h, layout, into: &frame)
        let body = layout.body
        if let problem = h.queryError ?? h.error {
            frame.putClipped(problem, x: body.x, y: body.y, style: theme.style("field.error"), maxWidth: body.width)
            return cursor
        }
        switch h.pane {
        case .sweep:
            if let sweep = h.sweep { HistorySweepView(theme: theme).draw(sweep, layout: layout, thumbnails: thumbnails, into: &frame) }
        case .loupe:
            HistoryLoupeView(theme: theme).draw(h, layout: layout, thumbnails: thumbnails, pixelPreview: context.pixelPreview, into: &frame)
        case .lineage(let tree):
            LineageView(theme: theme).draw(tree, body, into: &frame)
        case .compare(let comparison):
            HistoryCompareView(theme: theme).draw(comparison, layout: layout, thumbnails: thumbnails, into: &frame)
        case .detail(let detail):
            HistoryDetailView(theme: theme).draw(detail, layout: layout, thumbnails: thumbnails, pixelPreview: context.pixelPreview,
                                                 into: &frame)
        case .browse, .search:
            if h.total == 0 {
                frame.putClipped(h.query.text.isEmpty ? "Nothing yet: generations appear here as they finish." : "No job matches.",
                                 x: body.x + 1, y: body.y + 1, style: theme.style("hint"), maxWidth: body.width - 1)
            } else if h.mode == .sheet {
                HistorySheetView(theme: theme).draw(h, layout, thumbnails: thumbnails, into: &frame)
            } else {
                HistoryListView(theme: theme).draw(h, layout, into: &frame)
            }
        }
        return cursor
    }

    private func drawSearch(_ h: HistoryBrowser, _ layout: HistoryLayout, into frame: inout Frame) -> (x: Int, y: Int)? {
        let s = layout.search
        let editing = h.pane == .search
        frame.fill(x: s.x, y: s.y, width: s.width, height: 1, style: theme.style(editing ? "field.focused" : "field"))
        let label = "History  / search: "
        frame.put(label, x: s.x, y: s.y, style: theme.style("title"))
        let x = s.x + DisplayWidth.of(label)
        let matches = h.total.map { total in
            h.matching.map { "\(counted($0, "job")) in \(counted(total, "stack"))" } ?? "\(counted(total, "job"))"
        } ?? "loading…"
        let right = (h.mode == .sheet ? "sheet" : "list") + "  " + matches
        let queryWidth = max(1, s.width - DisplayWidth.of(label) - DisplayWidth.of(right) - 2)
        var cursor: (x: Int, y: Int)?
        if editing {
            cursor = (h.query.draw(into: &frame, x: x, y: s.y, width: queryWidth, style: theme.style("field.focused"),
                                   selectionStyle: theme.style("selection")), s.y)
        } else {
            frame.putClipped(h.query.text.isEmpty ? "(everything; / to search)" : h.query.text, x: x, y: s.y,
                             style: theme.style(h.query.text.isEmpty ? "hint" : "field.value"), maxWidth: queryWidth)
        }
        frame.put(right, x: s.x + s.width - DisplayWidth.of(right), y: s.y, style: theme.style("hint"))
        return cursor
    }
}
