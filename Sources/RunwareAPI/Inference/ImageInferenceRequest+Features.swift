extension ImageInferenceRequest {
    package struct AcePlusPlus: Sendable, Hashable, Codable {
        package var type: AcePlusPlusType?
        package var images: [String]
        package var masks: [String]?
        package var repaintingScale: Double?
        package init(type: AcePlusPlusType? = nil, images: [String], masks: [String]? = nil) {
            self.type = type
            self.images = images
            self.masks = masks
        }

        init(reading a: FieldReader) {
            let images = a.strings("images") ?? a.strings("inputImages")
            if images == nil { a.report(.missing(a.path("images"))) }
            self.init(type: a.choice("type"), images: images ?? [], masks: a.strings("masks") ?? a.strings("inputMasks"))
            repaintingScale = a.double("repaintingScale")
            a.finish()
        }
    }

    /// `hiresFix` is either `true` (the API's defaults) or an object naming the upscaler.
    package enum HiresFix: Sendable, Hashable, Encodable {
        case off
        case on
        case custom(model: String, steps: Int?, strength: Double?)

        private enum Keys: String, CodingKey { case model, steps, strength }

        package func encode(to encoder: Encoder) throws {
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

        /// `true`, `false` or the object form; anything else is an issue.
        static func read(from r: FieldReader) -> HiresFix? {
            guard let v = r.raw("hiresFix") else { return nil }
            switch v {
            case .bool(let on): return on ? .on : .off
            case .object:
                guard let h = r.object("hiresFix") else { return nil }
                let fix = HiresFix.custom(model: h.required("model"), steps: h.int("steps"), strength: h.double("strength"))
                h.finish()
                return fix
            default:
                r.report(.invalid("hiresFix", v.summary, "must be true or an object with model, steps, strength"))
                return nil
            }
        }

        package static let upscalers = [
            "runware:504@1", "runware:realesrgan@anime-6b", "runware:esrgan@animesharp", "runware:esrgan@ultrasharp",
        ]
    }

    package struct PuLID: Sendable, Hashable, Codable {
        package var images: [String]
        package var idWeight: Double?
        package var trueCFGScale: Double?
        package var cfgStartStep: Int?
        package var cfgStartStepPercentage: Int?
        package init(images: [String]) { self.images = images }

        init(reading p: FieldReader) {
            let images = p.strings("images") ?? p.strings("inputImages")
            if images == nil { p.report(.missing(p.path("images"))) }
            self.init(images: images ?? [])
            idWeight = p.double("idWeight")
            trueCFGScale = p.double("trueCFGScale")
            cfgStartStep = p.int("CFGstartStep") ?? p.int("CFGStartStep")
            cfgStartStepPercentage = p.int("CFGstartStepPercentage") ?? p.int("CFGStartStepPercentage")
            p.finish()
        }

        enum CodingKeys: String, CodingKey {
            case images, idWeight, trueCFGScale
            case cfgStartStep = "CFGstartStep"
            case cfgStartStepPercentage = "CFGstartStepPercentage"
        }
    }

    package struct Ultralytics: Sendable, Hashable, Codable {
        package var cfgScale: Double?
        package var confidence: Double?
        package var maskBlur: Int?
        package var maskPadding: Int?
        package var positivePrompt: String?
        package var negativePrompt: String?
        package var steps: Int?
        package var strength: Double?
        package init() {}

        init(reading u: FieldReader) {
            cfgScale = u.double("CFGScale")
            confidence = u.double("confidence")
            maskBlur = u.int("maskBlur")
            maskPadding = u.int("maskPadding")
            positivePrompt = u.string("positivePrompt")
            negativePrompt = u.string("negativePrompt")
            steps = u.int("steps")
            strength = u.double("strength")
            u.finish()
        }

        enum CodingKeys: String, CodingKey {
            case cfgScale = "CFGScale"
            case confidence, maskBlur, maskPadding, positivePrompt, negativePrompt, steps, strength
        }
    }
}

extension ImageInferenceRequest.AcePlusPlus: SettableObject {
    package mutating func set(_ key: String, to v: GivenValue) -> Bool {
        switch key {
        case "type": type = v.choice()
        case "images": images = v.texts ?? []
        case "masks": masks = v.texts
        case "repaintingScale": repaintingScale = v.double
        default: return false
        }
        return true
    }
}

extension ImageInferenceRequest.PuLID: SettableObject {
    package mutating func set(_ key: String, to v: GivenValue) -> Bool {
        switch key {
        case "images": images = v.texts ?? []
        case "idWeight": idWeight = v.double
        case "trueCFGScale": trueCFGScale = v.double
        case "CFGstartStep": cfgStartStep = v.int
        case "CFGstartStepPercentage": cfgStartStepPercentage = v.int
        default: return false
        }
        return true
    }
}

extension ImageInferenceRequest.Ultralytics: SettableObject {
    package mutating func set(_ key: String, to v: GivenValue) -> Bool {
        switch key {
        case "CFGScale": cfgScale = v.double
        case "confidence": confidence = v.double
        case "maskBlur": maskBlur = v.int
        case "maskPadding": maskPadding = v.int
        case "positivePrompt": positivePrompt = v.text
        case "negativePrompt": negativePrompt = v.text
        case "steps": steps = v.int
        case "strength": strength = v.double
        default: return false
        }
        return true
    }
}
