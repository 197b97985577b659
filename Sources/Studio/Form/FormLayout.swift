import RunwareAPI

/// The Generate form's rows for a task object: fixed parameters, one group of rows per stack
/// item, and each feature's settings while the feature is on. Limits come from the model page.
public enum FormLayout {
    public static let sizePresets = [
        "1024x1024", "1152x896", "896x1152", "1216x832", "832x1216", "1344x768", "768x1344", "1536x640", "640x1536",
    ]

    public static func fields(for document: JSONValue) -> [FieldSpec] {
        var f: [FieldSpec] = []
        func add(_ path: JSONPath, _ label: String, _ kind: FieldKind, _ section: String, _ limit: String? = nil, depth: Int = 0) {
            f.append(FieldSpec(path, label, kind, section: section, limit: limit, depth: depth))
        }
        let s = "Prompt"
        add("positivePrompt", "Prompt", .prompt, s, "2-3000 chars")
        add("negativePrompt", "Negative", .text, s, "2-3000 chars")

        let p = "Parameters"
        add("model", "Model", .model(category: "checkpoint"), p, "AIR")
        add("ui.size", "Size", .sizePreset, p)
        add("ui.aspectLock", "Aspect lock", .aspectLock, p)
        add("width", "Width", .integer(range: 128...2048, step: 64), p, "128-2048, ×16")
        add("height", "Height", .integer(range: 128...2048, step: 64), p, "128-2048, ×16")
        add("seed", "Seed", .seed, p, "0-2^63-1")
        add("steps", "Steps", .integer(range: 1...50, step: 1), p, "1-50")
        add("CFGScale", "CFG scale", .decimal(range: 0...20, step: 0.5), p, "0-20")
        add("scheduler", "Scheduler", .choice(Scheduler.allowed), p)
        add("numberResults", "Results", .integer(range: 1...20, step: 1), p, "1-20")
        add("outputFormat", "Format", .choice(OutputFormat.allowed), p)
        add("outputQuality", "Quality", .integer(range: 20...99, step: 5), p, "20-99")
        add("outputType", "Output type", .choice(OutputType.allowed), p)
        add("promptWeighting", "Weighting", .choice(PromptWeighting.allowed), p)
        add("trueCFGScale", "True CFG", .decimal(range: 0...20, step: 0.5), p)

        add("lora", "LoRA", .stack("lora"), "LoRA")
        for i in (document["lora"]?.arrayValue ?? []).indices {
            let item = JSONPath("lora[\(i)]")
            add(item.appending("model"), "LoRA \(i + 1)", .model(category: "lora"), "LoRA", "AIR", depth: 1)
            add(item.appending("weight"), "weight", .decimal(range: -4...4, step: 0.1), "LoRA", "-4 to 4", depth: 2)
            add(item.appending("transformer"), "transformer", .choice(LoRATransformer.allowed), "LoRA", depth: 2)
        }
        add("controlNet", "ControlNet", .stack("controlNet"), "ControlNet")
        for i in (document["controlNet"]?.arrayValue ?? []).indices {
            let item = JSONPath("controlNet[\(i)]"), c = "ControlNet"
            add(item.appending("model"), "ControlNet \(i + 1)", .model(category: "controlnet"), c, "AIR", depth: 1)
            add(item.appending("guideImage"), "guide image", .image, c, depth: 2)
            add(item.appending("weight"), "weight", .decimal(range: -4...4, step: 0.1), c, "-4 to 4", depth: 2)
            add(item.appending("controlMode"), "mode", .choice(ControlMode.allowed), c, depth: 2)
            add(item.appending("startStep"), "start step", .integer(range: 1...50, step: 1), c, "< end step", depth: 2)
            add(item.appending("endStep"), "end step", .integer(range: 1...50, step: 1), c, "<= steps", depth: 2)
            add(item.appending("startStepPercentage"), "start %", .integer(range: 0...99, step: 5), c, "0-99", depth: 2)
            add(item.appending("endStepPercentage"), "end %", .integer(range: 1...100, step: 5), c, "1-100", depth: 2)
        }
        add("ipAdapters", "IP-Adapters", .stack("ipAdapters"), "IP-Adapters")
        for i in (document["ipAdapters"]?.arrayValue ?? []).indices {
            let item = JSONPath("ipAdapters[\(i)]"), a = "IP-Adapters"
            add(item.appending("model"), "IP-Adapter \(i + 1)", .model(category: nil), a, "AIR", depth: 1)
            add(item.appending("guideImages").appending(index: 0), "reference", .image, a, depth: 2)
            add(item.appending("weight"), "weight", .decimal(range: -4...4, step: 0.1), a, "-4 to 4", depth: 2)
            add(item.appending("weightComposition"), "composition", .decimal(range: 0...1, step: 0.05), a, "0-1", depth: 2)
            add(item.appending("combineMethod"), "combine", .choice(IPAdapterCombineMethod.allowed), a, depth: 2)
            add(item.appending("embedScaling"), "embed scaling", .choice(IPAdapterEmbedScaling.allowed), a, depth: 2)
            add(item.appending("weightType"), "weight type", .choice(IPAdapterWeightType.allowed), a, depth: 2)
        }

        let n = "Inputs"
        add("inputs.seedImage", "Seed image", .image, n)
        add("inputs.maskImage", "Mask", .image, n)
        add("strength", "Strength", .decimal(range: 0...1, step: 0.05), n, "0-1")
        add("maskMargin", "Mask margin", .integer(range: 32...128, step: 8), n, "32-128")
        for side in ["top", "right", "bottom", "left"] {
            add(JSONPath("outpaint").appending(side), "Outpaint \(side)", .integer(range: 0...2048, step: 16), n, ">= 0, ×64")
        }

        let t = "Features"
        add("hiresFix", "hiresFix", .feature, t)
        if document["hiresFix"] != nil {
            add("hiresFix.model", "upscaler", .choice(ImageInferenceRequest.HiresFix.upscalers), t, depth: 1)
            add("hiresFix.steps", "steps", .integer(range: 1...100, step: 1), t, ">= 1", depth: 1)
            add("hiresFix.strength", "strength", .decimal(range: 0...1, step: 0.05), t, "0-1", depth: 1)
        }
        add("advancedFeatures.layerDiffuse", "layerDiffuse", .toggle, t, "PNG/WEBP")
        add("ultralytics", "ultralytics", .feature, t)
        if document["ultralytics"] != nil {
            let u = JSONPath("ultralytics")
            add(u.appending("CFGScale"), "CFG scale", .decimal(range: 0...50, step: 0.5), t, "0-50", depth: 1)
            add(u.appending("confidence"), "confidence", .decimal(range: 0...1, step: 0.05), t, "0-1", depth: 1)
            add(u.appending("maskBlur"), "mask blur", .integer(range: 0...100, step: 1), t, "0-100", depth: 1)
            add(u.appending("maskPadding"), "mask padding", .integer(range: 0...20, step: 1), t, "0-20", depth: 1)
            add(u.appending("positivePrompt"), "prompt", .text, t, depth: 1)
            add(u.appending("negativePrompt"), "negative", .text, t, depth: 1)
            add(u.appending("steps"), "steps", .integer(range: 1...100, step: 1), t, "1-100", depth: 1)
            add(u.appending("strength"), "strength", .decimal(range: 0...1, step: 0.05), t, "0-1", depth: 1)
        }
        add("pulid", "puLID", .feature, t)
        if document["pulid"] != nil {
            add("pulid.images[0]", "face image", .image, t, depth: 1)
            add("pulid.idWeight", "id weight", .decimal(range: 0...3, step: 0.1), t, "0-3", depth: 1)
            add("pulid.trueCFGScale", "true CFG", .decimal(range: 0...10, step: 0.5), t, "0-10", depth: 1)
            add("pulid.CFGstartStep", "CFG start", .integer(range: 0...50, step: 1), t, "< steps", depth: 1)
            add("pulid.CFGstartStepPercentage", "CFG start %", .integer(range: 0...99, step: 5), t, "0-99", depth: 1)
        }
        add("acePlusPlus", "ACE++", .feature, t, "runware:102@1")
        if document["acePlusPlus"] != nil {
            add("acePlusPlus.type", "type", .choice(AcePlusPlusType.allowed), t, depth: 1)
            add("acePlusPlus.images[0]", "reference", .image, t, depth: 1)
            add("acePlusPlus.masks[0]", "mask", .image, t, "local_editing", depth: 1)
            add("acePlusPlus.repaintingScale", "repainting", .decimal(range: 0...1, step: 0.05), t, "0-1", depth: 1)
        }
        add("acceleratorOptions", "accelerator", .feature, t)
        if document["acceleratorOptions"] != nil {
            let a = JSONPath("acceleratorOptions")
            add(a.appending("cacheStartStep"), "cache start", .integer(range: 0...50, step: 1), t, "< end", depth: 1)
            add(a.appending("cacheEndStep"), "cache end", .integer(range: 1...50, step: 1), t, "<= steps", depth: 1)
            add(a.appending("cacheStartStepPercentage"), "cache start %", .integer(range: 0...99, step: 5), t, "0-99", depth: 1)
            add(a.appending("cacheEndStepPercentage"), "cache end %", .integer(range: 1...100, step: 5), t, "1-100", depth: 1)
            add(a.appending("cacheMaxConsecutiveSteps"), "max consecutive", .integer(range: 1...5, step: 1), t, "1-5", depth: 1)
            add(a.appending("fbCache"), "fbCache", .toggle, t, depth: 1)
            add(a.appending("fbCacheThreshold"), "fb threshold", .decimal(range: 0...1, step: 0.05), t, "0-1", depth: 1)
            add(a.appending("teaCache"), "teaCache", .toggle, t, depth: 1)
            add(a.appending("teaCacheDistance"), "tea distance", .decimal(range: 0...1, step: 0.05), t, "0-1", depth: 1)
            add(a.appending("dbCache"), "dbCache", .toggle, t, depth: 1)
            add(a.appending("dbCacheThreshold"), "db threshold", .decimal(range: 0...1, step: 0.05), t, "0-1", depth: 1)
            add(a.appending("dbCacheSkipInterval"), "db skip", .integer(range: 1...50, step: 1), t, ">= 1", depth: 1)
        }
        add("safety.checkContent", "safety check", .toggle, t)
        add("safety.mode", "safety mode", .choice(SafetyMode.allowed), t)

        let d = "Delivery"
        add("deliveryMethod", "Delivery", .choice(DeliveryMethod.allowed), d)
        add("webhookURL", "Webhook URL", .text, d, "http(s)")
        add("uploadEndpoint", "Upload to", .text, d, "http(s)")
        add("ttl", "TTL (s)", .integer(range: 60...86400, step: 60), d, ">= 60, URL")
        add("includeCost", "Include cost", .toggle, d)
        return f
    }
}
