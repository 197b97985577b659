import Foundation
import History
import RunwareAPI

/// A History job as the screen keeps it: the job and its request, parsed once when its page
/// arrives (views and actions never parse JSON).
public struct HistoryRow: Sendable, Equatable {
    public let job: HistoryJob
    /// The task object of the recorded request, without its taskUUID; nil when it does not parse.
    public let request: [String: JSONValue]?

    public init(_ job: HistoryJob) {
        self.job = job
        request = GenerateForm.document(fromJSON: Data(job.requestJSON.utf8))
    }

    public var id: Int64 { job.id }
}

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

/// What a new job descends from, for History's lineage.
public struct JobParent: Sendable, Equatable {
    public var id: Int64
    public var lineage: Lineage
    public init(id: Int64, lineage: Lineage) {
        self.id = id
        self.lineage = lineage
    }
}
