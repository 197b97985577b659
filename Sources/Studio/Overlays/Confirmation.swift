/// A yes/no question before something that cannot be undone.
public struct Confirmation: Sendable, Equatable {
    public enum Purpose: Sendable, Equatable {
        case deleteJob(Int64)
        /// A batch delete of exactly these jobs (measured before asking).
        case deleteJobs([Int64])
        /// Quitting with jobs still running (what happens to each is in the question).
        case quit
    }

    public var purpose: Purpose
    public var question: String

    public init(_ purpose: Purpose, question: String) {
        self.purpose = purpose
        self.question = question
    }

    func handle(_ input: Input) -> OverlayOutcome {
        switch (input, purpose) {
        case (.action(.confirmYes), .deleteJob(let id)):
            return .close([.history(.forget(id)), .effect(.deleteJob(id))])
        case (.action(.confirmNo), .deleteJob(let id)):
            return .close([.notice("kept job \(id)")])
        case (.action(.confirmYes), .deleteJobs(let ids)):
            return .close([.history(.clearMarks), .effect(.batch(HistoryBatch(.jobs(ids), .delete)))])
        case (.action(.confirmNo), .deleteJobs(let ids)):
            return .close([.notice("kept the \(ids.count) job\(ids.count == 1 ? "" : "s")")])
        case (.action(.confirmYes), .quit):
            return .close([.quit])
        case (.action(.confirmNo), .quit):
            return .close([.notice("still here")])
        default:
            return .stay(.confirm(self), [.notice(question + " y: yes, n: no")])
        }
    }
}
