import Foundation
import Generation
import RunwareAPI
import Workspace

extension GenerateCommand {
    /// The request config.toml starts from (the studio's fresh form, `StartingRequest`), with the
    /// request file (if any) laid over it, then every given option. So `--width` alone keeps the
    /// starting height, from config.toml or the default.
    func buildRequest(config: Configuration) throws -> ImageInferenceRequest {
        var base: [String: JSONValue] = [:]
        if let request {
            guard let data = FileManager.default.contents(atPath: request) else {
                throw StackSpec.ParseError(option: "--request", text: request, reason: "cannot read the file")
            }
            let json: JSONValue
            do { json = try JSONValue.parse(data) } catch {
                throw StackSpec.ParseError(option: "--request", text: request, reason: "\(error)")
            }
            switch json {
            case .object(let o): base = o
            case .array(let a) where a.count == 1 && a[0].objectValue != nil: base = a[0].objectValue!
            default:
                throw StackSpec.ParseError(option: "--request", text: request, reason: "expected one imageInference task object")
            }
        }
        for (key, value) in StartingRequest.document(config) where base[key] == nil { base[key] = value }
        base["taskUUID"] = base["taskUUID"] ?? .string(delivery.taskUUID ?? TaskID.make())
        base["taskType"] = base["taskType"] ?? .string(ImageInferenceRequest.taskType)
        var (r, issues) = ImageInferenceRequest.decode(base)
        if let t = base["taskType"]?.stringValue, t != ImageInferenceRequest.taskType {
            issues.append(ValidationIssue(code: "invalidTaskType", parameters: ["taskType"], value: "\"\(t)\"",
                                          rule: "darkroom generate runs imageInference tasks"))
        }
        if !issues.isEmpty { throw ValidationFailure(issues: issues) }
        try apply(to: &r, issues: &issues)
        if !issues.isEmpty { throw ValidationFailure(issues: issues) }
        return r
    }

    private func apply(to r: inout ImageInferenceRequest, issues: inout [ValidationIssue]) throws {
        let p = promptOptions, i = image, d = delivery
        if let v = p.prompt { r.positivePrompt = v }
        if let v = p.negativePrompt { r.negativePrompt = v }
        if let v = p.model { r.model = v }
        if let v = p.promptWeighting { r.promptWeighting = PromptWeighting(rawValue: v) }
        if let v = d.taskUUID { r.taskUUID = v }
        if let s = i.size { (r.width, r.height) = try StackSpec.size(s) }
        if let v = i.width { r.width = v }
        if let v = i.height { r.height = v }
        if let s = i.seed {
            if let v = UInt64(s) { r.seed = v } else {
                issues.append(ValidationIssue(code: "invalidSeed", parameters: ["seed"], value: s,
                                              rule: "must be an integer between 0 and \(ImageInferenceRequest.maxSeed)"))
            }
        }
        if let v = i.steps { r.steps = v }
        if let v = i.scheduler { r.scheduler = Scheduler(rawValue: v) }
        if let v = i.cfgScale { r.cfgScale = v }
        if let v = i.trueCFGScale { r.trueCFGScale = v }
        if let v = i.numberResults { r.numberResults = v }
        try applyInputs(to: &r)
        if !stacks.loras.isEmpty { r.lora = try stacks.loras.map(StackSpec.lora) }
        if !stacks.controlNets.isEmpty { r.controlNet = try stacks.controlNets.map(StackSpec.controlNet) }
        if !stacks.ipAdapters.isEmpty { r.ipAdapters = try stacks.ipAdapters.map(StackSpec.ipAdapter) }
        applyFeatures(to: &r)
        applyAccelerator(to: &r)
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

    private func applyInputs(to r: inout ImageInferenceRequest) throws {
        let i = inputs
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

    private func applyFeatures(to r: inout ImageInferenceRequest) {
        let f = features
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

    private func applyAccelerator(to r: inout ImageInferenceRequest) {
        let a = accelerator
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
