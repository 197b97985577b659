/// Every parameter the `runware:111@1` page documents for `imageInference`, one row each, in the
/// order the Generate form shows them. The single home of every single-field limit, default and
/// allowed list: validation, the form and `darkroom generate --help` read them from here.
/// Rules between fields (step windows, width with height, ACE++ with its model, ...) stay in code in `ImageInferenceRequest+Validation.swift`.
package enum Parameters {
    package static let all: [Parameter] = prompt + generation + stacks + inputs + features + delivery

    /// The row for a path as validation spells it (`lora[2].weight` finds `lora[].weight`).
    package static subscript(path: String) -> Parameter? { byPath[pattern(path)] }

    /// `lora[2].weight` -> `lora[].weight`; `pulid.images[0]` -> `pulid.images`.
    package static func pattern(_ path: String) -> String {
        var out = ""
        var inBrackets = false
        for c in path {
            if c == "[" { inBrackets = true; out.append("[") } else if c == "]" { inBrackets = false; out.append("]") } else if !inBrackets { out.append(c) }
        }
        return out.hasSuffix("[]") ? String(out.dropLast(2)) : out
    }

    private static let byPath: [String: Parameter] = Dictionary(uniqueKeysWithValues: all.map { ($0.path, $0) })

    private static let prompt: [Parameter] = [
        Parameter("positivePrompt", .prompt, .characters(min: 2, max: 3000), required: true, help: "What to picture",
                  form: .init("Prompt", .prompt), cli: .argument("prompt")),
        Parameter("negativePrompt", .text, .characters(min: 2, max: 3000), help: "What to keep out (ignored when CFGScale <= 1)",
                  form: .init("Negative", .prompt), cli: .option("negative-prompt")),
    ]

    private static let generation: [Parameter] = [
        Parameter("taskUUID", .uuid, required: true, help: "Task identifier (a UUID v4; fresh by default)", cli: .option("task-uuid")),
        Parameter("model", .model(.checkpoint), required: true, default: ImageInferenceRequest.defaultModel,
                  help: "Model AIR", form: .init("Model", .parameters), cli: .option("model")),
        Parameter("width", .integer, .integers(min: 128, max: 2048), multipleOf: 16, step: 64, help: "Width in pixels",
                  form: .init("Width", .parameters), cli: .option("width")),
        Parameter("height", .integer, .integers(min: 128, max: 2048), multipleOf: 16, step: 64, help: "Height in pixels",
                  form: .init("Height", .parameters), cli: .option("height")),
        Parameter("seed", .seed, .integers(min: 0, max: Int.max), step: 1, help: "Seed (random when left out)",
                  form: .init("Seed", .parameters), cli: .option("seed")),
        Parameter("steps", .integer, .integers(min: 1, max: 50), step: 1, help: "Denoising steps",
                  form: .init("Steps", .parameters), cli: .option("steps")),
        Parameter("CFGScale", .decimal, .decimals(min: 0, max: 20), step: 0.5, help: "CFGScale guidance",
                  form: .init("CFG scale", .parameters), cli: .option("cfg-scale")),
        Parameter("scheduler", choice: Scheduler.self, help: "Scheduler",
                  form: .init("Scheduler", .parameters), cli: .option("scheduler")),
        Parameter("numberResults", .integer, .integers(min: 1, max: 20), step: 1, default: "1", help: "Images to make",
                  form: .init("Results", .parameters), cli: .option("number-results")),
        Parameter("outputFormat", choice: OutputFormat.self, default: "JPG", help: "outputFormat",
                  form: .init("Format", .parameters), cli: .option("output-format")),
        Parameter("outputQuality", .integer, .integers(min: 20, max: 99), step: 5, default: "95", help: "outputQuality",
                  form: .init("Quality", .parameters), cli: .option("output-quality")),
        Parameter("outputType", choice: OutputType.self, default: "URL", help: "outputType",
                  form: .init("Output type", .parameters), cli: .option("output-type")),
        Parameter("promptWeighting", choice: PromptWeighting.self, help: "Prompt weighting syntax",
                  form: .init("Weighting", .parameters), cli: .option("prompt-weighting")),
        Parameter("trueCFGScale", .decimal, step: 0.5, help: "trueCFGScale: true classifier-free guidance",
                  form: .init("True CFG", .parameters), cli: .option("true-cfg-scale")),
    ]

    private static let stacks: [Parameter] = [
        Parameter("lora", .stack, .items(min: 1, max: nil), help: "LoRA models applied together",
                  form: .init("LoRA", .lora), cli: .option("lora")),
        Parameter("lora[].model", .model(.lora), required: true, help: "LoRA AIR",
                  form: .init("LoRA", .lora), cli: .key(option: "lora", key: "model")),
        Parameter("lora[].weight", .decimal, .decimals(min: -4, max: 4), step: 0.1, default: "1", help: "LoRA strength",
                  form: .init("weight", .lora), cli: .key(option: "lora", key: "weight")),
        Parameter("lora[].transformer", choice: LoRATransformer.self, default: "both", help: "Transformer stages",
                  form: .init("transformer", .lora), cli: .key(option: "lora", key: "transformer")),

        Parameter("controlNet", .stack, .items(min: 1, max: nil), help: "ControlNet guides applied together",
                  form: .init("ControlNet", .controlNet), cli: .option("controlnet")),
        Parameter("controlNet[].model", .model(.controlNet), required: true, help: "ControlNet AIR",
                  form: .init("ControlNet", .controlNet), cli: .key(option: "controlnet", key: "model")),
        Parameter("controlNet[].guideImage", .image, required: true, help: "Guide image",
                  form: .init("guide image", .controlNet), cli: .key(option: "controlnet", key: "guide")),
        Parameter("controlNet[].weight", .decimal, .decimals(min: -4, max: 4), step: 0.1, default: "1",
                  help: "ControlNet strength", form: .init("weight", .controlNet), cli: .key(option: "controlnet", key: "weight")),
        Parameter("controlNet[].controlMode", choice: ControlMode.self, default: "balanced", help: "Guidance mode",
                  form: .init("mode", .controlNet), cli: .key(option: "controlnet", key: "mode")),
        Parameter("controlNet[].startStep", .integer, .integers(min: 0, max: nil), step: 1, help: "First guided step",
                  note: "< end step", form: .init("start step", .controlNet), cli: .key(option: "controlnet", key: "start")),
        Parameter("controlNet[].endStep", .integer, .integers(min: 1, max: nil), step: 1, help: "Last guided step",
                  note: "<= steps", form: .init("end step", .controlNet), cli: .key(option: "controlnet", key: "end")),
        Parameter("controlNet[].startStepPercentage", .integer, .integers(min: 0, max: 99), step: 5,
                  help: "First guided step in percent", note: "< end %", form: .init("start %", .controlNet),
                  cli: .key(option: "controlnet", key: "start-percent")),
        Parameter("controlNet[].endStepPercentage", .integer, .integers(min: 1, max: 100), step: 5,
                  help: "Last guided step in percent", form: .init("end %", .controlNet),
                  cli: .key(option: "controlnet", key: "end-percent")),

        Parameter("ipAdapters", .stack, .items(min: 1, max: nil), help: "IP-Adapters applied together",
                  form: .init("IP-Adapters", .ipAdapters), cli: .option("ip-adapter")),
        Parameter("ipAdapters[].model", .model(.ipAdapter), required: true, help: "IP-Adapter AIR",
                  form: .init("IP-Adapter", .ipAdapters), cli: .key(option: "ip-adapter", key: "model")),
        Parameter("ipAdapters[].guideImages", .images, .items(min: 1, max: nil), required: true, help: "Reference images",
                  form: .init("reference", .ipAdapters), cli: .key(option: "ip-adapter", key: "image")),
        Parameter("ipAdapters[].weight", .decimal, .decimals(min: -4, max: 4), step: 0.1, default: "1",
                  help: "IP-Adapter strength", form: .init("weight", .ipAdapters), cli: .key(option: "ip-adapter", key: "weight")),
        Parameter("ipAdapters[].weightComposition", .decimal, .decimals(min: 0, max: 1), step: 0.05,
                  help: "Composition influence", form: .init("composition", .ipAdapters),
                  cli: .key(option: "ip-adapter", key: "composition")),
        Parameter("ipAdapters[].combineMethod", choice: IPAdapterCombineMethod.self, default: "concat",
                  help: "How reference images combine", form: .init("combine", .ipAdapters),
                  cli: .key(option: "ip-adapter", key: "combine")),
        Parameter("ipAdapters[].embedScaling", choice: IPAdapterEmbedScaling.self, default: "kv",
                  help: "Embedding components used", form: .init("embed scaling", .ipAdapters),
                  cli: .key(option: "ip-adapter", key: "embed")),
        Parameter("ipAdapters[].weightType", choice: IPAdapterWeightType.self, default: "normal",
                  help: "How influence evolves", form: .init("weight type", .ipAdapters),
                  cli: .key(option: "ip-adapter", key: "weight-type")),
    ]

    private static let inputs: [Parameter] = [
        Parameter("inputs", .group, help: "Input images"),
        Parameter("inputs.seedImage", .image, help: "Seed image for img2img",
                  form: .init("Seed image", .inputs), cli: .option("seed-image")),
        Parameter("inputs.maskImage", .image, help: "Mask for inpainting (white = change; needs a seed image)",
                  form: .init("Mask", .inputs), cli: .option("mask-image")),
        Parameter("strength", .decimal, .decimals(min: 0, max: 1), step: 0.05, default: "0.8",
                  help: "How far to move from the seed image", form: .init("Strength", .inputs), cli: .option("strength")),
        Parameter("maskMargin", .integer, .integers(min: 32, max: 128), step: 8, help: "Context pixels around the mask",
                  form: .init("Mask margin", .inputs), cli: .option("mask-margin")),
        Parameter("outpaint", .group, help: "Outpaint margins in pixels (needs a seed image; width/height are the final size)", cli: .option("outpaint")),
        Parameter("outpaint.top", .integer, .integers(min: 0, max: nil), step: 16, help: "Pixels added at the top",
                  form: .init("Outpaint top", .inputs), cli: .key(option: "outpaint", key: "top")),
        Parameter("outpaint.right", .integer, .integers(min: 0, max: nil), step: 16, help: "Pixels added at the right",
                  form: .init("Outpaint right", .inputs), cli: .key(option: "outpaint", key: "right")),
        Parameter("outpaint.bottom", .integer, .integers(min: 0, max: nil), step: 16, help: "Pixels added at the bottom",
                  form: .init("Outpaint bottom", .inputs), cli: .key(option: "outpaint", key: "bottom")),
        Parameter("outpaint.left", .integer, .integers(min: 0, max: nil), step: 16, help: "Pixels added at the left",
                  form: .init("Outpaint left", .inputs), cli: .key(option: "outpaint", key: "left")),
    ]

    private static let features: [Parameter] = [
        Parameter("hiresFix", .feature, help: "hiresFix: a second, upscaled pass with the API's defaults",
                  form: .init("hiresFix", .features), cli: .flag("hires-fix")),
        Parameter("hiresFix.model", choices: ImageInferenceRequest.HiresFix.upscalers, help: "hiresFix upscaler (required in the object form)",
                  form: .init("upscaler", .features), cli: .option("hires-fix-model")),
        Parameter("hiresFix.steps", .integer, .integers(min: 1, max: nil), step: 1, help: "hiresFix second-pass steps",
                  form: .init("steps", .features), cli: .option("hires-fix-steps")),
        Parameter("hiresFix.strength", .decimal, .decimals(min: 0, max: 1), step: 0.05, help: "hiresFix second-pass strength",
                  form: .init("strength", .features), cli: .option("hires-fix-strength")),
        Parameter("advancedFeatures", .group, help: "Extra model features"),
        Parameter("advancedFeatures.layerDiffuse", .toggle, default: "false",
                  help: "advancedFeatures.layerDiffuse (a transparent background)", note: "PNG/WEBP",
                  form: .init("layerDiffuse", .features), cli: .flag("layer-diffuse")),

        Parameter("ultralytics", .feature, help: "Ultralytics face refinement",
                  form: .init("ultralytics", .features), cli: .flag("ultralytics")),
        Parameter("ultralytics.CFGScale", .decimal, .decimals(min: 0, max: 50), step: 0.5, default: "8",
                  help: "Ultralytics CFGScale", form: .init("CFG scale", .features), cli: .option("ultralytics-cfg-scale")),
        Parameter("ultralytics.confidence", .decimal, .decimals(min: 0, max: 1), step: 0.05, default: "0.9",
                  help: "Ultralytics detection confidence", form: .init("confidence", .features),
                  cli: .option("ultralytics-confidence")),
        Parameter("ultralytics.maskBlur", .integer, .integers(min: 0, max: 100), step: 1, default: "5",
                  help: "Ultralytics maskBlur", form: .init("mask blur", .features), cli: .option("ultralytics-mask-blur")),
        Parameter("ultralytics.maskPadding", .integer, .integers(min: 0, max: 20), step: 1, default: "5",
                  help: "Ultralytics maskPadding", form: .init("mask padding", .features),
                  cli: .option("ultralytics-mask-padding")),
        Parameter("ultralytics.positivePrompt", .text, help: "Ultralytics positive prompt",
                  form: .init("prompt", .features), cli: .option("ultralytics-prompt")),
        Parameter("ultralytics.negativePrompt", .text, help: "Ultralytics negative prompt",
                  form: .init("negative", .features), cli: .option("ultralytics-negative-prompt")),
        Parameter("ultralytics.steps", .integer, .integers(min: 1, max: 100), step: 1, default: "20",
                  help: "Ultralytics steps", form: .init("steps", .features), cli: .option("ultralytics-steps")),
        Parameter("ultralytics.strength", .decimal, .decimals(min: 0, max: 1), step: 0.05, default: "0.3",
                  help: "Ultralytics strength", form: .init("strength", .features), cli: .option("ultralytics-strength")),

        Parameter("pulid", .feature, help: "PuLID identity transfer", form: .init("puLID", .features)),
        Parameter("pulid.images", .images, .items(min: 1, max: 1), required: true, help: "PuLID identity image",
                  form: .init("face image", .features), cli: .option("pulid-image")),
        Parameter("pulid.idWeight", .decimal, .decimals(min: 0, max: 3), step: 0.1, default: "1", help: "PuLID idWeight",
                  form: .init("id weight", .features), cli: .option("pulid-id-weight")),
        Parameter("pulid.trueCFGScale", .decimal, .decimals(min: 0, max: 10), step: 0.5, help: "PuLID trueCFGScale",
                  form: .init("true CFG", .features), cli: .option("pulid-true-cfg-scale")),
        Parameter("pulid.CFGstartStep", .integer, .integers(min: 0, max: nil), step: 1, help: "PuLID CFGstartStep",
                  note: "< steps", form: .init("CFG start", .features), cli: .option("pulid-cfg-start-step")),
        Parameter("pulid.CFGstartStepPercentage", .integer, .integers(min: 0, max: 99), step: 5,
                  help: "PuLID CFGstartStepPercentage", form: .init("CFG start %", .features),
                  cli: .option("pulid-cfg-start-percent")),

        Parameter("acePlusPlus", .feature, help: "ACE++ character-consistent generation and editing",
                  note: "runware:102@1", form: .init("ACE++", .features)),
        Parameter("acePlusPlus.type", choice: AcePlusPlusType.self, default: "portrait", help: "ACE++ type (needs model runware:102@1)",
                  form: .init("type", .features), cli: .option("ace-type")),
        Parameter("acePlusPlus.images", .images, .items(min: 1, max: 1), required: true, help: "ACE++ reference image",
                  form: .init("reference", .features), cli: .option("ace-image")),
        Parameter("acePlusPlus.masks", .images, .items(min: 1, max: 1), help: "ACE++ mask",
                  note: "local_editing", form: .init("mask", .features), cli: .option("ace-mask")),
        Parameter("acePlusPlus.repaintingScale", .decimal, .decimals(min: 0, max: 1), step: 0.05, default: "0",
                  help: "ACE++ repaintingScale", form: .init("repainting", .features), cli: .option("ace-repainting-scale")),

        Parameter("acceleratorOptions", .feature, help: "Caching that speeds up generation",
                  form: .init("accelerator", .features)),
        Parameter("acceleratorOptions.cacheStartStep", .integer, .integers(min: 0, max: nil), step: 1,
                  help: "acceleratorOptions.cacheStartStep", note: "< end", form: .init("cache start", .features),
                  cli: .option("cache-start-step")),
        Parameter("acceleratorOptions.cacheEndStep", .integer, .integers(min: 1, max: nil), step: 1,
                  help: "acceleratorOptions.cacheEndStep", note: "<= steps", form: .init("cache end", .features),
                  cli: .option("cache-end-step")),
        Parameter("acceleratorOptions.cacheStartStepPercentage", .integer, .integers(min: 0, max: 99), step: 5,
                  help: "acceleratorOptions.cacheStartStepPercentage", note: "< end %",
                  form: .init("cache start %", .features), cli: .option("cache-start-percent")),
        Parameter("acceleratorOptions.cacheEndStepPercentage", .integer, .integers(min: 1, max: 100), step: 5,
                  help: "acceleratorOptions.cacheEndStepPercentage", form: .init("cache end %", .features),
                  cli: .option("cache-end-percent")),
        Parameter("acceleratorOptions.cacheMaxConsecutiveSteps", .integer, .integers(min: 1, max: 5), step: 1, default: "3",
                  help: "acceleratorOptions.cacheMaxConsecutiveSteps", form: .init("max consecutive", .features),
                  cli: .option("cache-max-consecutive-steps")),
        Parameter("acceleratorOptions.fbCache", .toggle, default: "false", help: "First Block Cache",
                  form: .init("fbCache", .features), cli: .flag("fb-cache")),
        Parameter("acceleratorOptions.fbCacheThreshold", .decimal, .decimals(min: 0, max: 1), step: 0.05, default: "0.25",
                  help: "fbCacheThreshold", form: .init("fb threshold", .features), cli: .option("fb-cache-threshold")),
        Parameter("acceleratorOptions.teaCache", .toggle, default: "false", help: "TeaCache",
                  form: .init("teaCache", .features), cli: .flag("tea-cache")),
        Parameter("acceleratorOptions.teaCacheDistance", .decimal, .decimals(min: 0, max: 1), step: 0.05, default: "0.5",
                  help: "teaCacheDistance", form: .init("tea distance", .features), cli: .option("tea-cache-distance")),
        Parameter("acceleratorOptions.dbCache", .toggle, default: "false", help: "DB Cache (CacheDiT)",
                  form: .init("dbCache", .features), cli: .flag("db-cache")),
        Parameter("acceleratorOptions.dbCacheThreshold", .decimal, .decimals(min: 0, max: 1), step: 0.05, default: "0.25",
                  help: "dbCacheThreshold", form: .init("db threshold", .features), cli: .option("db-cache-threshold")),
        Parameter("acceleratorOptions.dbCacheSkipInterval", .integer, .integers(min: 1, max: nil), step: 1, default: "5",
                  help: "dbCacheSkipInterval", form: .init("db skip", .features), cli: .option("db-cache-skip-interval")),

        Parameter("safety", .group, help: "Content safety checking"),
        Parameter("safety.checkContent", .toggle, default: "false", help: "safety.checkContent: check results for unsafe content",
                  form: .init("safety check", .features), cli: .flag("safety-check")),
        Parameter("safety.mode", choice: SafetyMode.self, default: "none", help: "safety.mode",
                  form: .init("safety mode", .features), cli: .option("safety-mode")),
    ]

    private static let delivery: [Parameter] = [
        Parameter("deliveryMethod", choice: DeliveryMethod.self, default: "sync",
                  help: "deliveryMethod: sync waits for the answer, async polls getResponse",
                  form: .init("Delivery", .delivery), cli: .option("delivery")),
        Parameter("webhookURL", .url, help: "webhookURL: results are also POSTed there",
                  form: .init("Webhook URL", .delivery), cli: .option("webhook-url")),
        Parameter("uploadEndpoint", .url, help: "uploadEndpoint: each image is also PUT there",
                  form: .init("Upload to", .delivery), cli: .option("upload-endpoint")),
        Parameter("ttl", .integer, .integers(min: 60, max: nil), step: 60, help: "ttl in seconds for URL results (accepted with other output types, where it has no effect)",
                  note: "URL", form: .init("TTL (s)", .delivery), cli: .option("ttl")),
        // Not in the form or the CLI: Darkroom always asks (it costs nothing), so every job's cost
        // is recorded and spend today matches the balance (`JobRunner.run`).
        Parameter("includeCost", .toggle, default: "false", help: "includeCost: report what each image cost (Darkroom always sends true)"),
    ]
}
