import Foundation

extension ImageInferenceRequest {
    /// The highest seed the API takes (2^63 - 1).
    public static let maxSeed = UInt64(Int64.max)
    /// The model ACE++ requires (FLUX Fill).
    public static let acePlusPlusModel = "runware:102@1"

    /// Every documented limit, enum and cross-field rule; all violations at once.
    public func validate() -> [ValidationIssue] {
        var list = IssueList()
        validateOptions(&list)
        validateGeneration(&list)
        validateStacks(&list)
        validateFeatures(&list)
        return list.issues
    }

    /// Throws a `ValidationFailure` holding every violation, if there is any.
    public func validated() throws -> ImageInferenceRequest {
        let issues = validate()
        if !issues.isEmpty { throw ValidationFailure(issues: issues) }
        return self
    }

    private func validateOptions(_ list: inout IssueList) {
        if !TaskID.isV4(taskUUID) {
            list.add(.invalid("taskUUID", "\"\(taskUUID)\"", "must be a UUID v4"))
        }
        list.choice("outputType", outputType)
        list.choice("outputFormat", outputFormat)
        list.range("outputQuality", outputQuality, 20, 99)
        list.httpURL("webhookURL", webhookURL)
        list.choice("deliveryMethod", deliveryMethod)
        list.httpURL("uploadEndpoint", uploadEndpoint)
        list.choice("safety.mode", safety?.mode)
        list.atLeast("ttl", ttl, 60)
        if let ttl, effectiveOutputType != .url, outputType?.isAllowed == true {
            list.add(.incompatible(["ttl", "outputType"], "ttl \(ttl) with \(effectiveOutputType)",
                                   "ttl applies only to outputType URL"))
        }
        list.range("numberResults", numberResults, 1, 20)
        if let a = acceleratorOptions {
            let p = "acceleratorOptions."
            list.stepWindow(prefix: p, startStep: ("cacheStartStep", a.cacheStartStep),
                            endStep: ("cacheEndStep", a.cacheEndStep),
                            startPercent: ("cacheStartStepPercentage", a.cacheStartStepPercentage),
                            endPercent: ("cacheEndStepPercentage", a.cacheEndStepPercentage), steps: steps)
            list.range(p + "cacheMaxConsecutiveSteps", a.cacheMaxConsecutiveSteps, 1, 5)
            list.range(p + "fbCacheThreshold", a.fbCacheThreshold, 0, 1)
            list.range(p + "teaCacheDistance", a.teaCacheDistance, 0, 1)
            list.range(p + "dbCacheThreshold", a.dbCacheThreshold, 0, 1)
            list.atLeast(p + "dbCacheSkipInterval", a.dbCacheSkipInterval, 1)
        }
        list.imageReference("inputs.seedImage", inputs?.seedImage)
        list.imageReference("inputs.maskImage", inputs?.maskImage)
        if inputs?.maskImage != nil && inputs?.seedImage == nil {
            list.add(.incompatible(["inputs.maskImage", "inputs.seedImage"], nil,
                                   "a mask image needs a seed image to edit"))
        }
    }

    private func validateGeneration(_ list: inout IssueList) {
        if model.isEmpty { list.add(.missing("model")) } else { list.air("model", model) }
        if positivePrompt.isEmpty {
            list.add(.missing("positivePrompt", "is required (2 to 3000 characters)"))
        } else {
            list.text("positivePrompt", positivePrompt, 2, 3000, code: "invalidPositivePromptLength")
        }
        list.text("negativePrompt", negativePrompt, 2, 3000, code: "invalidNegativePromptLength")
        for (name, value) in [("width", width), ("height", height)] {
            guard let value else { continue }
            if value < 128 || value > 2048 || value % 16 != 0 {
                list.add(.invalid(name, String(value), "must be 128 to 2048 and a multiple of 16"))
            }
        }
        if (width == nil) != (height == nil) {
            let given = width == nil ? "height" : "width"
            list.add(.incompatible(["width", "height"], "only \(given) given", "give both width and height, or neither"))
        }
        if let seed, seed > Self.maxSeed {
            list.add(.invalid("seed", String(seed), "must be between 0 and \(Self.maxSeed)"))
        }
        list.range("steps", steps, 1, 50)
        list.choice("scheduler", scheduler)
        list.range("CFGScale", cfgScale, 0, 20)
        list.range("strength", strength, 0, 1)
        list.range("maskMargin", maskMargin, 32, 128)
        list.choice("promptWeighting", promptWeighting)
        list.finite("trueCFGScale", trueCFGScale)
        if let o = outpaint {
            for (side, v) in [("top", o.top), ("right", o.right), ("bottom", o.bottom), ("left", o.left)] {
                list.atLeast("outpaint." + side, v, 0)
            }
            if inputs?.seedImage == nil {
                list.add(.incompatible(["outpaint", "inputs.seedImage"], nil, "outpainting extends a seed image; give one"))
            }
        }
    }

    private func validateStacks(_ list: inout IssueList) {
        list.nonEmpty("lora", lora)
        for (i, l) in (lora ?? []).enumerated() {
            let p = "lora[\(i)]."
            if l.model.isEmpty { list.add(.missing(p + "model")) } else { list.air(p + "model", l.model) }
            list.range(p + "weight", l.weight, -4, 4)
            list.choice(p + "transformer", l.transformer)
        }
        list.nonEmpty("controlNet", controlNet)
        for (i, c) in (controlNet ?? []).enumerated() {
            let p = "controlNet[\(i)]."
            if c.model.isEmpty { list.add(.missing(p + "model")) } else { list.air(p + "model", c.model) }
            if c.guideImage.isEmpty { list.add(.missing(p + "guideImage")) }
            list.range(p + "weight", c.weight, -4, 4)
            list.choice(p + "controlMode", c.controlMode)
            list.stepWindow(prefix: p, startStep: ("startStep", c.startStep), endStep: ("endStep", c.endStep),
                            startPercent: ("startStepPercentage", c.startStepPercentage),
                            endPercent: ("endStepPercentage", c.endStepPercentage), steps: steps)
        }
        list.nonEmpty("ipAdapters", ipAdapters)
        for (i, a) in (ipAdapters ?? []).enumerated() {
            let p = "ipAdapters[\(i)]."
            if a.model.isEmpty { list.add(.missing(p + "model")) } else { list.air(p + "model", a.model) }
            if a.guideImages.isEmpty {
                list.add(.missing(p + "guideImages", "needs at least 1 image"))
            }
            for (j, image) in a.guideImages.enumerated() { list.imageReference(p + "guideImages[\(j)]", image) }
            list.range(p + "weight", a.weight, -4, 4)
            list.range(p + "weightComposition", a.weightComposition, 0, 1)
            list.choice(p + "combineMethod", a.combineMethod)
            list.choice(p + "embedScaling", a.embedScaling)
            list.choice(p + "weightType", a.weightType)
        }
    }

    private func validateFeatures(_ list: inout IssueList) {
        if let ace = acePlusPlus {
            list.choice("acePlusPlus.type", ace.type)
            list.count("acePlusPlus.images", ace.images, exactly: 1)
            list.count("acePlusPlus.masks", ace.masks, exactly: 1)
            list.range("acePlusPlus.repaintingScale", ace.repaintingScale, 0, 1)
            let editing = ace.type == .localEditing
            if editing && ace.masks == nil {
                list.add(.incompatible(["acePlusPlus.masks", "acePlusPlus.type"], "local_editing",
                                       "type local_editing needs exactly 1 mask"))
            }
            if !editing, ace.masks != nil {
                list.add(.incompatible(["acePlusPlus.masks", "acePlusPlus.type"], ace.type?.rawValue ?? "portrait",
                                       "masks are allowed only with type local_editing"))
            }
            if model != Self.acePlusPlusModel {
                list.add(.incompatible(["acePlusPlus", "model"], "\"\(model)\"",
                                       "ACE++ needs model \(Self.acePlusPlusModel) (FLUX Fill)"))
            }
        }
        if case .custom(let upscaler, let hSteps, let hStrength) = hiresFix {
            if upscaler.isEmpty {
                list.add(.missing("hiresFix.model", "is required in the object form"))
            } else if !HiresFix.upscalers.contains(upscaler) {
                list.add(.invalid("hiresFix.model", "\"\(upscaler)\"",
                                  "must be one of " + HiresFix.upscalers.joined(separator: ", ")))
            }
            list.atLeast("hiresFix.steps", hSteps, 1)
            list.range("hiresFix.strength", hStrength, 0, 1)
        }
        if advancedFeatures?.layerDiffuse == true, !effectiveOutputFormat.supportsAlpha {
            list.add(.incompatible(["advancedFeatures.layerDiffuse", "outputFormat"], effectiveOutputFormat.rawValue,
                                   "transparency needs outputFormat PNG or WEBP"))
        }
        if let p = pulid {
            list.count("pulid.images", p.images, exactly: 1)
            list.range("pulid.idWeight", p.idWeight, 0, 3)
            list.range("pulid.trueCFGScale", p.trueCFGScale, 0, 10)
            list.atLeast("pulid.CFGstartStep", p.cfgStartStep, 0)
            list.range("pulid.CFGstartStepPercentage", p.cfgStartStepPercentage, 0, 99)
            if let s = p.cfgStartStep, let steps, s >= steps {
                list.add(.incompatible(["pulid.CFGstartStep", "steps"], "\(s) >= \(steps)", "must be less than steps"))
            }
            if p.cfgStartStep != nil && p.cfgStartStepPercentage != nil {
                list.add(.incompatible(["pulid.CFGstartStep", "pulid.CFGstartStepPercentage"], nil,
                                       "use either CFGstartStep or CFGstartStepPercentage, not both"))
            }
        }
        if let u = ultralytics {
            list.range("ultralytics.CFGScale", u.cfgScale, 0, 50)
            list.range("ultralytics.confidence", u.confidence, 0, 1)
            list.range("ultralytics.maskBlur", u.maskBlur, 0, 100)
            list.range("ultralytics.maskPadding", u.maskPadding, 0, 20)
            list.range("ultralytics.steps", u.steps, 1, 100)
            list.range("ultralytics.strength", u.strength, 0, 1)
        }
    }
}

/// Task identifiers: fresh UUID v4s, lower case as the SDKs send them.
public enum TaskID {
    public static func make() -> String { UUID().uuidString.lowercased() }

    public static func isV4(_ s: String) -> Bool {
        guard UUID(uuidString: s) != nil, s.count == 36 else { return false }
        let chars = Array(s.lowercased())
        return chars[14] == "4" && "89ab".contains(chars[19])
    }
}
