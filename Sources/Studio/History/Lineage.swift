import History

/// The lineage of a job as a small tree: its parent, itself, its children; one is selected.
package struct LineageTree: Sendable, Equatable {
    package var parent: HistoryJob?
    package var job: HistoryJob
    package var children: [HistoryJob]
    package var selected = 0
    package init(parent: HistoryJob?, job: HistoryJob, children: [HistoryJob]) {
        self.parent = parent
        self.job = job
        self.children = children
        selected = parent == nil ? 0 : 1
    }
    /// Rows top to bottom: the parent, the job, each child.
    package var rows: [HistoryJob] { (parent.map { [$0] } ?? []) + [job] + children }
}
