import ArgumentParser
import RunwareAPI
import Workspace

// The options of `darkroom generate`, group by group, each followed by what it gives: values
// under their parameter's path, set by `ImageInferenceRequest.set(_:to:)`. Their help texts come
// from the parameter table (`Parameters`), limits included.

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
    var given: [(String, GivenValue?)] {
        [("positivePrompt", given(prompt)), ("negativePrompt", given(negativePrompt)), ("model", given(model)),
         ("promptWeighting", given(promptWeighting))]
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
    @Option(help: .parameter("scheduler", "E.g. \"FlowMatchEulerDiscreteScheduler\" or \"DPM++ 2M Karras\"."), completion: Completions.values("scheduler"))
    var scheduler: String?
    @Option(name: .customLong("cfg-scale"), help: .parameter("CFGScale"))
    var cfgScale: Double?
    @Option(name: .customLong("true-cfg-scale"), help: .parameter("trueCFGScale"))
    var trueCFGScale: Double?
    @Option(name: [.customShort("n"), .customLong("number-results")], help: .parameter("numberResults"))
    var numberResults: Int?
}

extension ImageOptions {
    /// Width and height (after `--size`), steps and the rest; `--seed` is read on its own (it may be no number).
    var given: [(String, GivenValue?)] {
        [("width", given(width)), ("height", given(height)), ("steps", given(steps)), ("scheduler", given(scheduler)),
         ("CFGScale", given(cfgScale)), ("trueCFGScale", given(trueCFGScale)), ("numberResults", given(numberResults))]
    }
}

struct InputOptions: ParsableArguments {
    @Option(help: .parameter("inputs.seedImage", "A file, imageUUID, URL or data URI."), completion: Completions.images)
    var seedImage: String?
    @Option(help: .parameter("inputs.maskImage"), completion: Completions.images)
    var maskImage: String?
    @Option(help: .parameter("strength"))
    var strength: Double?
    @Option(help: .parameter("maskMargin"))
    var maskMargin: Int?
    @Option(help: .compound("outpaint", "TOP,RIGHT,BOTTOM,LEFT or"))
    var outpaint: String?
}

extension InputOptions {
    var given: [(String, GivenValue?)] {
        [("inputs.seedImage", given(seedImage)), ("inputs.maskImage", given(maskImage)), ("strength", given(strength)),
         ("maskMargin", given(maskMargin))]
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
    /// Every feature option but the hiresFix ones, which make one value (`HiresFix.given`).
    var given: [(String, GivenValue?)] {
        [("advancedFeatures.layerDiffuse", given(layerDiffuse)),
         ("acePlusPlus.type", given(aceType)), ("acePlusPlus.images", given(aceImage)), ("acePlusPlus.masks", given(aceMask)),
         ("acePlusPlus.repaintingScale", given(aceRepaintingScale)),
         ("pulid.images", given(pulidImages)), ("pulid.idWeight", given(pulidIdWeight)),
         ("pulid.trueCFGScale", given(pulidTrueCFGScale)), ("pulid.CFGstartStep", given(pulidCFGStartStep)),
         ("pulid.CFGstartStepPercentage", given(pulidCFGStartPercent)),
         ("ultralytics", given(ultralytics)), ("ultralytics.CFGScale", given(ultralyticsCFGScale)),
         ("ultralytics.confidence", given(ultralyticsConfidence)), ("ultralytics.maskBlur", given(ultralyticsMaskBlur)),
         ("ultralytics.maskPadding", given(ultralyticsMaskPadding)), ("ultralytics.positivePrompt", given(ultralyticsPrompt)),
         ("ultralytics.negativePrompt", given(ultralyticsNegativePrompt)), ("ultralytics.steps", given(ultralyticsSteps)),
         ("ultralytics.strength", given(ultralyticsStrength))]
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
    var given: [(String, GivenValue?)] {
        [("acceleratorOptions.cacheStartStep", given(cacheStartStep)), ("acceleratorOptions.cacheEndStep", given(cacheEndStep)),
         ("acceleratorOptions.cacheStartStepPercentage", given(cacheStartPercent)),
         ("acceleratorOptions.cacheEndStepPercentage", given(cacheEndPercent)),
         ("acceleratorOptions.cacheMaxConsecutiveSteps", given(cacheMaxConsecutiveSteps)),
         ("acceleratorOptions.fbCache", given(fbCache)), ("acceleratorOptions.fbCacheThreshold", given(fbCacheThreshold)),
         ("acceleratorOptions.teaCache", given(teaCache)), ("acceleratorOptions.teaCacheDistance", given(teaCacheDistance)),
         ("acceleratorOptions.dbCache", given(dbCache)), ("acceleratorOptions.dbCacheThreshold", given(dbCacheThreshold)),
         ("acceleratorOptions.dbCacheSkipInterval", given(dbCacheSkipInterval))]
    }
}

struct DeliveryOptions: ParsableArguments {
    @Option(help: .parameter("outputType", "The image is saved either way."), completion: Completions.values("outputType"))
    var outputType: String?
    @Option(help: .parameter("outputFormat"), completion: Completions.values("outputFormat"))
    var outputFormat: String?
    @Option(help: .parameter("outputQuality"))
    var outputQuality: Int?
    @Option(help: .parameter("deliveryMethod"), completion: Completions.values("deliveryMethod"))
    var delivery: String?
    @Option(help: .parameter("webhookURL"))
    var webhookURL: String?
    @Option(help: .parameter("uploadEndpoint"))
    var uploadEndpoint: String?
    @Flag(help: .parameter("safety.checkContent"))
    var safetyCheck = false
    @Option(help: .parameter("safety.mode"), completion: Completions.values("safety.mode"))
    var safetyMode: String?
    @Option(help: .parameter("ttl"))
    var ttl: Int?
    @Option(help: .parameter("taskUUID"))
    var taskUUID: String?
}

extension DeliveryOptions {
    var given: [(String, GivenValue?)] {
        [("taskUUID", given(taskUUID)), ("outputType", given(outputType)), ("outputFormat", given(outputFormat)),
         ("outputQuality", given(outputQuality)), ("deliveryMethod", given(delivery)), ("webhookURL", given(webhookURL)),
         ("uploadEndpoint", given(uploadEndpoint)), ("safety.checkContent", given(safetyCheck)), ("safety.mode", given(safetyMode)),
         ("ttl", given(ttl))]
    }
}

extension ArgumentHelp {
    /// The `--help` text of a parameter, read from its row in `Parameters` (what it does, its
    /// limit, its default), with `extra` for what only the command line adds.
    static func parameter(_ path: String, _ extra: String? = nil) -> ArgumentHelp {
        ArgumentHelp(row(path).commandLineHelp(extra, startingValue: startingValues[path].map { $0.stringValue ?? $0.summary }))
    }

    /// What Darkroom sends for a parameter the user leaves out (config.toml unset), e.g. async.
    private static let startingValues = StartingRequest.document(Configuration())
        .filter { $0.key != "positivePrompt" && $0.key != "model" }

    /// The `--help` text of a compound option, from `StackSpec.help(compound:forms:)`.
    static func compound(_ path: String, _ forms: String, valueName: String? = nil) -> ArgumentHelp {
        ArgumentHelp(StackSpec.help(compound: path, forms: forms), valueName: valueName)
    }

    private static func row(_ path: String) -> Parameter {
        guard let row = Parameters[path] else { preconditionFailure("no parameter row for \(path)") }
        return row
    }
}

extension ParsableArguments {
    /// An option's value for `ImageInferenceRequest.set(_:to:)`; nil when not given.
    func given(_ v: String?) -> GivenValue? { v.map(GivenValue.text) }
    func given(_ v: Int?) -> GivenValue? { v.map(GivenValue.integer) }
    func given(_ v: Double?) -> GivenValue? { v.map(GivenValue.number) }
    func given(_ v: [String]) -> GivenValue? { v.isEmpty ? nil : .texts(v) }
    func given(_ flag: Bool) -> GivenValue? { flag ? .on : nil }
}
