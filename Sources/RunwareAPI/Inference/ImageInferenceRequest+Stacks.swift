extension ImageInferenceRequest {
    public struct LoRA: Sendable, Hashable, Codable {
        public var model: String
        public var weight: Double?
        public var transformer: LoRATransformer?
        public init(model: String, weight: Double? = nil, transformer: LoRATransformer? = nil) {
            self.model = model
            self.weight = weight
            self.transformer = transformer
        }
    }

    public struct ControlNet: Sendable, Hashable, Codable {
        public var model: String
        public var guideImage: String
        public var weight: Double?
        public var controlMode: ControlMode?
        public var startStep: Int?
        public var endStep: Int?
        public var startStepPercentage: Int?
        public var endStepPercentage: Int?
        public init(model: String, guideImage: String) {
            self.model = model
            self.guideImage = guideImage
        }
    }

    public struct IPAdapter: Sendable, Hashable, Codable {
        public var model: String
        public var guideImages: [String]
        public var weight: Double?
        public var combineMethod: IPAdapterCombineMethod?
        public var embedScaling: IPAdapterEmbedScaling?
        public var weightType: IPAdapterWeightType?
        public var weightComposition: Double?
        public init(model: String, guideImages: [String]) {
            self.model = model
            self.guideImages = guideImages
        }
    }
}
