/// A value the command line gave for one parameter, before it is set in a request.
public enum GivenValue: Sendable, Equatable {
    case text(String)
    case integer(Int)
    case number(Double)
    case texts([String])
    /// A flag: turns a toggle on, or makes a feature present.
    case on

    var text: String? { if case .text(let s) = self { s } else { nil } }
    var int: Int? { if case .integer(let i) = self { i } else { nil } }
    var double: Double? { if case .number(let d) = self { d } else { nil } }
    var texts: [String]? { if case .texts(let t) = self { t } else { nil } }
    func choice<C: StringChoice>() -> C? { text.map(C.init(rawValue:)) }
}

extension ImageInferenceRequest {
    /// Sets the parameter at `path` (its row's path in `Parameters`) to a given value, making
    /// the object it sits in when the request has none (`--ultralytics-steps 20` makes
    /// `ultralytics`). Returns false when the path has no setter: compound options (`--lora`,
    /// `--outpaint`, `--size`) and `hiresFix` are set whole (`StackSpec`, `HiresFix.given`).
    @discardableResult
    public mutating func set(_ path: String, to v: GivenValue) -> Bool {
        switch path {
        case "positivePrompt": positivePrompt = v.text ?? positivePrompt
        case "negativePrompt": negativePrompt = v.text
        case "model": model = v.text ?? model
        case "promptWeighting": promptWeighting = v.choice()
        case "width": width = v.int
        case "height": height = v.int
        case "steps": steps = v.int
        case "scheduler": scheduler = v.choice()
        case "CFGScale": cfgScale = v.double
        case "trueCFGScale": trueCFGScale = v.double
        case "numberResults": numberResults = v.int
        case "inputs.seedImage": edit(\.inputs, .init()) { $0.seedImage = v.text }
        case "inputs.maskImage": edit(\.inputs, .init()) { $0.maskImage = v.text }
        case "strength": strength = v.double
        case "maskMargin": maskMargin = v.int
        case "advancedFeatures.layerDiffuse": advancedFeatures = .init(layerDiffuse: true)
        case "acePlusPlus.type": edit(\.acePlusPlus, .init(images: [])) { $0.type = v.choice() }
        case "acePlusPlus.images": edit(\.acePlusPlus, .init(images: [])) { $0.images = v.texts ?? [] }
        case "acePlusPlus.masks": edit(\.acePlusPlus, .init(images: [])) { $0.masks = v.texts }
        case "acePlusPlus.repaintingScale": edit(\.acePlusPlus, .init(images: [])) { $0.repaintingScale = v.double }
        case "pulid.images": edit(\.pulid, .init(images: [])) { $0.images = v.texts ?? [] }
        case "pulid.idWeight": edit(\.pulid, .init(images: [])) { $0.idWeight = v.double }
        case "pulid.trueCFGScale": edit(\.pulid, .init(images: [])) { $0.trueCFGScale = v.double }
        case "pulid.CFGstartStep": edit(\.pulid, .init(images: [])) { $0.cfgStartStep = v.int }
        case "pulid.CFGstartStepPercentage": edit(\.pulid, .init(images: [])) { $0.cfgStartStepPercentage = v.int }
        case "ultralytics": edit(\.ultralytics, .init()) { _ in }
        case "ultralytics.CFGScale": edit(\.ultralytics, .init()) { $0.cfgScale = v.double }
        case "ultralytics.confidence": edit(\.ultralytics, .init()) { $0.confidence = v.double }
        case "ultralytics.maskBlur": edit(\.ultralytics, .init()) { $0.maskBlur = v.int }
        case "ultralytics.maskPadding": edit(\.ultralytics, .init()) { $0.maskPadding = v.int }
        case "ultralytics.positivePrompt": edit(\.ultralytics, .init()) { $0.positivePrompt = v.text }
        case "ultralytics.negativePrompt": edit(\.ultralytics, .init()) { $0.negativePrompt = v.text }
        case "ultralytics.steps": edit(\.ultralytics, .init()) { $0.steps = v.int }
        case "ultralytics.strength": edit(\.ultralytics, .init()) { $0.strength = v.double }
        case "acceleratorOptions.cacheStartStep": edit(\.acceleratorOptions, .init()) { $0.cacheStartStep = v.int }
        case "acceleratorOptions.cacheEndStep": edit(\.acceleratorOptions, .init()) { $0.cacheEndStep = v.int }
        case "acceleratorOptions.cacheStartStepPercentage": edit(\.acceleratorOptions, .init()) { $0.cacheStartStepPercentage = v.int }
        case "acceleratorOptions.cacheEndStepPercentage": edit(\.acceleratorOptions, .init()) { $0.cacheEndStepPercentage = v.int }
        case "acceleratorOptions.cacheMaxConsecutiveSteps": edit(\.acceleratorOptions, .init()) { $0.cacheMaxConsecutiveSteps = v.int }
        case "acceleratorOptions.fbCache": edit(\.acceleratorOptions, .init()) { $0.fbCache = true }
        case "acceleratorOptions.fbCacheThreshold": edit(\.acceleratorOptions, .init()) { $0.fbCacheThreshold = v.double }
        case "acceleratorOptions.teaCache": edit(\.acceleratorOptions, .init()) { $0.teaCache = true }
        case "acceleratorOptions.teaCacheDistance": edit(\.acceleratorOptions, .init()) { $0.teaCacheDistance = v.double }
        case "acceleratorOptions.dbCache": edit(\.acceleratorOptions, .init()) { $0.dbCache = true }
        case "acceleratorOptions.dbCacheThreshold": edit(\.acceleratorOptions, .init()) { $0.dbCacheThreshold = v.double }
        case "acceleratorOptions.dbCacheSkipInterval": edit(\.acceleratorOptions, .init()) { $0.dbCacheSkipInterval = v.int }
        case "taskUUID": taskUUID = v.text ?? taskUUID
        case "outputType": outputType = v.choice()
        case "outputFormat": outputFormat = v.choice()
        case "outputQuality": outputQuality = v.int
        case "deliveryMethod": deliveryMethod = v.choice()
        case "webhookURL": webhookURL = v.text
        case "uploadEndpoint": uploadEndpoint = v.text
        case "safety.checkContent": edit(\.safety, .init()) { $0.checkContent = true }
        case "safety.mode": edit(\.safety, .init()) { $0.mode = v.choice() }
        case "ttl": ttl = v.int
        case "includeCost": includeCost = true
        default: return false
        }
        return true
    }

    /// Changes the object at `object`, starting from `empty` when the request has none.
    private mutating func edit<O>(_ object: WritableKeyPath<ImageInferenceRequest, O?>, _ empty: O, _ change: (inout O) -> Void) {
        var o = self[keyPath: object] ?? empty
        change(&o)
        self[keyPath: object] = o
    }
}

extension ImageInferenceRequest.HiresFix {
    /// What `--hires-fix` and its options make: an upscaler named makes the object form; steps or
    /// strength alone make it with no model; the flag alone is `true`. nil when none is given.
    public static func given(on: Bool, model: String?, steps: Int?, strength: Double?) -> Self? {
        if let model { return .custom(model: model, steps: steps, strength: strength) }
        guard on || steps != nil || strength != nil else { return nil }
        return steps == nil && strength == nil ? .on : .custom(model: "", steps: steps, strength: strength)
    }
}
