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

        init(reading l: FieldReader) {
            self.init(model: l.required("model"), weight: l.double("weight"), transformer: l.choice("transformer"))
            l.finish()
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

        init(reading c: FieldReader) {
            self.init(model: c.required("model"), guideImage: c.required("guideImage"))
            weight = c.double("weight")
            controlMode = c.choice("controlMode")
            startStep = c.int("startStep")
            endStep = c.int("endStep")
            startStepPercentage = c.int("startStepPercentage")
            endStepPercentage = c.int("endStepPercentage")
            c.finish()
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

        init(reading a: FieldReader) {
            let images = a.strings("guideImages") ?? a.string("guideImage").map { [$0] }
            if images == nil { a.report(.missing(a.path("guideImages"))) }
            self.init(model: a.required("model"), guideImages: images ?? [])
            weight = a.double("weight")
            combineMethod = a.choice("combineMethod")
            embedScaling = a.choice("embedScaling")
            weightType = a.choice("weightType")
            weightComposition = a.double("weightComposition")
            a.finish()
        }
    }
}
