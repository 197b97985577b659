import Foundation
import RunwareAPI

/// Where a job is in its life. Every state but `pending` and `running` is final.
package enum JobStatus: String, Sendable, Codable, CaseIterable {
    case pending, running, done, failed, cancelled, interrupted

    package var isFinal: Bool { self != .pending && self != .running }
}

/// How a job came from another one.
package enum Lineage: String, Sendable, Codable, CaseIterable {
    case rerun, fork, variation, sweep
    /// Made from the parent's image (used as its seed image, mask or a guide image).
    case input
}

/// The job a new job was made from, and how (`history rerun`, `--fork-of`, the studio's r/f/v/sweep).
package struct JobParent: Sendable, Hashable {
    /// The parent's History id.
    package var id: Int64
    package var lineage: Lineage

    package init(id: Int64, lineage: Lineage) {
        self.id = id
        self.lineage = lineage
    }
}

/// One generation as History keeps it: the exact request, what happened, and what it cost.
package struct HistoryJob: Sendable, Equatable, Identifiable {
    package var id: Int64
    package var taskUUID: String
    package var createdAt: Date
    package var finishedAt: Date?
    package var status: JobStatus
    /// Why it failed, was cancelled or interrupted, in words a person can act on.
    package var reason: String?
    package var model: String
    package var positivePrompt: String
    package var negativePrompt: String?
    package var width: Int?
    package var height: Int?
    package var seed: UInt64?
    package var delivery: String
    /// The exact imageInference task JSON that was (or will be) sent; `recorded` is it parsed.
    package var requestJSON: String { didSet { recorded = RecordedRequest.parse(requestJSON) } }
    /// `requestJSON` parsed once, when the row was read (see `request`, `taskObject`).
    package private(set) var recorded: Result<RecordedRequest, RecordedRequest.Unreadable>
    package var cost: Double?
    package var favourite: Bool
    package var parentID: Int64?
    package var lineage: Lineage?
    package var tags: [String]
    package var results: [HistoryResult]
    /// 0 (not rated) to 5.
    package var rating: Int
    /// Read stacked (`searchStacked`): how many matching jobs this one's stack holds (1: alone).
    package var stackCount = 1
    /// Read stacked: the stack this job is the cover of (its `variantKey`), so a selection can
    /// follow a stack whose cover changed (a re-run joined it).
    package var stackKey: String?

    package init(id: Int64, taskUUID: String, createdAt: Date, finishedAt: Date?, status: JobStatus, reason: String?,
                model: String, positivePrompt: String, negativePrompt: String?, width: Int?, height: Int?, seed: UInt64?,
                delivery: String, requestJSON: String, cost: Double?, favourite: Bool, parentID: Int64?, lineage: Lineage?,
                tags: [String], results: [HistoryResult], rating: Int = 0) {
        self.id = id
        self.taskUUID = taskUUID
        self.createdAt = createdAt
        self.finishedAt = finishedAt
        self.status = status
        self.reason = reason
        self.model = model
        self.positivePrompt = positivePrompt
        self.negativePrompt = negativePrompt
        self.width = width
        self.height = height
        self.seed = seed
        self.delivery = delivery
        self.requestJSON = requestJSON
        self.recorded = RecordedRequest.parse(requestJSON)
        self.cost = cost
        self.favourite = favourite
        self.parentID = parentID
        self.lineage = lineage
        self.tags = tags
        self.results = results
        self.rating = rating
    }

    /// The parent job and how this one came from it, when it has one.
    package var parent: JobParent? {
        guard let parentID, let lineage else { return nil }
        return JobParent(id: parentID, lineage: lineage)
    }
}

/// One image of a job.
package struct HistoryResult: Sendable, Equatable {
    package var index: Int
    package var imageUUID: String?
    package var seed: UInt64?
    package var path: String
    package var width: Int?
    package var height: Int?
    package var format: String
    package var bytes: Int
    package var nsfw: Bool?
    package var cost: Double?
    /// Whether the file is Darkroom's: one it wrote (a result, a `--copy` import). An image
    /// imported where it lies is the user's own, and deleting its job leaves the file alone.
    package var owned: Bool
    /// What the API answered for this image (without the image bytes); `response` is it parsed.
    package var responseJSON: String { didSet { response = Self.parse(responseJSON) } }
    /// `responseJSON` parsed once, when the row was read; nil when it is not a JSON object.
    package private(set) var response: [String: JSONValue]?

    package init(index: Int, imageUUID: String?, seed: UInt64?, path: String, width: Int?, height: Int?, format: String,
                bytes: Int, nsfw: Bool?, cost: Double?, responseJSON: String, owned: Bool = true) {
        self.index = index
        self.imageUUID = imageUUID
        self.seed = seed
        self.path = path
        self.width = width
        self.height = height
        self.format = format
        self.bytes = bytes
        self.nsfw = nsfw
        self.cost = cost
        self.owned = owned
        self.responseJSON = responseJSON
        self.response = Self.parse(responseJSON)
    }

    static func parse(_ json: String) -> [String: JSONValue]? {
        guard let value = try? JSONValue.parse(Data(json.utf8)) else { return nil }
        return value.objectValue
    }
}

package enum HistoryError: Error, Sendable, CustomStringConvertible, Equatable {
    case notADatabase(path: String, reason: String)
    /// A History file whose pages are damaged: refused before anything is written to it.
    case damaged(path: String, problems: [String])
    /// The file or its folder cannot be opened or written (read-only or full volume, permissions).
    case unavailable(path: String, reason: String)
    case noSuchJob(Int64)
    case badQuery(String)
    case badRating(Int)
    /// The job's recorded request JSON cannot be read (a damaged row, or not an object).
    case unreadableRequest(jobID: Int64, reason: String)

    package var description: String {
        switch self {
        case .notADatabase(let path, let reason):
            return "\(path) is not a Darkroom history database (\(reason)); it was left untouched. Move it aside to start a new history."
        case .damaged(let path, let problems):
            let first = problems.first.map { ": \($0)" } ?? ""
            return "\(path) is damaged (\(counted(problems.count, "problem"))\(first)); nothing was written to it. "
                + "Run `darkroom history check` for what can be recovered."
        case .unavailable(let path, let reason):
            return "cannot use \(path): \(reason). The file itself was not changed; free space or fix the permissions and try again."
        case .noSuchJob(let id): return "no job \(id) in History"
        case .badQuery(let why): return "search: \(why)"
        case .badRating(let n): return "rating \(n) is not 0-5 (0 takes the rating away)"
        case .unreadableRequest(let id, let reason): return "job \(id) holds no readable request: \(reason)"
        }
    }
}
