extension ImageInferenceRequest {
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
        if let s = r.object("safety") {
            q.safety = Safety(checkContent: s.bool("checkContent"), mode: s.choice("mode"))
            s.finish()
        }
        q.ttl = r.int("ttl")
        q.includeCost = r.bool("includeCost")
        q.numberResults = r.int("numberResults")
        if let a = r.object("acceleratorOptions") {
            var o = AcceleratorOptions()
            o.cacheStartStep = a.int("cacheStartStep")
            o.cacheEndStep = a.int("cacheEndStep")
            o.cacheStartStepPercentage = a.int("cacheStartStepPercentage")
            o.cacheEndStepPercentage = a.int("cacheEndStepPercentage")
            o.cacheMaxConsecutiveSteps = a.int("cacheMaxConsecutiveSteps")
            o.fbCache = a.bool("fbCache")
            o.fbCacheThreshold = a.double("fbCacheThreshold")
            o.teaCache = a.bool("teaCache")
            o.teaCacheDistance = a.double("teaCacheDistance")
            o.dbCache = a.bool("dbCache")
            o.dbCacheThreshold = a.double("dbCacheThreshold")
            o.dbCacheSkipInterval = a.int("dbCacheSkipInterval")
            a.finish()
            q.acceleratorOptions = o
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
        if let o = r.object("outpaint") {
            q.outpaint = Outpaint(top: o.int("top"), right: o.int("right"), bottom: o.int("bottom"), left: o.int("left"))
            o.finish()
        }
        q.lora = r.objects("lora")?.map(decodeLoRA)
        q.controlNet = r.objects("controlNet")?.map(decodeControlNet)
        q.ipAdapters = r.objects("ipAdapters")?.map(decodeIPAdapter)
        q.trueCFGScale = r.double("trueCFGScale")
        if let a = r.object("acePlusPlus") { q.acePlusPlus = decodeAce(a) }
        q.hiresFix = decodeHiresFix(r)
        if let f = r.object("advancedFeatures") {
            q.advancedFeatures = AdvancedFeatures(layerDiffuse: f.bool("layerDiffuse"))
            f.finish()
        }
        if let p = r.object("pulid") ?? r.object("puLID") { q.pulid = decodePuLID(p) }
        if let u = r.object("ultralytics") { q.ultralytics = decodeUltralytics(u) }
        r.finish()
        return (q, r.issues)
    }

    private static func decodeLoRA(_ l: FieldReader) -> LoRA {
        defer { l.finish() }
        return LoRA(model: l.required("model"), weight: l.double("weight"), transformer: l.choice("transformer"))
    }

    private static func decodeControlNet(_ c: FieldReader) -> ControlNet {
        var n = ControlNet(model: c.required("model"), guideImage: c.required("guideImage"))
        n.weight = c.double("weight")
        n.controlMode = c.choice("controlMode")
        n.startStep = c.int("startStep")
        n.endStep = c.int("endStep")
        n.startStepPercentage = c.int("startStepPercentage")
        n.endStepPercentage = c.int("endStepPercentage")
        c.finish()
        return n
    }

    private static func decodeIPAdapter(_ a: FieldReader) -> IPAdapter {
        let images = a.strings("guideImages") ?? a.string("guideImage").map { [$0] }
        if images == nil { a.report(.missing(a.path("guideImages"))) }
        var n = IPAdapter(model: a.required("model"), guideImages: images ?? [])
        n.weight = a.double("weight")
        n.combineMethod = a.choice("combineMethod")
        n.embedScaling = a.choice("embedScaling")
        n.weightType = a.choice("weightType")
        n.weightComposition = a.double("weightComposition")
        a.finish()
        return n
    }

    private static func decodeAce(_ a: FieldReader) -> AcePlusPlus {
        let images = a.strings("images") ?? a.strings("inputImages")
        if images == nil { a.report(.missing(a.path("images"))) }
        var n = AcePlusPlus(type: a.choice("type"), images: images ?? [], masks: a.strings("masks") ?? a.strings("inputMasks"))
        n.repaintingScale = a.double("repaintingScale")
        a.finish()
        return n
    }

    private static func decodeHiresFix(_ r: FieldReader) -> HiresFix? {
        guard let v = r.raw("hiresFix") else { return nil }
        switch v {
        case .bool(let on): return on ? .on : .off
        case .object:
            guard let h = r.object("hiresFix") else { return nil }
            let fix = HiresFix.custom(model: h.required("model"), steps: h.int("steps"), strength: h.double("strength"))
            h.finish()
            return fix
        default:
            r.report(.invalid("hiresFix", v.summary, "must be true or an object with model, steps, strength"))
            return nil
        }
    }

    private static func decodePuLID(_ p: FieldReader) -> PuLID {
        let images = p.strings("images") ?? p.strings("inputImages")
        if images == nil { p.report(.missing(p.path("images"))) }
        var n = PuLID(images: images ?? [])
        n.idWeight = p.double("idWeight")
        n.trueCFGScale = p.double("trueCFGScale")
        n.cfgStartStep = p.int("CFGstartStep") ?? p.int("CFGStartStep")
        n.cfgStartStepPercentage = p.int("CFGstartStepPercentage") ?? p.int("CFGStartStepPercentage")
        p.finish()
        return n
    }

    private static func decodeUltralytics(_ u: FieldReader) -> Ultralytics {
        var n = Ultralytics()
        n.cfgScale = u.double("CFGScale")
        n.confidence = u.double("confidence")
        n.maskBlur = u.int("maskBlur")
        n.maskPadding = u.int("maskPadding")
        n.positivePrompt = u.string("positivePrompt")
        n.negativePrompt = u.string("negativePrompt")
        n.steps = u.int("steps")
        n.strength = u.double("strength")
        u.finish()
        return n
    }
}
