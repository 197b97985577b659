import Foundation
import Generation
import RunwareAPI
import Workspace

extension GenerateCommand {
    /// The request config.toml starts from (the studio's fresh form, `StartingRequest`), with the
    /// request file (if any) laid over it, then every given option. So `--width` alone keeps the
    /// starting height, from config.toml or the default.
    func buildRequest(config: Configuration) throws -> ImageInferenceRequest {
        var base: [String: JSONValue] = [:]
        if let request {
            guard let data = FileManager.default.contents(atPath: request) else {
                throw StackSpec.ParseError(option: "--request", text: request, reason: "cannot read the file")
            }
            let json: JSONValue
            do { json = try JSONValue.parse(data) } catch {
                throw StackSpec.ParseError(option: "--request", text: request, reason: "\(error)")
            }
            switch json {
            case .object(let o): base = o
            case .array(let a) where a.count == 1 && a[0].objectValue != nil: base = a[0].objectValue!
            default:
                throw StackSpec.ParseError(option: "--request", text: request, reason: "expected one imageInference task object")
            }
        }
        for (key, value) in StartingRequest.document(config) where base[key] == nil { base[key] = value }
        base["taskUUID"] = base["taskUUID"] ?? .string(delivery.taskUUID ?? TaskID.make())
        base["taskType"] = base["taskType"] ?? .string(ImageInferenceRequest.taskType)
        var (r, issues) = ImageInferenceRequest.decode(base)
        if let t = base["taskType"]?.stringValue, t != ImageInferenceRequest.taskType {
            issues.append(ValidationIssue(code: "invalidTaskType", parameters: ["taskType"], value: "\"\(t)\"",
                                          rule: "darkroom generate runs imageInference tasks"))
        }
        if !issues.isEmpty { throw ValidationFailure(issues: issues) }
        try apply(to: &r, issues: &issues)
        if !issues.isEmpty { throw ValidationFailure(issues: issues) }
        return r
    }

    /// Lays every given option over the request; each group applies its own (`GenerateOptions.swift`).
    private func apply(to r: inout ImageInferenceRequest, issues: inout [ValidationIssue]) throws {
        promptOptions.apply(to: &r)
        try image.apply(to: &r, issues: &issues)
        try inputs.apply(to: &r)
        try stacks.apply(to: &r)
        features.apply(to: &r)
        accelerator.apply(to: &r)
        delivery.apply(to: &r)
    }
}
