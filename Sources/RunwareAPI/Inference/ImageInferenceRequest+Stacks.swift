extension ImageInferenceRequest {
    package struct LoRA: Sendable, Hashable, Codable {
        package var model: String
        package var weight: Double?
        package var transformer: LoRATransformer?
        package init(model: String, weight: Double? = nil, transformer: LoRATransformer? = nil) {
            self.model = model
            self.weight = weight
            self.transformer = transformer
        }

        init(reading l: FieldReader) {
            self.init(model: l.required("model"), weight: l.double("weight"), transformer: l.choice("transformer"))
            l.finish()
        }
    }

    package struct ControlNet: Sendable, Hashable, Codable {
        package var model: String
        package var guideImage: String
        package var weight: Double?
        package var controlMode: ControlMode?
        package var startStep: Int?
        package var endStep: Int?
        package var startStepPercentage: Int?
        package var endStepPercentage: Int?
        package init(model: String, guideImage: String) {
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

    package struct IPAdapter: Sendable, Hashable, Codable {
        package var model: String
        package var guideImages: [String]
        package var weight: Double?
        package var combineMethod: IPAdapterCombineMethod?
        package var embedScaling: IPAdapterEmbedScaling?
        package var weightType: IPAdapterWeightType?
        package var weightComposition: Double?
        package init(model: String, guideImages: [String]) {
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
