import RunwareAPI
import Workspace

extension GenerateCommand {
    /// The starting request (config.toml, then the request file: `StartingRequest.request`) with
    /// every given option laid over it, then validated. So `--width` alone keeps the starting height.
    func buildRequest(config: Configuration) throws -> ImageInferenceRequest {
        var r = try StartingRequest.request(file: request, config: config, taskUUID: delivery.taskUUID)
        var issues: [ValidationIssue] = []
        if let s = image.size { (r.width, r.height) = try StackSpec.size(s) }
        let given = promptOptions.given + image.given + inputs.given + features.given + accelerator.given + delivery.given
        for case let (path, value?) in given { precondition(r.set(path, to: value), "no setter for \(path)") }
        if let s = image.seed {
            if let v = UInt64(s) { r.seed = v } else {
                issues.append(ValidationIssue(code: "invalidSeed", parameters: ["seed"], value: s,
                                              rule: "must be an integer between 0 and \(ImageInferenceRequest.maxSeed)"))
            }
        }
        if let v = inputs.outpaint { r.outpaint = try StackSpec.outpaint(v) }
        try stacks.apply(to: &r)
        let f = features
        if let h = ImageInferenceRequest.HiresFix.given(on: f.hiresFix, model: f.hiresFixModel, steps: f.hiresFixSteps,
                                                        strength: f.hiresFixStrength) { r.hiresFix = h }
        if issues.isEmpty { issues = r.validate() }
        if !issues.isEmpty { throw ValidationFailure(issues: issues) }
        return r
    }
}
