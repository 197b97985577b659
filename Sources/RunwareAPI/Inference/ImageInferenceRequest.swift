/// One `imageInference` task with every parameter the `runware:111@1` page documents.
/// Unset fields are `nil` and are left out of the JSON.
public struct ImageInferenceRequest: Sendable, Hashable, Encodable {
    public static let taskType = "imageInference"
    public static let defaultModel = "runware:111@1"

    // API options
    public var taskUUID: String
    public var outputType: OutputType?
    public var outputFormat: OutputFormat?
    public var outputQuality: Int?
    public var webhookURL: String?
    public var deliveryMethod: DeliveryMethod?
    public var uploadEndpoint: String?
    public var safety: Safety?
    public var ttl: Int?
    public var includeCost: Bool?
    public var numberResults: Int?
    public var acceleratorOptions: AcceleratorOptions?
    public var inputs: Inputs?
    /// Runware's provider routing object (the 2026 schemas list it on every task): passed through
    /// as given, never checked here.
    public var routing: [String: JSONValue]?

    // Generation parameters
    public var model: String
    public var positivePrompt: String
    public var negativePrompt: String?
    public var width: Int?
    public var height: Int?
    public var seed: UInt64?
    public var steps: Int?
    public var scheduler: Scheduler?
    public var cfgScale: Double?
    public var strength: Double?
    public var maskMargin: Int?
    public var promptWeighting: PromptWeighting?
    public var outpaint: Outpaint?
    public var lora: [LoRA]?
    public var controlNet: [ControlNet]?
    public var ipAdapters: [IPAdapter]?
    public var trueCFGScale: Double?

    // Features
    public var acePlusPlus: AcePlusPlus?
    public var hiresFix: HiresFix?
    public var advancedFeatures: AdvancedFeatures?
    public var pulid: PuLID?
    public var ultralytics: Ultralytics?

    public init(taskUUID: String, model: String = ImageInferenceRequest.defaultModel, positivePrompt: String) {
        self.taskUUID = taskUUID
        self.model = model
        self.positivePrompt = positivePrompt
    }

    /// The number of images this task yields.
    public var resultCount: Int { numberResults ?? 1 }
    public var effectiveOutputType: OutputType { outputType ?? .url }
    public var effectiveOutputFormat: OutputFormat { (outputFormat ?? .jpg).canonical }
    public var effectiveDelivery: DeliveryMethod { deliveryMethod ?? .sync }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case taskType, taskUUID, outputType, outputFormat, outputQuality, webhookURL, deliveryMethod,
            uploadEndpoint, safety, ttl, includeCost, numberResults, acceleratorOptions, inputs, routing,
            model, positivePrompt, negativePrompt, width, height, seed, steps, scheduler,
            cfgScale = "CFGScale", strength, maskMargin, promptWeighting, outpaint, lora, controlNet,
            ipAdapters, trueCFGScale, acePlusPlus, hiresFix, advancedFeatures, pulid, ultralytics
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(Self.taskType, forKey: .taskType)
        try c.encode(taskUUID, forKey: .taskUUID)
        try c.encodeIfPresent(outputType, forKey: .outputType)
        try c.encodeIfPresent(outputFormat?.canonical, forKey: .outputFormat)
        try c.encodeIfPresent(outputQuality, forKey: .outputQuality)
        try c.encodeIfPresent(webhookURL, forKey: .webhookURL)
        try c.encodeIfPresent(deliveryMethod, forKey: .deliveryMethod)
        try c.encodeIfPresent(uploadEndpoint, forKey: .uploadEndpoint)
        try c.encodeIfPresent(safety, forKey: .safety)
        try c.encodeIfPresent(ttl, forKey: .ttl)
        try c.encodeIfPresent(includeCost, forKey: .includeCost)
        try c.encodeIfPresent(numberResults, forKey: .numberResults)
        try c.encodeIfPresent(acceleratorOptions, forKey: .acceleratorOptions)
        if let inputs, !inputs.isEmpty { try c.encode(inputs, forKey: .inputs) }
        try c.encodeIfPresent(routing.map(JSONValue.object), forKey: .routing)
        try c.encode(model, forKey: .model)
        try c.encode(positivePrompt, forKey: .positivePrompt)
        try c.encodeIfPresent(negativePrompt, forKey: .negativePrompt)
        try c.encodeIfPresent(width, forKey: .width)
        try c.encodeIfPresent(height, forKey: .height)
        try c.encodeIfPresent(seed, forKey: .seed)
        try c.encodeIfPresent(steps, forKey: .steps)
        try c.encodeIfPresent(scheduler, forKey: .scheduler)
        try c.encodeIfPresent(cfgScale, forKey: .cfgScale)
        try c.encodeIfPresent(strength, forKey: .strength)
        try c.encodeIfPresent(maskMargin, forKey: .maskMargin)
        try c.encodeIfPresent(promptWeighting, forKey: .promptWeighting)
        try c.encodeIfPresent(outpaint, forKey: .outpaint)
        try c.encodeIfPresent(lora, forKey: .lora)
        try c.encodeIfPresent(controlNet, forKey: .controlNet)
        try c.encodeIfPresent(ipAdapters, forKey: .ipAdapters)
        try c.encodeIfPresent(trueCFGScale, forKey: .trueCFGScale)
        try c.encodeIfPresent(acePlusPlus, forKey: .acePlusPlus)
        if let hiresFix, hiresFix != .off { try c.encode(hiresFix, forKey: .hiresFix) }
        if let advancedFeatures, !advancedFeatures.isEmpty { try c.encode(advancedFeatures, forKey: .advancedFeatures) }
        try c.encodeIfPresent(pulid, forKey: .pulid)
        try c.encodeIfPresent(ultralytics, forKey: .ultralytics)
    }

    /// Reads a task object as the API does: wrong types and unknown keys become issues, legacy
    /// spellings (top-level `seedImage`, `puLID`, `inputImages`...) are understood.
    /// Validation of limits is separate (`validate()`).
    public static func decode(_ json: [String: JSONValue]) -> (request: ImageInferenceRequest, issues: [ValidationIssue]) {
        let r = FieldReader(json)
        _ = r.string("taskType")
        var q = ImageInferenceRequest(taskUUID: r.required("taskUUID"), model: r.required("model"),
                                      positivePrompt: r.required("positivePrompt"))
        q.outputType = r.choice("outputType")
        q.outputFormat = r.choice("outputFormat")
        q.outputQuality = r.int("outputQuality")
        q.webhookURL = r.string("webhookURL")
        q.deliveryMethod = r.choice("deliveryMethod")
        q.uploadEndpoint = r.string("uploadEndpoint")
        q.safety = r.object("safety").map(Safety.init(reading:))
        q.ttl = r.int("ttl")
        q.includeCost = r.bool("includeCost")
        q.numberResults = r.int("numberResults")
        q.acceleratorOptions = r.object("acceleratorOptions").map(AcceleratorOptions.init(reading:))
        if let routing = r.raw("routing") {
            if case .object(let o) = routing { q.routing = o } else {
                r.report(.invalid("routing", routing.summary, "must be an object, not \(routing.typeName)"))
            }
        }
        var inputs = Inputs(seedImage: r.string("seedImage"), maskImage: r.string("maskImage"))
        if let i = r.object("inputs") {
            inputs.seedImage = i.string("seedImage") ?? inputs.seedImage
            inputs.maskImage = i.string("maskImage") ?? inputs.maskImage
            i.finish()
        }
        q.inputs = inputs.isEmpty ? nil : inputs
        q.negativePrompt = r.string("negativePrompt")
        q.width = r.int("width")
        q.height = r.int("height")
        q.seed = r.seed("seed")
        q.steps = r.int("steps")
        q.scheduler = r.choice("scheduler")
        q.cfgScale = r.double("CFGScale")
        q.strength = r.double("strength")
        q.maskMargin = r.int("maskMargin")
        q.promptWeighting = r.choice("promptWeighting")
        q.outpaint = r.object("outpaint").map(Outpaint.init(reading:))
        q.lora = r.objects("lora")?.map(LoRA.init(reading:))
        q.controlNet = r.objects("controlNet")?.map(ControlNet.init(reading:))
        q.ipAdapters = r.objects("ipAdapters")?.map(IPAdapter.init(reading:))
        q.trueCFGScale = r.double("trueCFGScale")
        q.acePlusPlus = r.object("acePlusPlus").map(AcePlusPlus.init(reading:))
        q.hiresFix = HiresFix.read(from: r)
        q.advancedFeatures = r.object("advancedFeatures").map(AdvancedFeatures.init(reading:))
        q.pulid = (r.object("pulid") ?? r.object("puLID")).map(PuLID.init(reading:))
        q.ultralytics = r.object("ultralytics").map(Ultralytics.init(reading:))
        r.finish()
        return (q, r.issues)
    }
}

extension ImageInferenceRequest {
    /// Sets the parameter at `path` (its row's path in `Parameters`) to a value the command line
    /// gave, making the object it sits in when the request has none (`--ultralytics-steps 20`
    /// makes `ultralytics`); each object sets its own keys (`set(_:to:)` beside its type).
    /// Returns false when the path has no setter: compound options (`--lora`, `--outpaint`,
    /// `--size`) and `hiresFix` are set whole (`StackSpec`, `HiresFix.given`).
    @discardableResult
    public mutating func set(_ path: String, to v: GivenValue) -> Bool {
        if let dot = path.firstIndex(of: ".") {
            let key = String(path[path.index(after: dot)...])
            switch path[..<dot] {
            case "inputs": return setInside(\.inputs, .init(), key, v)
            case "advancedFeatures": return setInside(\.advancedFeatures, .init(), key, v)
            case "acePlusPlus": return setInside(\.acePlusPlus, .init(images: []), key, v)
            case "pulid": return setInside(\.pulid, .init(images: []), key, v)
            case "ultralytics": return setInside(\.ultralytics, .init(), key, v)
            case "acceleratorOptions": return setInside(\.acceleratorOptions, .init(), key, v)
            case "safety": return setInside(\.safety, .init(), key, v)
            default: return false
            }
        }
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
        case "strength": strength = v.double
        case "maskMargin": maskMargin = v.int
        case "ultralytics": edit(\.ultralytics, .init()) { _ in }
        case "taskUUID": taskUUID = v.text ?? taskUUID
        case "outputType": outputType = v.choice()
        case "outputFormat": outputFormat = v.choice()
        case "outputQuality": outputQuality = v.int
        case "deliveryMethod": deliveryMethod = v.choice()
        case "webhookURL": webhookURL = v.text
        case "uploadEndpoint": uploadEndpoint = v.text
        case "ttl": ttl = v.int
        case "includeCost": includeCost = true
        default: return false
        }
        return true
    }
}
