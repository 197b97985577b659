import Foundation
import Generation
import RunwareAPI

extension GenerateCommand {
    /// The request file (if any) with every given option laid over it, then config defaults.
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
        base["taskUUID"] = base["taskUUID"] ?? .string(delivery.taskUUID ?? TaskID.make())
        base["model"] = base["model"] ?? .string(promptOptions.model ?? config.model ?? ImageInferenceRequest.defaultModel)
        base["positivePrompt"] = base["positivePrompt"] ?? .string(promptOptions.prompt ?? "")
        base["taskType"] = base["taskType"] ?? .string(ImageInferenceRequest.taskType)
        var (r, issues) = ImageInferenceRequest.decode(base)
        if let t = base["taskType"]?.stringValue, t != ImageInferenceRequest.taskType {
            issues.append(ValidationIssue(code: "invalidTaskType", parameters: ["taskType"], value: "\"\(t)\"",
                                          rule: "darkroom generate runs imageInference tasks"))
        }
        if !issues.isEmpty { throw ValidationFailure(issues: issues) }
        let fileGave = Set(base.keys)
        try apply(to: &r, issues: &issues)
        if !issues.isEmpty { throw ValidationFailure(issues: issues) }
        // Config defaults only fill what neither the file nor an option set.
        if !fileGave.contains("outputFormat"), r.outputFormat == nil { r.outputFormat = config.outputFormat.map(OutputFormat.init) }
        if !fileGave.contains("outputQuality"), r.outputQuality == nil { r.outputQuality = config.outputQuality }
        if !fileGave.contains("outputType"), r.outputType == nil { r.outputType = config.outputType.map(OutputType.init) }
        if r.width == nil && r.height == nil { r.width = config.width; r.height = config.height }
        if r.steps == nil { r.steps = config.steps }
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
