import RunwareAPI

/// The request a new job starts from, built from config.toml: the one source for the studio's
/// fresh form and for `darkroom generate` (whose file and options are laid over it), so the
/// same config.toml gives the same request from both.
package enum StartingRequest {
    /// The size sent when config.toml sets none. The parameter reference gives width and height
    /// no default (128...2048, step 16); 1024x1024 is the default model's (runware:111@1) own size.
    package static let defaultWidth = 1024
    package static let defaultHeight = 1024

    /// Steps, CFG scale and scheduler are always sent, from config or these defaults, so the
    /// values used are known and written into every image (readers such as sd-parsers and A1111's
    /// need `Steps:` and `Sampler:`); the `runware:111@1` page documents no default for them. These
    /// are FLUX.1 [dev]'s usual settings.
    package static let defaultSteps = 28
    package static let defaultCFGScale = 3.5
    package static let defaultScheduler = "FlowMatchEulerDiscreteScheduler"
    /// Async, as the official SDKs and CLI send: a job can be collected after a crash, a quit or
    /// a lost answer (getResponse serves async tasks only).
    package static let defaultDelivery = "async"

    /// The model (config, else `ImageInferenceRequest.defaultModel`), an empty prompt, both sides
    /// of the size, steps, CFG scale, scheduler and delivery (each from config, else the default),
    /// and config's output format, quality and type when it sets them.
    package static func document(_ config: Configuration) -> [String: JSONValue] {
        var d: [String: JSONValue] = [
            "model": .string(config.model ?? ImageInferenceRequest.defaultModel),
            "positivePrompt": .string(""),
            "width": .int(Int64(config.width ?? defaultWidth)),
            "height": .int(Int64(config.height ?? defaultHeight)),
            "steps": .int(Int64(config.steps ?? defaultSteps)),
            "CFGScale": .double(config.cfgScale ?? defaultCFGScale),
            "scheduler": .string(config.scheduler ?? defaultScheduler),
            "deliveryMethod": .string(config.delivery ?? defaultDelivery),
        ]
        if let v = config.outputFormat { d["outputFormat"] = .string(v) }
        if let v = config.outputQuality { d["outputQuality"] = .int(Int64(v)) }
        if let v = config.outputType { d["outputType"] = .string(v) }
        return d
    }
}
