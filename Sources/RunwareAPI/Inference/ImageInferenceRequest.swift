/// One `imageInference` task with every parameter the `runware:111@1` page documents.
/// Unset fields are `nil` and are left out of the JSON.
package struct ImageInferenceRequest: Sendable, Hashable, Encodable {
    package static let taskType = "imageInference"
    package static let defaultModel = "runware:111@1"

    // API options
    package var taskUUID: String
    package var outputType: OutputType?
    package var outputFormat: OutputFormat?
    package var outputQuality: Int?
    package var webhookURL: String?
    package var deliveryMethod: DeliveryMethod?
    package var uploadEndpoint: String?
    package var safety: Safety?
    package var ttl: Int?
    package var includeCost: Bool?
    package var numberResults: Int?
    package var acceleratorOptions: AcceleratorOptions?
    package var inputs: Inputs?
    /// Runware's provider routing object (the 2026 schemas list it on every task): passed through
    /// as given, never checked here.
    package var routing: [String: JSONValue]?

    // Generation parameters
    package var model: String
    package var positivePrompt: String
    package var negativePrompt: String?
    package var width: Int?
    package var height: Int?
    package var seed: UInt64?
    package var steps: Int?
    package var scheduler: Scheduler?
    package var cfgScale: Double?
    package var strength: Double?
    package var maskMargin: Int?
    package var promptWeighting: PromptWeighting?
    package var outpaint: Outpaint?
    package var lora: [LoRA]?
    package var controlNet: [ControlNet]?
    package var ipAdapters: [IPAdapter]?
    package var trueCFGScale: Double?

    // Features
    package var acePlusPlus: AcePlusPlus?
    package var hiresFix: HiresFix?
    package var advancedFeatures: AdvancedFeatures?
    package var pulid: PuLID?
    package var ultralytics: Ultralytics?

    package init(taskUUID: String, model: String = ImageInferenceRequest.defaultModel, positivePrompt: String) {
        self.taskUUID = taskUUID
        self.model = model
        self.positivePrompt = positivePrompt
    }

    /// The number of images this task yields.
    package var resultCount: Int { numberResults ?? 1 }
    package var effectiveOutputType: OutputType { outputType ?? .url }
    package var effectiveOutputFormat: OutputFormat { (outputFormat ?? .jpg).canonical }
    package var effectiveDelivery: DeliveryMethod { deliveryMethod ?? .sync }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case taskType, taskUUID, outputType, outputFormat, outputQuality, webhookURL, deliveryMethod,
            uploadEndpoint, safety, ttl, includeCost, numberResults, acceleratorOptions, inputs, routing,
            model, positivePrompt, negativePrompt, width, height, seed, steps, scheduler,
            cfgScale = "CFGScale", strength, maskMargin, promptWeighting, outpaint, lora, controlNet,
            ipAdapters, trueCFGScale, acePlusPlus, hiresFix, advancedFeatures, pulid, ultralytics
    }

    package func encode(to encoder: Encoder) throws {
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
    package static func decode(_ json: [String: JSONValue]) -> (request: ImageInferenceRequest, issues: [ValidationIssue]) {
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
    package mutating func set(_ path: String, to v: GivenValue) -> Bool {
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
