import Foundation
import RunwareAPI

/// Progress of one generation, in the order it happens.
public enum JobEvent: Sendable {
    case validated(taskUUID: String)
    case uploading(field: String, path: String)
    case uploaded(field: String, imageUUID: String)
    case submitted(taskUUID: String, delivery: DeliveryMethod)
    case retrying(RetryEvent)
    case processing(progress: Int?, finished: Int, total: Int)
    case saved(SavedImage)
    /// One image of the task failed (a safety block, a refused file); the others go on.
    case imageFailed(String)
    /// Something in an answer could not be read and was left out (a field of the wrong type).
    case note(String)
    case finished([SavedImage])
}

/// One image on disk, with what the API said about it.
public struct SavedImage: Sendable, Codable, Equatable {
    public var path: String
    public var taskUUID: String
    public var imageUUID: String?
    public var seed: UInt64?
    public var cost: Double?
    public var format: String
    public var bytes: Int
    public var imageURL: String?
    public var index: Int

    public init(path: String, taskUUID: String, imageUUID: String?, seed: UInt64?, cost: Double?, format: String, bytes: Int,
                imageURL: String?, index: Int) {
        self.path = path
        self.taskUUID = taskUUID
        self.imageUUID = imageUUID
        self.seed = seed
        self.cost = cost
        self.format = format
        self.bytes = bytes
        self.imageURL = imageURL
        self.index = index
    }
}

/// Why a job ended without all its images, as a value the CLI maps to an exit code.
public enum JobFailure: Error, Sendable, CustomStringConvertible {
    case invalid(ValidationFailure)
    case input(LocalInputs.InputError)
    case api(RunwareError)
    case result(String)
    case output(AtomicFile.WriteError)
    case timedOut(after: Duration, finished: Int, total: Int)
    case cancelled
    case history(String)

    public var description: String {
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
        }
    }
}
