import Foundation
import History
import RunwareAPI
import TerminalUI

/// The History screen's reducer: moving the selection, the search line and the panes (the
/// actions on the selected job are in `HistoryReducer+Jobs.swift`). It changes only `HistoryBrowser`; everything else it asks of
/// the shell as commands.
struct HistoryReducer: Sendable {
    func reduce(_ h: inout HistoryBrowser, _ input: Input, _ context: ScreenContext) -> [Command] {
        let layout = HistoryLayout(columns: context.columns, rows: context.rows)
        defer { h.keepSelectionVisible(layout) }
        switch input {
        case .type(let text), .paste(let text):
            guard h.pane == .search else { return [] }
            h.query.paste(text)
            applyQuery(&h)
            return []
        case .unbound:
            return []
        case .action(let action):
            if let command = action.editCommand {
                guard h.pane == .search else { return [] }
                if h.query.apply(command) { applyQuery(&h) }
                return []
            }
            return perform(action, &h, layout, context)
        }
    }

    func applyQuery(_ h: inout HistoryBrowser) {
        do {
            let saved = h.savedSearches
            _ = try HistoryQuery.parse(h.query.text) { saved[$0] }
            h.clearMarks()
            h.queryError = nil
            h.reload(keepSelection: false)
        } catch {
            h.queryError = "\(error)"
        }
    }

    private func perform(_ action: StudioAction, _ h: inout HistoryBrowser, _ layout: HistoryLayout,
                         _ context: ScreenContext) -> [Command] {
        let perRow = layout.perRow(h.mode), page = layout.pageCount(h.mode)
        switch action {
        case .historyLeft: move(&h, by: -1)
        case .historyRight: move(&h, by: 1)
        case .historyUp: move(&h, by: -perRow)
        case .historyDown: move(&h, by: perRow)
        case .historyPageUp: move(&h, by: -page)
        case .historyPageDown: move(&h, by: page)
        case .historyFirst: move(&h, by: -Int.max / 2)
        case .historyLast: move(&h, by: Int.max / 2)
        case .historySearch: h.pane = .search
        case .historySearchDone:
            h.pane = .browse
            // Typed unstacked; done, the matches come again as stacks.
            if h.stacked { h.reload(keepSelection: true) }
        case .historyMode: h.mode = h.mode == .sheet ? .list : .sheet
        case .historyOpen:
            if let row = h.selectedRow { h.pane = .detail(JobDetail(row)) }
        case .detailClose, .lineageClose, .compareClose, .sweepClose, .loupeClose: h.pane = .browse
        case .sweepNextPage: h.sweep?.turn(by: 1)
        case .sweepPreviousPage: h.sweep?.turn(by: -1)
        case .historyLoupe:
            guard h.selectedRow != nil else { return [] }
            h.pane = .loupe
        case .detailUp, .detailDown, .detailPageUp, .detailPageDown:
            guard case .detail(var detail) = h.pane else { return [] }
            let delta = [StudioAction.detailUp: -1, .detailDown: 1, .detailPageUp: -10, .detailPageDown: 10][action] ?? 0
            detail.scroll = max(0, detail.scroll + delta)
            h.pane = .detail(detail)
        case .listUp, .listDown, .listPageUp, .listPageDown:
            guard case .lineage(var tree) = h.pane else { return [] }
            tree.selected = max(0, min(tree.rows.count - 1, tree.selected + ListStep.delta(action, page: context.listPage)))
            h.pane = .lineage(tree)
        case .lineageWalk:
            // Walk on: the chosen job becomes the centre, or opens when it already is.
            guard case .lineage(let tree) = h.pane else { return [] }
            let chosen = tree.rows[tree.selected]
            if chosen.id == tree.job.id {
                h.pane = .detail(JobDetail(HistoryRow(chosen)))
            } else {
                return [.effect(.history(.lineage(chosen.id)))]
            }
        default:
            return jobAction(action, &h, context)
        }
        return []
    }

    private func move(_ h: inout HistoryBrowser, by delta: Int) {
        guard let total = h.total, total > 0 else { return }
        h.select(index: max(0, min(total - 1, h.selected + delta)))
    }

    /// The wheel moves the selection a row; a click selects the job under it (a second click opens it).
    func mouse(_ h: inout HistoryBrowser, _ button: MouseButton, x: Int, y: Int, _ context: ScreenContext) {
        guard h.pane == .browse || h.pane == .search, let total = h.total, total > 0 else { return }
        let layout = HistoryLayout(columns: context.columns, rows: context.rows)
        defer { h.keepSelectionVisible(layout) }
        let perRow = layout.perRow(h.mode)
        switch button {
        case .wheelUp, .wheelDown:
            move(&h, by: button == .wheelUp ? -perRow : perRow)
        case .left where layout.body.contains(x, y):
            let index: Int
            if h.mode == .sheet {
                let col = (x - layout.body.x) / HistoryLayout.cellWidth, row = (y - layout.body.y) / HistoryLayout.cellHeight
                guard col < perRow else { return }
                index = (h.scroll + row) * perRow + col
            } else {
                guard y > layout.body.y else { return }
                index = h.scroll + (y - layout.body.y - 1)
            }
            guard index < total else { return }
            if index == h.selected, let row = h.selectedRow { h.pane = .detail(JobDetail(row)) }
            h.select(index: index)
        default: break
        }
    }
}
