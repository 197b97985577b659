import RunwareAPI

/// The request a new job starts from, built from config.toml: the one source for the studio's
/// fresh form and for `darkroom generate` (whose file and options are laid over it), so the
/// same config.toml gives the same request from both.
public enum StartingRequest {
    /// The size sent when config.toml sets none. The parameter reference gives width and height
    /// no default (128...2048, step 16); 1024x1024 is the default model's (runware:111@1) own size.
    public static let defaultWidth = 1024
    public static let defaultHeight = 1024

    /// The model (config, else `ImageInferenceRequest.defaultModel`), an empty prompt, both sides of the size (each
    /// from config, else the default), and config's steps and output format, quality and type
    /// when it sets them.
    public static func document(_ config: Configuration) -> [String: JSONValue] {
        var d: [String: JSONValue] = [
            "model": .string(config.model ?? ImageInferenceRequest.defaultModel),
            "positivePrompt": .string(""),
            "width": .int(Int64(config.width ?? defaultWidth)),
            "height": .int(Int64(config.height ?? defaultHeight)),
        ]
        if let v = config.steps { d["steps"] = .int(Int64(v)) }
        if let v = config.outputFormat { d["outputFormat"] = .string(v) }
        if let v = config.outputQuality { d["outputQuality"] = .int(Int64(v)) }
        if let v = config.outputType { d["outputType"] = .string(v) }
        return d
    }
}
