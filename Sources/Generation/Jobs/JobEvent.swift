import Foundation
import History
import RunwareAPI

/// One step of one generation, with the job it belongs to: callers name the job by its History
/// id (`jobID`), the same number `darkroom history` and the studio's History screen show.
package struct JobEvent: Sendable {
    /// The job's History id; nil only when the runner records no History (`--no-history`).
    package var jobID: Int64?
    /// The taskUUID the runner minted for the job.
    package var taskUUID: String
    package var step: JobStep

    package init(jobID: Int64?, taskUUID: String, step: JobStep) {
        self.jobID = jobID
        self.taskUUID = taskUUID
        self.step = step
    }

    /// "job 12", or "task <uuid>" for a job History does not record.
    package var jobName: String { jobID.map { "job \($0)" } ?? "task \(taskUUID)" }
}

/// Progress of one generation, in the order it happens.
package enum JobStep: Sendable {
    /// Checked, recorded in History as `pending` (the event's `jobID`), about to start.
    case validated
    case uploading(field: String, path: String)
    case uploaded(field: String, imageUUID: String)
    case submitted(delivery: DeliveryMethod)
    /// A request of this job is tried again after a busy server or a broken connection.
    case retrying(RetryEvent)
    /// Where each image of the task is: saved, failed, or still being made (with its progress).
    case processing(ImagesProgress)
    case saved(SavedImage)
    /// One image of the task failed (a safety block, a refused file); the others go on.
    case imageFailed(String)
    /// Something worth knowing that did not stop the job: a field of an answer that could not be
    /// read, an image saved without its parameters, a thumbnail that could not be made.
    case note(String)
    /// History could not record something about this job (its final status); the job itself
    /// went on or ended as it would have.
    case historyWriteFailed(String)
    case finished([SavedImage])
}

/// One image on disk, with what the API said about it.
package struct SavedImage: Sendable, Codable, Equatable {
    /// The History id of the job that made it (nil when History is not kept: `--no-history`).
    package var jobID: Int64?
    package var path: String
    package var taskUUID: String
    package var imageUUID: String?
    package var seed: UInt64?
    package var cost: Double?
    package var format: String
    package var bytes: Int
    package var imageURL: String?
    package var index: Int
    /// The content checker's verdict (`NSFWContent`), when safety was on.
    package var nsfw: Bool?

    package init(jobID: Int64? = nil, path: String, taskUUID: String, imageUUID: String?, seed: UInt64?, cost: Double?,
                format: String, bytes: Int, imageURL: String?, index: Int, nsfw: Bool? = nil) {
        self.jobID = jobID
        self.path = path
        self.taskUUID = taskUUID
        self.imageUUID = imageUUID
        self.seed = seed
        self.cost = cost
        self.format = format
        self.bytes = bytes
        self.imageURL = imageURL
        self.index = index
        self.nsfw = nsfw
    }
}

/// Each image of a job as the last answer told: how many are saved, how many failed, and the
/// progress of each one still being made (nil when the API gives none).
package struct ImagesProgress: Sendable, Equatable {
    package var saved: Int
    package var failed: Int
    package var total: Int
    package var pending: [Int?]

    package init(saved: Int, failed: Int, total: Int, pending: [Int?]) {
        self.saved = saved
        self.failed = failed
        self.total = total
        self.pending = pending
    }

    /// `2 of 4 saved, 1 failed, 1 at 40%`; images at one percentage say it once (`3 at 99%`), one
    /// without a percentage is `…`.
    package var description: String {
        var parts = ["\(saved) of \(total) saved"]
        if failed > 0 { parts.append("\(failed) failed") }
        let known = pending.compactMap { $0 }
        if !pending.isEmpty {
            let same = known.count == pending.count && Set(known).count == 1
            parts.append(known.isEmpty ? "\(pending.count) being made"
                         : same ? "\(pending.count) at \(known[0])%"
                         : "\(pending.count) at " + pending.map { $0.map { "\($0)%" } ?? "…" }.joined(separator: ", "))
        }
        return parts.joined(separator: ", ")
    }

    /// One mark per image: ✓ saved, ✗ failed, its percentage (or …) while it is made.
    package var marks: String {
        (Array(repeating: "✓", count: saved) + Array(repeating: "✗", count: failed)
            + pending.map { $0.map { "\($0)%" } ?? "…" }).joined(separator: " ")
    }
}

/// Why a job ended without all its images, as a value the CLI maps to an exit code.
package enum JobFailure: Error, Sendable, CustomStringConvertible {
    case invalid(ValidationFailure)
    case input(LocalInputs.InputError)
    case api(RunwareError)
    case result(String)
    case output(AtomicFile.WriteError)
    case timedOut(after: Duration, finished: Int, total: Int)
    case cancelled
    case history(String)
    /// A sync task whose answer was lost on the way (`why`): the task may still run at Runware and
    /// be billed, and getResponse serves only async tasks, so its images cannot be collected.
    case lostSyncAnswer(String)

    package var description: String {
        switch self {
        case .invalid(let e): return e.description
        case .input(let e): return e.description
        case .api(let e): return e.description
        case .result(let why): return "bad result: \(why)"
        case .output(let e): return e.description
        case .timedOut(let after, let finished, let total):
            return "gave up after \(after) with \(finished) of \(total) images"
        case .cancelled: return "cancelled"
        case .history(let why): return "History: \(why)"
        case .lostSyncAnswer(let why):
            return "the answer to this sync job was lost (\(why)); the task may still run at Runware and be billed, but a sync "
                + "answer cannot be sent again, so its images cannot be collected (they may be in your Runware dashboard). "
                + "Async delivery (the default) lets Darkroom collect a long task later"
        }
    }
}
