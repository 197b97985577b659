import Foundation
import RunwareAPI

/// A job's request as History recorded it, parsed in this one place when the row is read: the
/// task object exactly as stored, and the request it decodes to. Rows written by an older
/// Darkroom decode the same way (legacy spellings are understood; what no longer decodes is
/// listed in `issues`, never guessed).
package struct RecordedRequest: Sendable, Equatable {
    /// The task object as recorded, taskUUID and taskType included.
    package let object: [String: JSONValue]
    /// The object decoded as the API would read it.
    package let request: ImageInferenceRequest
    /// What did not decode (a field of the wrong type, an unknown key).
    package let issues: [ValidationIssue]

    /// Why a row's request JSON is not a task object.
    package struct Unreadable: Error, Sendable, Equatable {
        package var reason: String
    }

    static func parse(_ json: String) -> Result<RecordedRequest, Unreadable> {
        let value: JSONValue
        do { value = try JSONValue.parse(Data(json.utf8)) } catch {
            return .failure(Unreadable(reason: "it is not JSON (\(error))"))
        }
        guard let object = value.objectValue else { return .failure(Unreadable(reason: "it is not a JSON object")) }
        let (request, issues) = ImageInferenceRequest.decode(object)
        return .success(RecordedRequest(object: object, request: request, issues: issues))
    }
}

extension HistoryJob {
    /// The recorded request, decoded; throws `HistoryError.unreadableRequest` naming the job.
    package var request: ImageInferenceRequest {
        get throws {
            switch recorded {
            case .success(let r): return r.request
            case .failure(let e): throw HistoryError.unreadableRequest(jobID: id, reason: e.reason)
            }
        }
    }

    /// The recorded task object (nil when the row's JSON cannot be read).
    package var taskObject: [String: JSONValue]? {
        if case .success(let r) = recorded { return r.object }
        return nil
    }

    /// Whether the job was recorded from an image file's metadata (`history import`, `check --repair`),
    /// so its request came from outside and must be made harmless before it is run.
    package var isImported: Bool { reason?.hasPrefix(HistoryStore.importedReasonPrefix) == true }
}
