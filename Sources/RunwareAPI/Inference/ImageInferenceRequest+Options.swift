extension ImageInferenceRequest {
    public struct Safety: Sendable, Hashable, Codable {
        public var checkContent: Bool?
        public var mode: SafetyMode?
        public init(checkContent: Bool? = nil, mode: SafetyMode? = nil) {
            self.checkContent = checkContent
            self.mode = mode
        }

        init(reading s: FieldReader) {
            self.init(checkContent: s.bool("checkContent"), mode: s.choice("mode"))
            s.finish()
        }
    }

    public struct AcceleratorOptions: Sendable, Hashable, Codable {
        public var cacheStartStep: Int?
        public var cacheEndStep: Int?
        public var cacheStartStepPercentage: Int?
        public var cacheEndStepPercentage: Int?
        public var cacheMaxConsecutiveSteps: Int?
        public var fbCache: Bool?
        public var fbCacheThreshold: Double?
        public var teaCache: Bool?
        public var teaCacheDistance: Double?
        public var dbCache: Bool?
        public var dbCacheThreshold: Double?
        public var dbCacheSkipInterval: Int?
        public init() {}

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

    public struct Inputs: Sendable, Hashable, Codable {
        public var seedImage: String?
        public var maskImage: String?
        public init(seedImage: String? = nil, maskImage: String? = nil) {
            self.seedImage = seedImage
            self.maskImage = maskImage
        }
        public var isEmpty: Bool { seedImage == nil && maskImage == nil }
    }

    public struct Outpaint: Sendable, Hashable, Codable {
        public var top: Int?
        public var right: Int?
        public var bottom: Int?
        public var left: Int?
        public init(top: Int? = nil, right: Int? = nil, bottom: Int? = nil, left: Int? = nil) {
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

    public struct AdvancedFeatures: Sendable, Hashable, Codable {
        public var layerDiffuse: Bool?
        public init(layerDiffuse: Bool? = nil) { self.layerDiffuse = layerDiffuse }
        public var isEmpty: Bool { layerDiffuse == nil }

        init(reading f: FieldReader) {
            self.init(layerDiffuse: f.bool("layerDiffuse"))
            f.finish()
        }
    }
}

extension ImageInferenceRequest.Inputs: SettableObject {
    public mutating func set(_ key: String, to v: GivenValue) -> Bool {
        switch key {
        case "seedImage": seedImage = v.text
        case "maskImage": maskImage = v.text
        default: return false
        }
        return true
    }
}

extension ImageInferenceRequest.AdvancedFeatures: SettableObject {
    public mutating func set(_ key: String, to v: GivenValue) -> Bool {
        switch key {
        case "layerDiffuse": layerDiffuse = true
        default: return false
        }
        return true
    }
}

extension ImageInferenceRequest.AcceleratorOptions: SettableObject {
    public mutating func set(_ key: String, to v: GivenValue) -> Bool {
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
    public mutating func set(_ key: String, to v: GivenValue) -> Bool {
        switch key {
        case "checkContent": checkContent = true
        case "mode": mode = v.choice()
        default: return false
        }
        return true
    }
}
