import ArgumentParser
import RunwareAPI

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

struct StackOptions: ParsableArguments {
    @Option(name: .customLong("lora"), help: .compound("lora", "repeatable: AIR[:WEIGHT[:TRANSFORMER]] or", valueName: "lora"))
    var loras: [String] = []
    @Option(name: .customLong("controlnet"), help: .compound("controlNet", "repeatable:", valueName: "spec"))
    var controlNets: [String] = []
    @Option(name: .customLong("ip-adapter"), help: .compound("ipAdapters", "repeatable, image= once per image:", valueName: "spec"))
    var ipAdapters: [String] = []
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

extension ArgumentHelp {
    /// The `--help` text of a parameter, read from its row in `Parameters` (what it does, its
    /// limit, its default), with `extra` for what only the command line adds.
    static func parameter(_ path: String, _ extra: String? = nil) -> ArgumentHelp {
        ArgumentHelp(row(path).commandLineHelp(extra))
    }

    /// The `--help` text of a compound option (`--lora`, `--controlnet`, `--outpaint`): its row's
    /// help, `forms`, then every `key=VALUE` it takes with that row's limit and default.
    static func compound(_ path: String, _ forms: String, valueName: String? = nil) -> ArgumentHelp {
        let head = row(path)
        let keys = Parameters.all.compactMap { p -> String? in
            guard case .key(let option, let key)? = p.cli, option == head.cli?.option else { return nil }
            var facts = [p.rangeText, p.note].compactMap { $0 }
            if let d = p.defaultValue { facts.append("default \(d)") }
            return "\(key)=\(StackSpec.valueName(p))" + (facts.isEmpty ? "" : " (\(facts.joined(separator: ", ")))")
        }
        return ArgumentHelp("\(head.help); \(forms) key=value pairs joined by commas: \(keys.joined(separator: ", ")).",
                            valueName: valueName)
    }

    private static func row(_ path: String) -> Parameter {
        guard let row = Parameters[path] else { preconditionFailure("no parameter row for \(path)") }
        return row
    }
}
