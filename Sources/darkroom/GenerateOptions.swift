import ArgumentParser
import RunwareAPI

// The options of `darkroom generate`, group by group, each followed by what it sets in the
// request. Their help texts come from the parameter table (`Parameters`), limits included.

struct PromptOptions: ParsableArguments {
    @Argument(help: .parameter("positivePrompt"))
    var prompt: String?
    @Option(name: [.customShort("N"), .long], help: .parameter("negativePrompt"))
    var negativePrompt: String?
    @Option(help: .parameter("model", "`model` in config.toml sets another default."))
    var model: String?
    @Option(help: .parameter("promptWeighting"))
    var promptWeighting: String?
}

extension PromptOptions {
    func apply(to r: inout ImageInferenceRequest) {
        if let v = prompt { r.positivePrompt = v }
        if let v = negativePrompt { r.negativePrompt = v }
        if let v = model { r.model = v }
        if let v = promptWeighting { r.promptWeighting = PromptWeighting(rawValue: v) }
    }
}

struct ImageOptions: ParsableArguments {
    @Option(help: .parameter("width"))
    var width: Int?
    @Option(help: .parameter("height"))
    var height: Int?
    @Option(help: "Width and height at once, e.g. 1024x768.")
    var size: String?
    @Option(help: .parameter("seed", "Each extra result uses the next seed."))
    var seed: String?
    @Option(help: .parameter("steps"))
    var steps: Int?
    @Option(help: .parameter("scheduler", "E.g. \"FlowMatchEulerDiscreteScheduler\" or \"DPM++ 2M Karras\"."))
    var scheduler: String?
    @Option(name: .customLong("cfg-scale"), help: .parameter("CFGScale"))
    var cfgScale: Double?
    @Option(name: .customLong("true-cfg-scale"), help: .parameter("trueCFGScale"))
    var trueCFGScale: Double?
    @Option(name: [.customShort("n"), .customLong("number-results")], help: .parameter("numberResults"))
    var numberResults: Int?
}

extension ImageOptions {
    func apply(to r: inout ImageInferenceRequest, issues: inout [ValidationIssue]) throws {
        if let s = size { (r.width, r.height) = try StackSpec.size(s) }
        if let v = width { r.width = v }
        if let v = height { r.height = v }
        if let s = seed {
            if let v = UInt64(s) { r.seed = v } else {
                issues.append(ValidationIssue(code: "invalidSeed", parameters: ["seed"], value: s,
                                              rule: "must be an integer between 0 and \(ImageInferenceRequest.maxSeed)"))
            }
        }
        if let v = steps { r.steps = v }
        if let v = scheduler { r.scheduler = Scheduler(rawValue: v) }
        if let v = cfgScale { r.cfgScale = v }
        if let v = trueCFGScale { r.trueCFGScale = v }
        if let v = numberResults { r.numberResults = v }
    }
}

struct InputOptions: ParsableArguments {
    @Option(help: .parameter("inputs.seedImage", "A file, imageUUID, URL or data URI."))
    var seedImage: String?
    @Option(help: .parameter("inputs.maskImage"))
    var maskImage: String?
    @Option(help: .parameter("strength"))
    var strength: Double?
    @Option(help: .parameter("maskMargin"))
    var maskMargin: Int?
    @Option(help: .compound("outpaint", "TOP,RIGHT,BOTTOM,LEFT or"))
    var outpaint: String?
}

extension InputOptions {
    func apply(to r: inout ImageInferenceRequest) throws {
        let i = self
        if i.seedImage != nil || i.maskImage != nil {
            var v = r.inputs ?? .init()
            if let s = i.seedImage { v.seedImage = s }
            if let m = i.maskImage { v.maskImage = m }
            r.inputs = v
        }
        if let v = i.strength { r.strength = v }
        if let v = i.maskMargin { r.maskMargin = v }
        if let v = i.outpaint { r.outpaint = try StackSpec.outpaint(v) }
    }
}

struct StackOptions: ParsableArguments {
    @Option(name: .customLong("lora"), help: .compound("lora", "repeatable: AIR[:WEIGHT[:TRANSFORMER]] or", valueName: "lora"))
    var loras: [String] = []
    @Option(name: .customLong("controlnet"), help: .compound("controlNet", "repeatable:", valueName: "spec"))
    var controlNets: [String] = []
    @Option(name: .customLong("ip-adapter"), help: .compound("ipAdapters", "repeatable, image= once per image:", valueName: "spec"))
    var ipAdapters: [String] = []
}

extension StackOptions {
    func apply(to r: inout ImageInferenceRequest) throws {
        if !loras.isEmpty { r.lora = try loras.map(StackSpec.lora) }
        if !controlNets.isEmpty { r.controlNet = try controlNets.map(StackSpec.controlNet) }
        if !ipAdapters.isEmpty { r.ipAdapters = try ipAdapters.map(StackSpec.ipAdapter) }
    }
}

struct FeatureOptions: ParsableArguments {
    @Flag(help: .parameter("hiresFix"))
    var hiresFix = false
    @Option(help: .parameter("hiresFix.model"))
    var hiresFixModel: String?
    @Option(help: .parameter("hiresFix.steps"))
    var hiresFixSteps: Int?
    @Option(help: .parameter("hiresFix.strength"))
    var hiresFixStrength: Double?
    @Flag(help: .parameter("advancedFeatures.layerDiffuse"))
    var layerDiffuse = false
    @Option(help: .parameter("acePlusPlus.type"))
    var aceType: String?
    @Option(help: .parameter("acePlusPlus.images"))
    var aceImage: [String] = []
    @Option(help: .parameter("acePlusPlus.masks"))
    var aceMask: [String] = []
    @Option(help: .parameter("acePlusPlus.repaintingScale"))
    var aceRepaintingScale: Double?
    @Option(name: .customLong("pulid-image"), help: .parameter("pulid.images"))
    var pulidImages: [String] = []
    @Option(help: .parameter("pulid.idWeight"))
    var pulidIdWeight: Double?
    @Option(name: .customLong("pulid-true-cfg-scale"), help: .parameter("pulid.trueCFGScale"))
    var pulidTrueCFGScale: Double?
    @Option(name: .customLong("pulid-cfg-start-step"), help: .parameter("pulid.CFGstartStep"))
    var pulidCFGStartStep: Int?
    @Option(name: .customLong("pulid-cfg-start-percent"), help: .parameter("pulid.CFGstartStepPercentage"))
    var pulidCFGStartPercent: Int?
    @Flag(help: .parameter("ultralytics"))
    var ultralytics = false
    @Option(name: .customLong("ultralytics-cfg-scale"), help: .parameter("ultralytics.CFGScale"))
    var ultralyticsCFGScale: Double?
    @Option(help: .parameter("ultralytics.confidence"))
    var ultralyticsConfidence: Double?
    @Option(help: .parameter("ultralytics.maskBlur"))
    var ultralyticsMaskBlur: Int?
    @Option(help: .parameter("ultralytics.maskPadding"))
    var ultralyticsMaskPadding: Int?
    @Option(help: .parameter("ultralytics.positivePrompt"))
    var ultralyticsPrompt: String?
    @Option(help: .parameter("ultralytics.negativePrompt"))
    var ultralyticsNegativePrompt: String?
    @Option(help: .parameter("ultralytics.steps"))
    var ultralyticsSteps: Int?
    @Option(help: .parameter("ultralytics.strength"))
    var ultralyticsStrength: Double?
}

extension FeatureOptions {
    func apply(to r: inout ImageInferenceRequest) {
        let f = self
        if let m = f.hiresFixModel {
            r.hiresFix = .custom(model: m, steps: f.hiresFixSteps, strength: f.hiresFixStrength)
        } else if f.hiresFix || f.hiresFixSteps != nil || f.hiresFixStrength != nil {
            r.hiresFix = f.hiresFixSteps == nil && f.hiresFixStrength == nil ? .on
                : .custom(model: "", steps: f.hiresFixSteps, strength: f.hiresFixStrength)
        }
        if f.layerDiffuse { r.advancedFeatures = .init(layerDiffuse: true) }
        if f.aceType != nil || !f.aceImage.isEmpty || !f.aceMask.isEmpty || f.aceRepaintingScale != nil {
            var a = r.acePlusPlus ?? .init(images: [])
            if let t = f.aceType { a.type = AcePlusPlusType(rawValue: t) }
            if !f.aceImage.isEmpty { a.images = f.aceImage }
            if !f.aceMask.isEmpty { a.masks = f.aceMask }
            if let s = f.aceRepaintingScale { a.repaintingScale = s }
            r.acePlusPlus = a
        }
        if !f.pulidImages.isEmpty || f.pulidIdWeight != nil || f.pulidTrueCFGScale != nil || f.pulidCFGStartStep != nil
            || f.pulidCFGStartPercent != nil {
            var p = r.pulid ?? .init(images: [])
            if !f.pulidImages.isEmpty { p.images = f.pulidImages }
            if let v = f.pulidIdWeight { p.idWeight = v }
            if let v = f.pulidTrueCFGScale { p.trueCFGScale = v }
            if let v = f.pulidCFGStartStep { p.cfgStartStep = v }
            if let v = f.pulidCFGStartPercent { p.cfgStartStepPercentage = v }
            r.pulid = p
        }
        let anyUltralytics = f.ultralyticsCFGScale != nil || f.ultralyticsConfidence != nil || f.ultralyticsMaskBlur != nil
            || f.ultralyticsMaskPadding != nil || f.ultralyticsPrompt != nil || f.ultralyticsNegativePrompt != nil
            || f.ultralyticsSteps != nil || f.ultralyticsStrength != nil
        if f.ultralytics || anyUltralytics {
            var u = r.ultralytics ?? .init()
            if let v = f.ultralyticsCFGScale { u.cfgScale = v }
            if let v = f.ultralyticsConfidence { u.confidence = v }
            if let v = f.ultralyticsMaskBlur { u.maskBlur = v }
            if let v = f.ultralyticsMaskPadding { u.maskPadding = v }
            if let v = f.ultralyticsPrompt { u.positivePrompt = v }
            if let v = f.ultralyticsNegativePrompt { u.negativePrompt = v }
            if let v = f.ultralyticsSteps { u.steps = v }
            if let v = f.ultralyticsStrength { u.strength = v }
            r.ultralytics = u
        }
    }
}

struct AcceleratorCLIOptions: ParsableArguments {
    @Option(help: .parameter("acceleratorOptions.cacheStartStep"))
    var cacheStartStep: Int?
    @Option(help: .parameter("acceleratorOptions.cacheEndStep"))
    var cacheEndStep: Int?
    @Option(help: .parameter("acceleratorOptions.cacheStartStepPercentage", "Instead of the step form."))
    var cacheStartPercent: Int?
    @Option(help: .parameter("acceleratorOptions.cacheEndStepPercentage"))
    var cacheEndPercent: Int?
    @Option(help: .parameter("acceleratorOptions.cacheMaxConsecutiveSteps"))
    var cacheMaxConsecutiveSteps: Int?
    @Flag(help: .parameter("acceleratorOptions.fbCache"))
    var fbCache = false
    @Option(help: .parameter("acceleratorOptions.fbCacheThreshold"))
    var fbCacheThreshold: Double?
    @Flag(help: .parameter("acceleratorOptions.teaCache"))
    var teaCache = false
    @Option(help: .parameter("acceleratorOptions.teaCacheDistance"))
    var teaCacheDistance: Double?
    @Flag(help: .parameter("acceleratorOptions.dbCache"))
    var dbCache = false
    @Option(help: .parameter("acceleratorOptions.dbCacheThreshold"))
    var dbCacheThreshold: Double?
    @Option(help: .parameter("acceleratorOptions.dbCacheSkipInterval"))
    var dbCacheSkipInterval: Int?
}

extension AcceleratorCLIOptions {
    func apply(to r: inout ImageInferenceRequest) {
        let a = self
        let any = a.cacheStartStep != nil || a.cacheEndStep != nil || a.cacheStartPercent != nil || a.cacheEndPercent != nil
            || a.cacheMaxConsecutiveSteps != nil || a.fbCache || a.fbCacheThreshold != nil || a.teaCache
            || a.teaCacheDistance != nil || a.dbCache || a.dbCacheThreshold != nil || a.dbCacheSkipInterval != nil
        guard any else { return }
        var o = r.acceleratorOptions ?? .init()
        if let v = a.cacheStartStep { o.cacheStartStep = v }
        if let v = a.cacheEndStep { o.cacheEndStep = v }
        if let v = a.cacheStartPercent { o.cacheStartStepPercentage = v }
        if let v = a.cacheEndPercent { o.cacheEndStepPercentage = v }
        if let v = a.cacheMaxConsecutiveSteps { o.cacheMaxConsecutiveSteps = v }
        if a.fbCache { o.fbCache = true }
        if let v = a.fbCacheThreshold { o.fbCacheThreshold = v }
        if a.teaCache { o.teaCache = true }
        if let v = a.teaCacheDistance { o.teaCacheDistance = v }
        if a.dbCache { o.dbCache = true }
        if let v = a.dbCacheThreshold { o.dbCacheThreshold = v }
        if let v = a.dbCacheSkipInterval { o.dbCacheSkipInterval = v }
        r.acceleratorOptions = o
    }
}

struct DeliveryOptions: ParsableArguments {
    @Option(help: .parameter("outputType", "The image is saved either way."))
    var outputType: String?
    @Option(help: .parameter("outputFormat"))
    var outputFormat: String?
    @Option(help: .parameter("outputQuality"))
    var outputQuality: Int?
    @Option(help: .parameter("deliveryMethod"))
    var delivery: String?
    @Option(help: .parameter("webhookURL"))
    var webhookURL: String?
    @Option(help: .parameter("uploadEndpoint"))
    var uploadEndpoint: String?
    @Flag(help: .parameter("safety.checkContent"))
    var safetyCheck = false
    @Option(help: .parameter("safety.mode"))
    var safetyMode: String?
    @Option(help: .parameter("ttl"))
    var ttl: Int?
    @Flag(help: .parameter("includeCost"))
    var includeCost = false
    @Option(help: .parameter("taskUUID"))
    var taskUUID: String?
}

extension DeliveryOptions {
    func apply(to r: inout ImageInferenceRequest) {
        let d = self
        if let v = d.taskUUID { r.taskUUID = v }
        if let v = d.outputType { r.outputType = OutputType(rawValue: v) }
        if let v = d.outputFormat { r.outputFormat = OutputFormat(rawValue: v) }
        if let v = d.outputQuality { r.outputQuality = v }
        if let v = d.delivery { r.deliveryMethod = DeliveryMethod(rawValue: v) }
        if let v = d.webhookURL { r.webhookURL = v }
        if let v = d.uploadEndpoint { r.uploadEndpoint = v }
        if d.safetyCheck || d.safetyMode != nil {
            var s = r.safety ?? .init()
            if d.safetyCheck { s.checkContent = true }
            if let m = d.safetyMode { s.mode = SafetyMode(rawValue: m) }
            r.safety = s
        }
        if let v = d.ttl { r.ttl = v }
        if d.includeCost { r.includeCost = true }
    }
}

extension ArgumentHelp {
    /// The `--help` text of a parameter, read from its row in `Parameters` (what it does, its
    /// limit, its default), with `extra` for what only the command line adds.
    static func parameter(_ path: String, _ extra: String? = nil) -> ArgumentHelp {
        ArgumentHelp(row(path).commandLineHelp(extra))
    }

    /// The `--help` text of a compound option, from `StackSpec.help(compound:forms:)`.
    static func compound(_ path: String, _ forms: String, valueName: String? = nil) -> ArgumentHelp {
        ArgumentHelp(StackSpec.help(compound: path, forms: forms), valueName: valueName)
    }

    private static func row(_ path: String) -> Parameter {
        guard let row = Parameters[path] else { preconditionFailure("no parameter row for \(path)") }
        return row
    }
}
