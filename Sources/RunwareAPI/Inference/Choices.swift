/// A string the API restricts to a documented set. It can hold any value, so that a bad
/// value from a file or the command line is reported by validation rather than lost.
package protocol StringChoice: RawRepresentable, Codable, Hashable, Sendable, ExpressibleByStringLiteral,
    CustomStringConvertible where RawValue == String {
    static var allowed: [String] { get }
    /// Whether `outputFormat: "png"` counts as `PNG`.
    static var caseInsensitive: Bool { get }
    init(rawValue: String)
}

extension StringChoice {
    package static var caseInsensitive: Bool { false }
    package init(stringLiteral value: String) { self.init(rawValue: value) }
    package var description: String { rawValue }
    package var isAllowed: Bool {
        Self.caseInsensitive
            ? Self.allowed.contains { $0.caseInsensitiveCompare(rawValue) == .orderedSame }
            : Self.allowed.contains(rawValue)
    }
    /// The documented spelling of this value, when it is allowed.
    package var canonical: Self {
        guard Self.caseInsensitive,
              let match = Self.allowed.first(where: { $0.caseInsensitiveCompare(rawValue) == .orderedSame })
        else { return self }
        return Self(rawValue: match)
    }
}

package struct OutputType: StringChoice {
    package let rawValue: String
    package init(rawValue: String) { self.rawValue = rawValue }
    package static let url: OutputType = "URL"
    package static let base64Data: OutputType = "base64Data"
    package static let dataURI: OutputType = "dataURI"
    package static let allowed = ["URL", "base64Data", "dataURI"]
}

package struct OutputFormat: StringChoice {
    package let rawValue: String
    package init(rawValue: String) { self.rawValue = rawValue }
    package static let jpg: OutputFormat = "JPG"
    package static let png: OutputFormat = "PNG"
    package static let webp: OutputFormat = "WEBP"
    package static let allowed = ["JPG", "PNG", "WEBP"]
    package static var caseInsensitive: Bool { true }
    package var supportsAlpha: Bool { canonical != .jpg }
}

package struct DeliveryMethod: StringChoice {
    package let rawValue: String
    package init(rawValue: String) { self.rawValue = rawValue }
    package static let sync: DeliveryMethod = "sync"
    package static let async: DeliveryMethod = "async"
    package static let allowed = ["sync", "async"]
}

package struct SafetyMode: StringChoice {
    package let rawValue: String
    package init(rawValue: String) { self.rawValue = rawValue }
    package static let allowed = ["none", "fast"]
}

package struct PromptWeighting: StringChoice {
    package let rawValue: String
    package init(rawValue: String) { self.rawValue = rawValue }
    package static let allowed = ["compel", "sdEmbeds"]
}

package struct LoRATransformer: StringChoice {
    package let rawValue: String
    package init(rawValue: String) { self.rawValue = rawValue }
    package static let allowed = ["high", "low", "both"]
}

package struct ControlMode: StringChoice {
    package let rawValue: String
    package init(rawValue: String) { self.rawValue = rawValue }
    package static let allowed = ["balanced", "controlnet", "prompt"]
}

package struct IPAdapterCombineMethod: StringChoice {
    package let rawValue: String
    package init(rawValue: String) { self.rawValue = rawValue }
    package static let allowed = ["concat", "add", "subtract", "average", "norm_average"]
}

package struct IPAdapterEmbedScaling: StringChoice {
    package let rawValue: String
    package init(rawValue: String) { self.rawValue = rawValue }
    package static let allowed = ["only_v", "kv", "kv_penalty_c", "k_mean_v_penalty_c"]
}

package struct IPAdapterWeightType: StringChoice {
    package let rawValue: String
    package init(rawValue: String) { self.rawValue = rawValue }
    package static let allowed = [
        "normal", "ease_in", "ease_out", "ease_in_out", "weak_input", "weak_output", "weak_middle",
        "strong_middle", "style_transfer", "composition", "strong_style_transfer",
        "style_and_composition", "strong_style_and_composition",
    ]
}

package struct AcePlusPlusType: StringChoice {
    package let rawValue: String
    package init(rawValue: String) { self.rawValue = rawValue }
    package static let localEditing: AcePlusPlusType = "local_editing"
    package static let allowed = ["portrait", "subject", "local_editing"]
}

package struct Scheduler: StringChoice {
    package let rawValue: String
    package init(rawValue: String) { self.rawValue = rawValue }
    /// The 75 names the `runware:111@1` page allows.
    package static let allowed = [
        "DDIM", "DDIMScheduler", "DDPMScheduler", "DEISMultistepScheduler", "Default", "DPM++",
        "DPM++ 2M", "DPM++ 2M Beta", "DPM++ 2M Exponential", "DPM++ 2M Karras", "DPM++ 2M SDE",
        "DPM++ 2M SDE Beta", "DPM++ 2M SDE Exponential", "DPM++ 2M SDE Karras", "DPM++ 2M SDE Uniform",
        "DPM++ 2M Uniform", "DPM++ 3M", "DPM++ 3M Beta", "DPM++ 3M Exponential", "DPM++ 3M Karras",
        "DPM++ 3M SDE Uniform", "DPM++ 3M Uniform", "DPM++ Beta", "DPM++ Exponential", "DPM++ Karras",
        "DPM++ SDE", "DPM++ SDE Beta", "DPM++ SDE Exponential", "DPM++ SDE Karras", "DPM++ Uniform",
        "DPM++ Uniform Beta", "DPM++ Uniform Exponential", "DPM++ Uniform Karras",
        "DPMSolverMultistepInverse", "DPMSolverMultistepScheduler", "DPMSolverSinglestepScheduler",
        "EDMDPMSolverMultistepScheduler", "EDMEulerScheduler", "Euler", "Euler a", "Euler Beta",
        "Euler Exponential", "Euler Karras", "EulerAncestralDiscreteScheduler", "EulerDiscreteScheduler",
        "FlowMatchEulerDiscreteScheduler", "Heun", "HeunDiscreteScheduler", "Heun Karras",
        "IPNDMScheduler", "IPNDM Uniform", "IPNDM Uniform Beta", "IPNDM Uniform Exponential",
        "IPNDM Uniform Karras", "KDPM2AncestralDiscreteScheduler", "KDPM2DiscreteScheduler", "LCM",
        "LCMScheduler", "LMS", "LMSDiscreteScheduler", "LMS Karras", "PNDMScheduler", "TCDScheduler",
        "UniPC", "UniPC 2M", "UniPC 2M Karras", "UniPC 2M Uniform", "UniPC 3M", "UniPC 3M Karras",
        "UniPC 3M Uniform", "UniPC Karras", "UniPC Uniform", "UniPC Uniform Beta",
        "UniPC Uniform Exponential", "UniPC Uniform Karras",
    ]
}
