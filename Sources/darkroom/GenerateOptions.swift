import ArgumentParser

struct PromptOptions: ParsableArguments {
    @Argument(help: "What to picture (positivePrompt, 2-3000 characters).")
    var prompt: String?
    @Option(name: [.customShort("N"), .long], help: "What to keep out (negativePrompt, 2-3000 characters; ignored when CFGScale <= 1).")
    var negativePrompt: String?
    @Option(help: "Model AIR (default runware:111@1, or `model` in config.toml).")
    var model: String?
    @Option(help: "Prompt weighting syntax: compel or sdEmbeds.")
    var promptWeighting: String?
}

struct ImageOptions: ParsableArguments {
    @Option(help: "Width in pixels: 128-2048, a multiple of 16.")
    var width: Int?
    @Option(help: "Height in pixels: 128-2048, a multiple of 16.")
    var height: Int?
    @Option(help: "Width and height at once, e.g. 1024x768.")
    var size: String?
    @Option(help: "Seed: 0-9223372036854775807 (random when left out; each extra result uses the next seed).")
    var seed: String?
    @Option(help: "Denoising steps: 1-50.")
    var steps: Int?
    @Option(help: "Scheduler name, e.g. \"FlowMatchEulerDiscreteScheduler\" or \"DPM++ 2M Karras\" (75 names).")
    var scheduler: String?
    @Option(name: .customLong("cfg-scale"), help: "CFGScale guidance: 0-20.")
    var cfgScale: Double?
    @Option(name: .customLong("true-cfg-scale"), help: "trueCFGScale: true classifier-free guidance.")
    var trueCFGScale: Double?
    @Option(name: [.customShort("n"), .customLong("number-results")], help: "Images to make: 1-20.")
    var numberResults: Int?
}

struct InputOptions: ParsableArguments {
    @Option(help: "Seed image for img2img: a file, imageUUID, URL or data URI.")
    var seedImage: String?
    @Option(help: "Mask for inpainting (white = change); needs --seed-image.")
    var maskImage: String?
    @Option(help: "How far to move from the seed image: 0-1 (default 0.8).")
    var strength: Double?
    @Option(help: "Context pixels around the mask: 32-128.")
    var maskMargin: Int?
    @Option(help: "Outpaint margins TOP,RIGHT,BOTTOM,LEFT (or top=N,...); width/height are the final size.")
    var outpaint: String?
}

struct StackOptions: ParsableArguments {
    @Option(name: .customLong("lora"), help: ArgumentHelp("LoRA, repeatable: AIR[:WEIGHT[:TRANSFORMER]] or model=AIR,weight=W,transformer=high|low|both.", valueName: "lora"))
    var loras: [String] = []
    @Option(name: .customLong("controlnet"), help: ArgumentHelp("ControlNet, repeatable: model=AIR,guide=IMAGE[,weight=W,mode=balanced|controlnet|prompt,start=N,end=N,start-percent=P,end-percent=P].", valueName: "spec"))
    var controlNets: [String] = []
    @Option(name: .customLong("ip-adapter"), help: ArgumentHelp("IP-Adapter, repeatable: model=AIR,image=IMAGE[,image=...][,weight=W,combine=M,embed=S,weight-type=T,composition=C].", valueName: "spec"))
    var ipAdapters: [String] = []
}

struct FeatureOptions: ParsableArguments {
    @Flag(help: "hiresFix with the API's defaults (hiresFix: true).")
    var hiresFix = false
    @Option(help: "hiresFix upscaler: runware:504@1, runware:realesrgan@anime-6b, runware:esrgan@animesharp, runware:esrgan@ultrasharp.")
    var hiresFixModel: String?
    @Option(help: "hiresFix second-pass steps.")
    var hiresFixSteps: Int?
    @Option(help: "hiresFix second-pass strength: 0-1.")
    var hiresFixStrength: Double?
    @Flag(help: "advancedFeatures.layerDiffuse: a transparent background (needs PNG or WEBP).")
    var layerDiffuse = false
    @Option(help: "ACE++ type: portrait, subject or local_editing (needs model runware:102@1).")
    var aceType: String?
    @Option(help: "ACE++ reference image (exactly one).")
    var aceImage: [String] = []
    @Option(help: "ACE++ mask (exactly one, only for local_editing).")
    var aceMask: [String] = []
    @Option(help: "ACE++ repaintingScale: 0-1.")
    var aceRepaintingScale: Double?
    @Option(name: .customLong("pulid-image"), help: "PuLID identity image (exactly one).")
    var pulidImages: [String] = []
    @Option(help: "PuLID idWeight: 0-3.")
    var pulidIdWeight: Double?
    @Option(name: .customLong("pulid-true-cfg-scale"), help: "PuLID trueCFGScale: 0-10.")
    var pulidTrueCFGScale: Double?
    @Option(name: .customLong("pulid-cfg-start-step"), help: "PuLID CFGstartStep: 0 to steps-1.")
    var pulidCFGStartStep: Int?
    @Option(name: .customLong("pulid-cfg-start-percent"), help: "PuLID CFGstartStepPercentage: 0-99.")
    var pulidCFGStartPercent: Int?
    @Flag(help: "Ultralytics face refinement with its defaults.")
    var ultralytics = false
    @Option(name: .customLong("ultralytics-cfg-scale"), help: "Ultralytics CFGScale: 0-50.")
    var ultralyticsCFGScale: Double?
    @Option(help: "Ultralytics detection confidence: 0-1.")
    var ultralyticsConfidence: Double?
    @Option(help: "Ultralytics maskBlur: 0-100.")
    var ultralyticsMaskBlur: Int?
    @Option(help: "Ultralytics maskPadding: 0-20.")
    var ultralyticsMaskPadding: Int?
    @Option(help: "Ultralytics positive prompt.")
    var ultralyticsPrompt: String?
    @Option(help: "Ultralytics negative prompt.")
    var ultralyticsNegativePrompt: String?
    @Option(help: "Ultralytics steps: 1-100.")
    var ultralyticsSteps: Int?
    @Option(help: "Ultralytics strength: 0-1.")
    var ultralyticsStrength: Double?
}

struct AcceleratorCLIOptions: ParsableArguments {
    @Option(help: "acceleratorOptions.cacheStartStep: >= 0, before the end step.")
    var cacheStartStep: Int?
    @Option(help: "acceleratorOptions.cacheEndStep: 1 to steps.")
    var cacheEndStep: Int?
    @Option(help: "acceleratorOptions.cacheStartStepPercentage: 0-99 (instead of the step form).")
    var cacheStartPercent: Int?
    @Option(help: "acceleratorOptions.cacheEndStepPercentage: 1-100.")
    var cacheEndPercent: Int?
    @Option(help: "acceleratorOptions.cacheMaxConsecutiveSteps: 1-5.")
    var cacheMaxConsecutiveSteps: Int?
    @Flag(help: "First Block Cache.")
    var fbCache = false
    @Option(help: "fbCacheThreshold: 0-1.")
    var fbCacheThreshold: Double?
    @Flag(help: "TeaCache.")
    var teaCache = false
    @Option(help: "teaCacheDistance: 0-1.")
    var teaCacheDistance: Double?
    @Flag(help: "DB Cache (CacheDiT).")
    var dbCache = false
    @Option(help: "dbCacheThreshold: 0-1.")
    var dbCacheThreshold: Double?
    @Option(help: "dbCacheSkipInterval: >= 1.")
    var dbCacheSkipInterval: Int?
}

struct DeliveryOptions: ParsableArguments {
    @Option(help: "outputType: URL, base64Data or dataURI (default URL; the image is saved either way).")
    var outputType: String?
    @Option(help: "outputFormat: JPG, PNG or WEBP (default JPG).")
    var outputFormat: String?
    @Option(help: "outputQuality: 20-99 (default 95).")
    var outputQuality: Int?
    @Option(help: "deliveryMethod: sync (wait for the answer) or async (poll getResponse).")
    var delivery: String?
    @Option(help: "webhookURL: results are also POSTed there.")
    var webhookURL: String?
    @Option(help: "uploadEndpoint: each image is also PUT there.")
    var uploadEndpoint: String?
    @Flag(help: "safety.checkContent: check results for unsafe content.")
    var safetyCheck = false
    @Option(help: "safety.mode: none or fast.")
    var safetyMode: String?
    @Option(help: "ttl in seconds (>= 60) for URL results.")
    var ttl: Int?
    @Flag(help: "includeCost: report what each image cost.")
    var includeCost = false
    @Option(help: "taskUUID to use (a UUID v4; fresh by default).")
    var taskUUID: String?
}
