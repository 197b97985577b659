import Foundation
import History
import RunwareAPI

/// A History job as the screen keeps it: the job and its request, parsed once when its page
/// arrives (views and actions never parse JSON).
package struct HistoryRow: Sendable, Equatable {
    package let job: HistoryJob
    /// The task object of the recorded request, without its taskUUID; nil when it does not parse.
    package let request: [String: JSONValue]?

    package init(_ job: HistoryJob) {
        self.job = job
        request = job.taskObject.map { object in
            object.filter { $0.key != "taskUUID" && $0.key != "taskType" }
        }
    }

    package var id: Int64 { job.id }
}
