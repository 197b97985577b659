extension ImageInferenceRequest {
    package struct Safety: Sendable, Hashable, Codable {
        package var checkContent: Bool?
        package var mode: SafetyMode?
        package init(checkContent: Bool? = nil, mode: SafetyMode? = nil) {
            self.checkContent = checkContent
            self.mode = mode
        }

        init(reading s: FieldReader) {
            self.init(checkContent: s.bool("checkContent"), mode: s.choice("mode"))
            s.finish()
        }
    }

    package struct AcceleratorOptions: Sendable, Hashable, Codable {
        package var cacheStartStep: Int?
        package var cacheEndStep: Int?
        package var cacheStartStepPercentage: Int?
        package var cacheEndStepPercentage: Int?
        package var cacheMaxConsecutiveSteps: Int?
        package var fbCache: Bool?
        package var fbCacheThreshold: Double?
        package var teaCache: Bool?
        package var teaCacheDistance: Double?
        package var dbCache: Bool?
        package var dbCacheThreshold: Double?
        package var dbCacheSkipInterval: Int?
        package init() {}

        init(reading a: FieldReader) {
            cacheStartStep = a.int("cacheStartStep")
            cacheEndStep = a.int("cacheEndStep")
            cacheStartStepPercentage = a.int("cacheStartStepPercentage")
            cacheEndStepPercentage = a.int("cacheEndStepPercentage")
            cacheMaxConsecutiveSteps = a.int("cacheMaxConsecutiveSteps")
            fbCache = a.bool("fbCache")
            fbCacheThreshold = a.double("fbCacheThreshold")
            teaCache = a.bool("teaCache")
            teaCacheDistance = a.double("teaCacheDistance")
            dbCache = a.bool("dbCache")
            dbCacheThreshold = a.double("dbCacheThreshold")
            dbCacheSkipInterval = a.int("dbCacheSkipInterval")
            a.finish()
        }
    }

    package struct Inputs: Sendable, Hashable, Codable {
        package var seedImage: String?
        package var maskImage: String?
        package init(seedImage: String? = nil, maskImage: String? = nil) {
            self.seedImage = seedImage
            self.maskImage = maskImage
        }
        package var isEmpty: Bool { seedImage == nil && maskImage == nil }
    }

    package struct Outpaint: Sendable, Hashable, Codable {
        package var top: Int?
        package var right: Int?
        package var bottom: Int?
        package var left: Int?
        package init(top: Int? = nil, right: Int? = nil, bottom: Int? = nil, left: Int? = nil) {
            self.top = top
            self.right = right
            self.bottom = bottom
            self.left = left
        }

        init(reading o: FieldReader) {
            self.init(top: o.int("top"), right: o.int("right"), bottom: o.int("bottom"), left: o.int("left"))
            o.finish()
        }
    }

    package struct AdvancedFeatures: Sendable, Hashable, Codable {
        package var layerDiffuse: Bool?
        package init(layerDiffuse: Bool? = nil) { self.layerDiffuse = layerDiffuse }
        package var isEmpty: Bool { layerDiffuse == nil }

        init(reading f: FieldReader) {
            self.init(layerDiffuse: f.bool("layerDiffuse"))
            f.finish()
        }
    }
}

extension ImageInferenceRequest.Inputs: SettableObject {
    package mutating func set(_ key: String, to v: GivenValue) -> Bool {
        switch key {
        case "seedImage": seedImage = v.text
        case "maskImage": maskImage = v.text
        default: return false
        }
        return true
    }
}

extension ImageInferenceRequest.AdvancedFeatures: SettableObject {
    package mutating func set(_ key: String, to v: GivenValue) -> Bool {
        switch key {
        case "layerDiffuse": layerDiffuse = true
        default: return false
        }
        return true
    }
}

extension ImageInferenceRequest.AcceleratorOptions: SettableObject {
    package mutating func set(_ key: String, to v: GivenValue) -> Bool {
        switch key {
        case "cacheStartStep": cacheStartStep = v.int
        case "cacheEndStep": cacheEndStep = v.int
        case "cacheStartStepPercentage": cacheStartStepPercentage = v.int
        case "cacheEndStepPercentage": cacheEndStepPercentage = v.int
        case "cacheMaxConsecutiveSteps": cacheMaxConsecutiveSteps = v.int
        case "fbCache": fbCache = true
        case "fbCacheThreshold": fbCacheThreshold = v.double
        case "teaCache": teaCache = true
        case "teaCacheDistance": teaCacheDistance = v.double
        case "dbCache": dbCache = true
        case "dbCacheThreshold": dbCacheThreshold = v.double
        case "dbCacheSkipInterval": dbCacheSkipInterval = v.int
        default: return false
        }
        return true
    }
}

extension ImageInferenceRequest.Safety: SettableObject {
    package mutating func set(_ key: String, to v: GivenValue) -> Bool {
        switch key {
        case "checkContent": checkContent = true
        case "mode": mode = v.choice()
        default: return false
        }
        return true
    }
}
