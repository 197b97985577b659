import Foundation
import RunwareAPI

/// What the sandbox answers, before faults shape how the bytes go out.
package struct SandboxReply: Sendable {
    package var status: Int
    package var headers: [(String, String)]
    package var body: Data
    package var faults: [Fault] = []

    package init(status: Int, headers: [(String, String)] = [("Content-Type", "application/json")], body: Data) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    static func json(_ status: Int, _ value: JSONValue) -> SandboxReply {
        SandboxReply(status: status, body: (try? RunwareJSON.encode(value)) ?? Data("{}".utf8))
    }

    static func errors(_ status: Int, _ errors: [APIErrorObject]) -> SandboxReply {
        let body = (try? RunwareJSON.encode(["errors": errors])) ?? Data()
        return SandboxReply(status: status, body: body)
    }
}

/// A task's outcome inside one POST: items for `data` or errors (with the HTTP status they imply).
struct TaskOutcome: Sendable {
    var data: [JSONValue] = []
    var errors: [APIErrorObject] = []
    var status = 200
    /// `errors` holds failed images of a task whose other images are in `data` (not a failure
    /// of the task), so the answer stays 200.
    var imageErrorsOnly = false

    static func failure(_ status: Int, _ error: APIErrorObject) -> TaskOutcome {
        TaskOutcome(data: [], errors: [error], status: status)
    }
}

extension APIErrorObject {
    static let docs = "https://runware.ai/docs/en/image-inference/api-reference"

    static func from(_ issue: ValidationIssue, taskType: String, taskUUID: String?) -> APIErrorObject {
        APIErrorObject(code: issue.code, message: "Invalid value for parameter \(issue.description)",
                       parameters: issue.parameters, taskType: taskType, taskUUID: taskUUID, documentation: docs,
                       allowedValues: nil)
    }
}

extension JSONValue {
    /// Encodes any Codable value into a JSONValue tree.
    static func from<T: Encodable>(_ value: T) -> JSONValue {
        guard let data = try? RunwareJSON.encode(value), let v = try? JSONValue.parse(data) else { return .null }
        return v
    }
}
