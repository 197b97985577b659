import RunwareAPI
import Workspace

extension GenerateCommand {
    /// The starting request (config.toml, then the request file: `StartingRequest.request`) with
    /// every given option laid over it. So `--width` alone keeps the starting height.
    func buildRequest(config: Configuration) throws -> ImageInferenceRequest {
        var r = try StartingRequest.request(file: request, config: config, taskUUID: delivery.taskUUID)
        var issues: [ValidationIssue] = []
        promptOptions.apply(to: &r)
        try image.apply(to: &r, issues: &issues)
        try inputs.apply(to: &r)
        try stacks.apply(to: &r)
        features.apply(to: &r)
        accelerator.apply(to: &r)
        delivery.apply(to: &r)
        if !issues.isEmpty { throw ValidationFailure(issues: issues) }
        return r
    }
}
