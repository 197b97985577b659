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
        request = job.taskObject.map { object in
            object.filter { $0.key != "taskUUID" && $0.key != "taskType" }
        }
    }

    public var id: Int64 { job.id }
}
