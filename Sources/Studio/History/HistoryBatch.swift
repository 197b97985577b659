import History
import RunwareAPI

/// One action on many jobs: the marked ones, or every job of a search (resolved by History when
/// it runs, so 100,000 matches never sit in the studio's memory).
public struct HistoryBatch: Sendable, Equatable {
    public enum Target: Sendable, Equatable {
        case jobs([Int64])
        /// The search line's text, as History reads it (saved searches included).
        case search(String)
    }

    public enum Action: Sendable, Equatable {
        case rate(Int)
        case favourite(Bool)
        case tag(add: [String], remove: [String])
        case export(folder: String)
        /// `userFiles`: what becomes of the user's own image files (imported where they lie).
        case delete(userFiles: UserFiles)
    }

    public var target: Target
    public var action: Action

    public init(_ target: Target, _ action: Action) {
        self.target = target
        self.action = action
    }
}

extension HistoryBrowser {
    /// What a batch key acts on: the whole search when it was marked, else the marked jobs.
    public var batchTarget: HistoryBatch.Target? {
        if markAll { return .search(query.text) }
        return marks.isEmpty ? nil : .jobs(marks.sorted(by: >))
    }

    /// "12 marked" or "the whole search (340 jobs)", for the status line and questions.
    public var marksDescription: String? {
        if markAll { return "every job of this search" + (total.map { " (\($0))" } ?? "") }
        return marks.isEmpty ? nil : "\(counted(marks.count, "marked job"))"
    }

    public mutating func clearMarks() {
        marks = []
        markAll = false
    }
}
