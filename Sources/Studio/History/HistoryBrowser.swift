import Foundation
import History
import TerminalUI

/// The History screen: a query, the matching jobs loaded a page at a time around what is on
/// screen (100,000 jobs never sit in memory), the selected job, and the pane on show.
public struct HistoryBrowser: Sendable {
    public enum Mode: Sendable, Equatable { case sheet, list }

    public static let pageSize = 120
    /// Pages kept on each side of the visible ones.
    static let keptPages = 2

    public var query = LineEditor()
    public var queryError: String?
    public var mode: Mode = .sheet
    /// Matching jobs; nil until the first answer.
    public var total: Int?
    public var pages: [Int: [HistoryRow]] = [:]
    public var pagesRequested: Set<Int> = []
    /// Pages shown from before the last reload, asked for again.
    public var stalePages: Set<Int> = []
    /// Bumped when the query or the data changes, so late answers for an old query are dropped.
    public var generation = 0
    /// Where the selected job is (or was last seen) among the matching jobs.
    public private(set) var selected = 0
    /// The selected job. The selection follows this job when rows come or go above it; nil
    /// until a job is loaded at `selected`.
    public private(set) var selectedID: Int64?
    /// The stack the selected cell stands for (stacked view): when its cover changes (a re-run
    /// joined it, so the selected id is no longer a cell), the selection stays on the stack.
    public private(set) var selectedStack: String?
    /// First visible row (of sheet cells or list lines).
    public var scroll = 0
    public var pane: HistoryPane = .browse
    public var error: String?
    /// The first of two jobs to compare.
    public var compareMark: HistoryRow?
    /// The last sweep sent; its sheet is the `.sweep` pane.
    public var sweep: SweepGrid?
    /// Jobs marked for a batch action, by id.
    public var marks: Set<Int64> = []
    /// The whole current search is marked (its jobs are found by History when the action runs).
    public var markAll = false
    /// Saved searches by name, for `@name` in the search line.
    public var savedSearches: [String: String] = [:]
    /// Jobs that differ only in seed are one cell with a count (`u` turns it off); never inside
    /// `stack:`, which is one stack opened.
    public var stacked = true
    /// While the search line is typed every match comes as it is (the full-text index is walked
    /// in order and stops at the page, ~4x faster than grouping all matches); Enter stacks them.
    public var showsStacks: Bool { stacked && pane != .search && !query.text.lowercased().contains("stack:") }
    /// How many jobs match when the cells are stacks (nil: as many as cells).
    public var matching: Int?
    /// The search before a stack was opened (`e`), back with `e` again.
    public var queryBeforeStack: String?
    /// History's data version when last asked; nil until then.
    public var dataVersion: Int?

    public init() {}

    public func row(at index: Int) -> HistoryRow? {
        guard index >= 0, let page = pages[index / Self.pageSize] else { return nil }
        let i = index % Self.pageSize
        return page.indices.contains(i) ? page[i] : nil
    }

    public func job(at index: Int) -> HistoryJob? { row(at: index)?.job }

    /// The job actions apply to: the open detail's, else the selected one once it is loaded.
    public var selectedRow: HistoryRow? {
        if case .detail(let detail) = pane { return detail.row }
        guard let id = selectedID, let row = row(at: selected), row.id == id else { return nil }
        return row
    }

    public var selectedJob: HistoryJob? { selectedRow?.job }

    /// The lineage on show, if that is the pane.
    public var lineageTree: LineageTree? {
        if case .lineage(let tree) = pane { return tree }
        return nil
    }

    /// Selects the job at `index` (kept within the matches).
    public mutating func select(index: Int) {
        selected = max(0, min(max(0, (total ?? 1) - 1), index))
        selectedID = job(at: selected)?.id
        selectedStack = job(at: selected)?.stackKey
        // An open detail follows the selection (Left/Right, or a rating that moves on).
        if case .detail(let detail) = pane, let row = row(at: selected), row.id != detail.row.id {
            pane = .detail(JobDetail(row))
        }
    }

    /// Changes a loaded job in place (a rating shown before History has written it).
    public mutating func updateLoaded(_ id: Int64, _ change: (inout HistoryJob) -> Void) {
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
    public mutating func restoreSelection(index: Int, id: Int64?) {
        selected = max(0, index)
        selectedID = id
        selectedStack = nil
    }

    /// Forget the loaded pages (the query or the data changed). Keeping the selection keeps the
    /// selected job, wherever it turns up.
    public mutating func reload(keepSelection: Bool) {
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
    public mutating func receive(page: Int, total: Int, jobs: [HistoryJob]) {
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
