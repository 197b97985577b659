import Foundation
import Testing
@testable import RunwareAPI

@Suite struct ValidationTests {
    static func base() -> ImageInferenceRequest {
        var r = ImageInferenceRequest(taskUUID: "4d2bb1bc-945b-4ae7-96a4-0eee53c529bb", positivePrompt: "a quiet harbour")
        r.width = 1024
        r.height = 1024
        r.steps = 28
        return r
    }

    @Test func aValidRequestHasNoIssues() {
        #expect(Self.base().validate().isEmpty)
    }

    /// One violation at a time: (name, change, expected field path, expected code).
    static let cases: [(String, @Sendable (inout ImageInferenceRequest) -> Void, String, String)] = [
        ("taskUUID", { $0.taskUUID = "not-a-uuid" }, "taskUUID", "invalidTaskUUID"),
        ("outputType", { $0.outputType = "JPEG" }, "outputType", "invalidOutputType"),
        ("outputFormat", { $0.outputFormat = "GIF" }, "outputFormat", "invalidOutputFormat"),
        ("outputQuality low", { $0.outputQuality = 19 }, "outputQuality", "invalidOutputQuality"),
        ("outputQuality high", { $0.outputQuality = 100 }, "outputQuality", "invalidOutputQuality"),
        ("webhookURL", { $0.webhookURL = "ftp://x" }, "webhookURL", "invalidWebhookURL"),
        ("deliveryMethod", { $0.deliveryMethod = "later" }, "deliveryMethod", "invalidDeliveryMethod"),
        ("uploadEndpoint", { $0.uploadEndpoint = "nowhere" }, "uploadEndpoint", "invalidUploadEndpoint"),
        ("safety.mode", { $0.safety = .init(mode: "strict") }, "safety.mode", "invalidMode"),
        ("ttl", { $0.ttl = 59 }, "ttl", "invalidTtl"),
        ("numberResults low", { $0.numberResults = 0 }, "numberResults", "invalidNumberResults"),
        ("numberResults high", { $0.numberResults = 21 }, "numberResults", "invalidNumberResults"),
        ("cacheStartStep", { $0.acceleratorOptions = .init(); $0.acceleratorOptions?.cacheStartStep = -1 },
         "acceleratorOptions.cacheStartStep", "invalidCacheStartStep"),
        ("cacheEndStep", { $0.acceleratorOptions = .init(); $0.acceleratorOptions?.cacheEndStep = 0 },
         "acceleratorOptions.cacheEndStep", "invalidCacheEndStep"),
        ("cacheStartStepPercentage", { $0.acceleratorOptions = .init(); $0.acceleratorOptions?.cacheStartStepPercentage = 100 },
         "acceleratorOptions.cacheStartStepPercentage", "invalidCacheStartStepPercentage"),
        ("cacheEndStepPercentage", { $0.acceleratorOptions = .init(); $0.acceleratorOptions?.cacheEndStepPercentage = 101 },
         "acceleratorOptions.cacheEndStepPercentage", "invalidCacheEndStepPercentage"),
        ("cacheMaxConsecutiveSteps", { $0.acceleratorOptions = .init(); $0.acceleratorOptions?.cacheMaxConsecutiveSteps = 6 },
         "acceleratorOptions.cacheMaxConsecutiveSteps", "invalidCacheMaxConsecutiveSteps"),
        ("fbCacheThreshold", { $0.acceleratorOptions = .init(); $0.acceleratorOptions?.fbCacheThreshold = 1.5 },
         "acceleratorOptions.fbCacheThreshold", "invalidFbCacheThreshold"),
        ("teaCacheDistance", { $0.acceleratorOptions = .init(); $0.acceleratorOptions?.teaCacheDistance = -0.1 },
         "acceleratorOptions.teaCacheDistance", "invalidTeaCacheDistance"),
        ("dbCacheThreshold", { $0.acceleratorOptions = .init(); $0.acceleratorOptions?.dbCacheThreshold = 2 },
         "acceleratorOptions.dbCacheThreshold", "invalidDbCacheThreshold"),
        ("dbCacheSkipInterval", { $0.acceleratorOptions = .init(); $0.acceleratorOptions?.dbCacheSkipInterval = 0 },
         "acceleratorOptions.dbCacheSkipInterval", "invalidDbCacheSkipInterval"),
        ("model", { $0.model = "flux dev" }, "model", "invalidModel"),
        ("positivePrompt short", { $0.positivePrompt = "a" }, "positivePrompt", "invalidPositivePromptLength"),
        ("positivePrompt long", { $0.positivePrompt = String(repeating: "x", count: 3001) }, "positivePrompt", "invalidPositivePromptLength"),
        ("negativePrompt", { $0.negativePrompt = "x" }, "negativePrompt", "invalidNegativePromptLength"),
        ("width step", { $0.width = 1000 }, "width", "invalidWidth"),
        ("width low", { $0.width = 112 }, "width", "invalidWidth"),
        ("height high", { $0.height = 2064 }, "height", "invalidHeight"),
        ("seed", { $0.seed = UInt64(Int64.max) + 1 }, "seed", "invalidSeed"),
        ("steps low", { $0.steps = 0 }, "steps", "invalidSteps"),
        ("steps high", { $0.steps = 51 }, "steps", "invalidSteps"),
        ("scheduler", { $0.scheduler = "Euler Ancestral" }, "scheduler", "invalidScheduler"),
        ("CFGScale", { $0.cfgScale = 20.5 }, "CFGScale", "invalidCFGScale"),
        ("strength", { $0.strength = 1.2 }, "strength", "invalidStrength"),
        ("maskMargin", { $0.maskMargin = 16 }, "maskMargin", "invalidMaskMargin"),
        ("promptWeighting", { $0.promptWeighting = "a1111" }, "promptWeighting", "invalidPromptWeighting"),
        ("trueCFGScale", { $0.trueCFGScale = .infinity }, "trueCFGScale", "invalidTrueCFGScale"),
        ("outpaint", { $0.inputs = .init(seedImage: "x.png"); $0.outpaint = .init(top: -1) }, "outpaint.top", "invalidTop"),
        ("lora empty", { $0.lora = [] }, "lora", "invalidLora"),
        ("lora weight", { $0.lora = [.init(model: "civitai:1@1"), .init(model: "civitai:2@1", weight: 4.5)] },
         "lora[1].weight", "invalidWeight"),
        ("lora model", { $0.lora = [.init(model: "nonsense")] }, "lora[0].model", "invalidModel"),
        ("lora transformer", { $0.lora = [.init(model: "civitai:1@1", transformer: "middle")] }, "lora[0].transformer", "invalidTransformer"),
        ("controlNet weight", { var c = ImageInferenceRequest.ControlNet(model: "runware:25@1", guideImage: "g.png"); c.weight = -5; $0.controlNet = [c] },
         "controlNet[0].weight", "invalidWeight"),
        ("controlNet mode", { var c = ImageInferenceRequest.ControlNet(model: "runware:25@1", guideImage: "g.png"); c.controlMode = "both"; $0.controlNet = [c] },
         "controlNet[0].controlMode", "invalidControlMode"),
        ("controlNet startStepPercentage", { var c = ImageInferenceRequest.ControlNet(model: "runware:25@1", guideImage: "g.png"); c.startStepPercentage = 99; c.endStepPercentage = 101; $0.controlNet = [c] },
         "controlNet[0].endStepPercentage", "invalidEndStepPercentage"),
        ("controlNet guide", { $0.controlNet = [.init(model: "runware:25@1", guideImage: "")] }, "controlNet[0].guideImage", "missingGuideImage"),
        ("ipAdapter images", { $0.ipAdapters = [.init(model: "runware:55@1", guideImages: [])] }, "ipAdapters[0].guideImages", "missingGuideImages"),
        ("ipAdapter weightComposition", { var a = ImageInferenceRequest.IPAdapter(model: "runware:55@1", guideImages: ["a.png"]); a.weightComposition = 1.1; $0.ipAdapters = [a] },
         "ipAdapters[0].weightComposition", "invalidWeightComposition"),
        ("ipAdapter combineMethod", { var a = ImageInferenceRequest.IPAdapter(model: "runware:55@1", guideImages: ["a.png"]); a.combineMethod = "mix"; $0.ipAdapters = [a] },
         "ipAdapters[0].combineMethod", "invalidCombineMethod"),
        ("ipAdapter embedScaling", { var a = ImageInferenceRequest.IPAdapter(model: "runware:55@1", guideImages: ["a.png"]); a.embedScaling = "q"; $0.ipAdapters = [a] },
         "ipAdapters[0].embedScaling", "invalidEmbedScaling"),
        ("ipAdapter weightType", { var a = ImageInferenceRequest.IPAdapter(model: "runware:55@1", guideImages: ["a.png"]); a.weightType = "heavy"; $0.ipAdapters = [a] },
         "ipAdapters[0].weightType", "invalidWeightType"),
        ("hiresFix model", { $0.hiresFix = .custom(model: "runware:1@1", steps: nil, strength: nil) }, "hiresFix.model", "invalidModel"),
        ("hiresFix strength", { $0.hiresFix = .custom(model: "runware:504@1", steps: nil, strength: 2) }, "hiresFix.strength", "invalidStrength"),
        ("pulid idWeight", { var p = ImageInferenceRequest.PuLID(images: ["f.png"]); p.idWeight = 3.5; $0.pulid = p }, "pulid.idWeight", "invalidIdWeight"),
        ("pulid trueCFGScale", { var p = ImageInferenceRequest.PuLID(images: ["f.png"]); p.trueCFGScale = 11; $0.pulid = p }, "pulid.trueCFGScale", "invalidTrueCFGScale"),
        ("pulid images", { $0.pulid = .init(images: ["a.png", "b.png"]) }, "pulid.images", "invalidImages"),
        ("pulid percentage", { var p = ImageInferenceRequest.PuLID(images: ["f.png"]); p.cfgStartStepPercentage = 100; $0.pulid = p },
         "pulid.CFGstartStepPercentage", "invalidCFGstartStepPercentage"),
        ("ultralytics CFGScale", { $0.ultralytics = .init(); $0.ultralytics?.cfgScale = 51 }, "ultralytics.CFGScale", "invalidCFGScale"),
        ("ultralytics confidence", { $0.ultralytics = .init(); $0.ultralytics?.confidence = 1.01 }, "ultralytics.confidence", "invalidConfidence"),
        ("ultralytics maskBlur", { $0.ultralytics = .init(); $0.ultralytics?.maskBlur = 101 }, "ultralytics.maskBlur", "invalidMaskBlur"),
        ("ultralytics maskPadding", { $0.ultralytics = .init(); $0.ultralytics?.maskPadding = 21 }, "ultralytics.maskPadding", "invalidMaskPadding"),
        ("ultralytics steps", { $0.ultralytics = .init(); $0.ultralytics?.steps = 101 }, "ultralytics.steps", "invalidSteps"),
        ("ultralytics strength", { $0.ultralytics = .init(); $0.ultralytics?.strength = -0.5 }, "ultralytics.strength", "invalidStrength"),
    ]

    @Test(arguments: 0..<cases.count)
    func eachLimitIsEnforcedAndNamed(_ index: Int) {
        let (name, change, path, code) = Self.cases[index]
        var r = Self.base()
        change(&r)
        let issues = r.validate()
        #expect(issues.count == 1, "\(name): \(issues)")
        #expect(issues.first?.parameters == [path], "\(name)")
        #expect(issues.first?.code == code, "\(name)")
        // The message names the field and what is allowed.
        #expect(issues.first?.description.hasPrefix(path) == true)
    }

    static let crossField: [(String, @Sendable (inout ImageInferenceRequest) -> Void, [String])] = [
        ("mask without seed image", { $0.inputs = .init(maskImage: "m.png") }, ["inputs.maskImage", "inputs.seedImage"]),
        ("outpaint without seed image", { $0.outpaint = .init(top: 64) }, ["outpaint", "inputs.seedImage"]),
        ("only width", { $0.height = nil }, ["width", "height"]),
        ("cache steps reversed", { $0.acceleratorOptions = .init(); $0.acceleratorOptions?.cacheStartStep = 10; $0.acceleratorOptions?.cacheEndStep = 5 },
         ["acceleratorOptions.cacheStartStep", "acceleratorOptions.cacheEndStep"]),
        ("cache end past steps", { $0.acceleratorOptions = .init(); $0.acceleratorOptions?.cacheEndStep = 30 },
         ["acceleratorOptions.cacheEndStep", "steps"]),
        ("cache step and percentage", { $0.acceleratorOptions = .init(); $0.acceleratorOptions?.cacheStartStep = 1; $0.acceleratorOptions?.cacheEndStepPercentage = 50 },
         ["acceleratorOptions.cacheStartStep", "acceleratorOptions.cacheEndStepPercentage"]),
        ("controlNet steps reversed", { var c = ImageInferenceRequest.ControlNet(model: "runware:25@1", guideImage: "g.png"); c.startStep = 5; c.endStep = 5; $0.controlNet = [c] },
         ["controlNet[0].startStep", "controlNet[0].endStep"]),
        ("controlNet percentages reversed", { var c = ImageInferenceRequest.ControlNet(model: "runware:25@1", guideImage: "g.png"); c.startStepPercentage = 60; c.endStepPercentage = 40; $0.controlNet = [c] },
         ["controlNet[0].startStepPercentage", "controlNet[0].endStepPercentage"]),
        ("controlNet both forms", { var c = ImageInferenceRequest.ControlNet(model: "runware:25@1", guideImage: "g.png"); c.startStep = 1; c.startStepPercentage = 10; $0.controlNet = [c] },
         ["controlNet[0].startStep", "controlNet[0].startStepPercentage"]),
        ("ace++ on 111@1", { $0.acePlusPlus = .init(images: ["r.png"]) }, ["acePlusPlus", "model"]),
        ("ace++ masks without local_editing", { $0.model = "runware:102@1"; $0.acePlusPlus = .init(type: "subject", images: ["r.png"], masks: ["m.png"]) },
         ["acePlusPlus.masks", "acePlusPlus.type"]),
        ("ace++ local_editing without masks", { $0.model = "runware:102@1"; $0.acePlusPlus = .init(type: "local_editing", images: ["r.png"]) },
         ["acePlusPlus.masks", "acePlusPlus.type"]),
        ("layerDiffuse with JPG", { $0.advancedFeatures = .init(layerDiffuse: true) }, ["advancedFeatures.layerDiffuse", "outputFormat"]),
        ("pulid both forms", { var p = ImageInferenceRequest.PuLID(images: ["f.png"]); p.cfgStartStep = 2; p.cfgStartStepPercentage = 10; $0.pulid = p },
         ["pulid.CFGstartStep", "pulid.CFGstartStepPercentage"]),
        ("pulid start past steps", { var p = ImageInferenceRequest.PuLID(images: ["f.png"]); p.cfgStartStep = 28; $0.pulid = p }, ["pulid.CFGstartStep", "steps"]),
    ]

    @Test(arguments: 0..<crossField.count)
    func crossFieldRules(_ index: Int) {
        let (name, change, paths) = Self.crossField[index]
        var r = Self.base()
        change(&r)
        let issues = r.validate()
        #expect(issues.map(\.parameters) == [paths], "\(name): \(issues)")
        #expect(issues.first?.code == "incompatibleParameters")
    }

    @Test func allViolationsAreReportedTogether() {
        var r = Self.base()
        r.width = 1000
        r.steps = 0
        r.lora = [.init(model: "civitai:1@1", weight: 9)]
        r.outputQuality = 5
        let issues = r.validate()
        #expect(Set(issues.flatMap(\.parameters)) == ["width", "steps", "lora[0].weight", "outputQuality"])
        let text = ValidationFailure(issues: issues).description
        #expect(text.contains("width = 1000: must be 128 to 2048 and a multiple of 16"))
        #expect(text.contains("lora[0].weight = 9: must be between -4 and 4"))
        #expect(text.hasPrefix("the request has 4 problems"))
    }

    @Test func schedulerSuggestsTheClosestName() {
        var r = Self.base()
        r.scheduler = "euler a"
        #expect(r.validate().first?.rule.contains("did you mean \"Euler a\"") == true)
        #expect(Scheduler.allowed.count == 75)
    }

    @Test func outputFormatIsCaseInsensitive() {
        var r = Self.base()
        r.outputFormat = "webp"
        #expect(r.validate().isEmpty)
        #expect(r.effectiveOutputFormat == .webp)
    }
}
