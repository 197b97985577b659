import History

/// The lineage of a job as a small tree: its parent, itself, its children; one is selected.
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
