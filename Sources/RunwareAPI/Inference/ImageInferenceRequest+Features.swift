extension ImageInferenceRequest {
    public struct AcePlusPlus: Sendable, Hashable, Codable {
        public var type: AcePlusPlusType?
        public var images: [String]
        public var masks: [String]?
        public var repaintingScale: Double?
        public init(type: AcePlusPlusType? = nil, images: [String], masks: [String]? = nil) {
            self.type = type
            self.images = images
            self.masks = masks
        }
    }

    /// `hiresFix` is either `true` (the API's defaults) or an object naming the upscaler.
    public enum HiresFix: Sendable, Hashable, Encodable {
        case off
        case on
        case custom(model: String, steps: Int?, strength: Double?)

        private enum Keys: String, CodingKey { case model, steps, strength }

        public func encode(to encoder: Encoder) throws {
            switch self {
            case .off:
                var c = encoder.singleValueContainer()
                try c.encode(false)
            case .on:
                var c = encoder.singleValueContainer()
                try c.encode(true)
            case .custom(let model, let steps, let strength):
                var c = encoder.container(keyedBy: Keys.self)
                try c.encode(model, forKey: .model)
                try c.encodeIfPresent(steps, forKey: .steps)
                try c.encodeIfPresent(strength, forKey: .strength)
            }
        }

        public static let upscalers = [
            "runware:504@1", "runware:realesrgan@anime-6b", "runware:esrgan@animesharp", "runware:esrgan@ultrasharp",
        ]
    }

    public struct PuLID: Sendable, Hashable, Codable {
        public var images: [String]
        public var idWeight: Double?
        public var trueCFGScale: Double?
        public var cfgStartStep: Int?
        public var cfgStartStepPercentage: Int?
        public init(images: [String]) { self.images = images }

        enum CodingKeys: String, CodingKey {
            case images, idWeight, trueCFGScale
            case cfgStartStep = "CFGstartStep"
            case cfgStartStepPercentage = "CFGstartStepPercentage"
        }
    }

    public struct Ultralytics: Sendable, Hashable, Codable {
        public var cfgScale: Double?
        public var confidence: Double?
        public var maskBlur: Int?
        public var maskPadding: Int?
        public var positivePrompt: String?
        public var negativePrompt: String?
        public var steps: Int?
        public var strength: Double?
        public init() {}

        enum CodingKeys: String, CodingKey {
            case cfgScale = "CFGScale"
            case confidence, maskBlur, maskPadding, positivePrompt, negativePrompt, steps, strength
        }
    }
}
