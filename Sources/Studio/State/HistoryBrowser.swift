import Foundation
import History
import TerminalUI

/// The History screen: a query, the matching jobs loaded a page at a time around what is on
/// screen (100,000 jobs never sit in memory), the selection, and an open detail.
public struct HistoryBrowser: Sendable {
    public enum Mode: Sendable, Equatable { case sheet, list }

    public static let pageSize = 120
    /// Pages kept on each side of the visible ones.
    static let keptPages = 2

    public var query = LineEditor()
    public var editingQuery = false
    public var queryError: String?
    public var mode: Mode = .sheet
    /// Matching jobs; nil until the first answer.
    public var total: Int?
    public var pages: [Int: [HistoryJob]] = [:]
    public var pagesRequested: Set<Int> = []
    /// Bumped when the query or the data changes, so late answers for an old query are dropped.
    public var generation = 0
    public var selected = 0
    /// First visible row (of sheet cells or list lines).
    public var scroll = 0
    public var detail: HistoryJob?
    public var detailScroll = 0
    public var confirmDelete: HistoryJob?
    public var error: String?
    /// The lineage of a job as a small tree: its parent, itself, its children; one is selected.
    public var lineage: LineageTree?
    /// The first of two jobs to compare, then both.
    public var compareMark: HistoryJob?
    public var comparing: (HistoryJob, HistoryJob)?
    /// The last sweep sent, and whether its sheet is on screen.
    public var sweep: SweepGrid?
    public var sweepOpen = false

    public init() {}

    public func job(at index: Int) -> HistoryJob? {
        guard index >= 0, let page = pages[index / Self.pageSize] else { return nil }
        let i = index % Self.pageSize
        return page.indices.contains(i) ? page[i] : nil
    }

    public var selectedJob: HistoryJob? { detail ?? job(at: selected) }

    /// Forget the loaded pages (the query or the data changed).
    public mutating func reload(keepSelection: Bool) {
        generation += 1
        pages = [:]
        pagesRequested = []
        if !keepSelection {
            selected = 0
            scroll = 0
            total = nil
        }
    }
}

public struct LineageTree: Sendable, Equatable {
    public var parent: HistoryJob?
    public var job: HistoryJob
    public var children: [HistoryJob]
    public var selected = 0
    public init(parent: HistoryJob?, job: HistoryJob, children: [HistoryJob]) {
        self.parent = parent
        self.job = job
        self.children = children
        selected = parent == nil ? 0 : 1
    }
    /// Rows top to bottom: the parent, the job, each child.
    public var rows: [HistoryJob] { (parent.map { [$0] } ?? []) + [job] + children }
}
