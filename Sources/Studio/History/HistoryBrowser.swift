import Foundation
import History
import TerminalUI

/// The History screen: a query, the matching jobs loaded a page at a time around what is on
/// screen (100,000 jobs never sit in memory), the selected job, and the pane on show.
package struct HistoryBrowser: Sendable {
    package enum Mode: Sendable, Equatable { case sheet, list }

    package static let pageSize = 120
    /// Pages kept on each side of the visible ones.
    static let keptPages = 2

    package var query = LineEditor()
    package var queryError: String?
    package var mode: Mode = .sheet
    /// Matching jobs; nil until the first answer.
    package var total: Int?
    package var pages: [Int: [HistoryRow]] = [:]
    package var pagesRequested: Set<Int> = []
    /// Pages shown from before the last reload, asked for again.
    package var stalePages: Set<Int> = []
    /// Bumped when the query or the data changes, so late answers for an old query are dropped.
    package var generation = 0
    /// Where the selected job is (or was last seen) among the matching jobs.
    package private(set) var selected = 0
    /// The selected job. The selection follows this job when rows come or go above it; nil
    /// until a job is loaded at `selected`.
    package private(set) var selectedID: Int64?
    /// The stack the selected cell stands for (stacked view): when its cover changes (a re-run
    /// joined it, so the selected id is no longer a cell), the selection stays on the stack.
    package private(set) var selectedStack: String?
    /// First visible row (of sheet cells or list lines).
    package var scroll = 0
    package var pane: HistoryPane = .browse
    package var error: String?
    /// The first of two jobs to compare.
    package var compareMark: HistoryRow?
    /// The last sweep sent; its sheet is the `.sweep` pane.
    package var sweep: SweepGrid?
    /// Jobs marked for a batch action, by id.
    package var marks: Set<Int64> = []
    /// The whole current search is marked (its jobs are found by History when the action runs).
    package var markAll = false
    /// Saved searches by name, for `@name` in the search line.
    package var savedSearches: [String: String] = [:]
    /// Jobs that differ only in seed are one cell with a count (`u` turns it off); never inside
    /// `stack:`, which is one stack opened.
    package var stacked = true
    /// While the search line is typed every match comes as it is (the full-text index is walked
    /// in order and stops at the page, ~4x faster than grouping all matches); Enter stacks them.
    package var showsStacks: Bool { stacked && pane != .search && !query.text.lowercased().contains("stack:") }
    /// How many jobs match when the cells are stacks (nil: as many as cells).
    package var matching: Int?
    /// The search before a stack was opened (`e`), back with `e` again.
    package var queryBeforeStack: String?
    /// History's data version when last asked; nil until then.
    package var dataVersion: Int?

    package init() {}

    package func row(at index: Int) -> HistoryRow? {
        guard index >= 0, let page = pages[index / Self.pageSize] else { return nil }
        let i = index % Self.pageSize
        return page.indices.contains(i) ? page[i] : nil
    }

    package func job(at index: Int) -> HistoryJob? { row(at: index)?.job }

    /// The job actions apply to: the open detail's, else the selected one once it is loaded.
    package var selectedRow: HistoryRow? {
        if case .detail(let detail) = pane { return detail.row }
        guard let id = selectedID, let row = row(at: selected), row.id == id else { return nil }
        return row
    }

    package var selectedJob: HistoryJob? { selectedRow?.job }

    /// The lineage on show, if that is the pane.
    package var lineageTree: LineageTree? {
        if case .lineage(let tree) = pane { return tree }
        return nil
    }

    /// Selects the job at `index` (kept within the matches).
    package mutating func select(index: Int) {
        selected = max(0, min(max(0, (total ?? 1) - 1), index))
        selectedID = job(at: selected)?.id
        selectedStack = job(at: selected)?.stackKey
        // An open detail follows the selection (Left/Right, or a rating that moves on).
        if case .detail(let detail) = pane, let row = row(at: selected), row.id != detail.row.id {
            pane = .detail(JobDetail(row))
        }
    }

    /// Changes a loaded job in place (a rating shown before History has written it).
    package mutating func updateLoaded(_ id: Int64, _ change: (inout HistoryJob) -> Void) {
        for (number, page) in pages {
            if let i = page.firstIndex(where: { $0.id == id }) {
                var job = page[i].job
                change(&job)
                pages[number]?[i] = HistoryRow(job)
                if case .detail(let detail) = pane, detail.row.id == id {
                    var fresh = JobDetail(HistoryRow(job))
                    fresh.scroll = detail.scroll
                    pane = .detail(fresh)
                }
            }
        }
    }

    /// The selection a restart brings back: found by id when its page arrives.
    package mutating func restoreSelection(index: Int, id: Int64?) {
        selected = max(0, index)
        selectedID = id
        selectedStack = nil
    }

    /// Forget the loaded pages (the query or the data changed). Keeping the selection keeps the
    /// selected job, wherever it turns up.
    package mutating func reload(keepSelection: Bool) {
        generation += 1
        pagesRequested = []
        if keepSelection {
            // The pages on show stay until their fresh copies arrive, so the selection and the keys
            // that need it keep working (a rating typed right after another is not refused).
            stalePages = Set(pages.keys)
        } else {
            pages = [:]
            stalePages = []
            selected = 0
            selectedID = nil
            selectedStack = nil
            scroll = 0
            total = nil
        }
    }

    /// A page of matching jobs arrived.
    package mutating func receive(page: Int, total: Int, jobs: [HistoryJob]) {
        self.total = total
        pages[page] = jobs.map(HistoryRow.init)
        stalePages.remove(page)
        error = nil
        if case .detail(var detail) = pane, let fresh = pages[page]?.first(where: { $0.id == detail.row.id }) {
            let scroll = detail.scroll
            detail = JobDetail(fresh)
            detail.scroll = scroll
            pane = .detail(detail)
        }
        resolveSelection()
    }

    /// Finds the selected job in the loaded pages. When it is in none of the pages around where it
    /// was (it was deleted, or no longer matches), the job now at that place is selected.
    mutating func resolveSelection() {
        guard let total else { return }
        selected = max(0, min(max(0, total - 1), selected))
        guard let id = selectedID else {
            selectedID = job(at: selected)?.id
            selectedStack = job(at: selected)?.stackKey
            return
        }
        for (number, page) in pages {
            if let i = page.firstIndex(where: { $0.id == id }) {
                selected = number * Self.pageSize + i
                selectedStack = page[i].job.stackKey
                return
            }
        }
        // The job is inside its stack now, under another cover: the selection stays on the stack.
        if let stack = selectedStack {
            for (number, page) in pages {
                if let i = page.firstIndex(where: { $0.job.stackKey == stack }) {
                    selected = number * Self.pageSize + i
                    selectedID = page[i].id
                    return
                }
            }
        }
        if neighbourPages.allSatisfy({ pages[$0] != nil }) {
            selectedID = job(at: selected)?.id
            selectedStack = job(at: selected)?.stackKey
        }
    }

    /// The selected job is known by id but not found in the loaded pages yet.
    var selectionUnresolved: Bool {
        guard let id = selectedID else { return false }
        return !pages.values.contains { $0.contains { $0.id == id } }
    }

    /// The page where the selection was, and the pages on each side (within the matches).
    var neighbourPages: [Int] {
        let page = selected / Self.pageSize
        return [page - 1, page, page + 1].filter { $0 >= 0 && $0 * Self.pageSize < max(total ?? 1, 1) }
    }
}
