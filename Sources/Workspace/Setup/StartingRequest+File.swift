import Foundation
import RunwareAPI

extension StartingRequest {
    /// The request `darkroom generate` starts from: `requestFile` (one imageInference task
    /// object, or an array holding one) laid over config.toml's starting request, with
    /// `taskUUID` (else a fresh one) when the file names none. Throws `StackSpec.ParseError`
    /// naming `--request` and the file when it cannot be read or is not one task, and
    /// `ValidationFailure` listing every field that does not decode.
    package static func request(file requestFile: String?, config: Configuration, taskUUID: String?) throws -> ImageInferenceRequest {
        var base = try requestFile.map(taskObject(file:)) ?? [:]
        for (key, value) in document(config) where base[key] == nil { base[key] = value }
        base["taskUUID"] = base["taskUUID"] ?? .string(taskUUID ?? TaskID.make())
        base["taskType"] = base["taskType"] ?? .string(ImageInferenceRequest.taskType)
        var (request, issues) = ImageInferenceRequest.decode(base)
        if let t = base["taskType"]?.stringValue, t != ImageInferenceRequest.taskType {
            issues.append(ValidationIssue(code: "invalidTaskType", parameters: ["taskType"], value: "\"\(t)\"",
                                          rule: "darkroom generate runs imageInference tasks"))
        }
        if !issues.isEmpty { throw ValidationFailure(issues: issues) }
        return request
    }

    /// The task object a `--request` file holds.
    static func taskObject(file path: String) throws -> [String: JSONValue] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw StackSpec.ParseError(option: "--request", text: path, reason: "cannot read the file")
        }
        let json: JSONValue
        do { json = try JSONValue.parse(data) } catch {
            throw StackSpec.ParseError(option: "--request", text: path, reason: "\(error)")
        }
        switch json {
        case .object(let o): return o
        case .array(let a) where a.count == 1 && a[0].objectValue != nil: return a[0].objectValue!
        default: throw StackSpec.ParseError(option: "--request", text: path, reason: "expected one imageInference task object")
        }
    }
}
