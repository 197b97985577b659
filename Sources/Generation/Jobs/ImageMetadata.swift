import Foundation
import Imaging
import RunwareAPI

/// The two texts every saved image carries, so the image alone is enough to re-run it:
/// `parameters` in the form other image tools read, and `runware-task` with the exact task JSON.
package enum ImageMetadata {
    package static let parametersKey = ImageText.parametersKey
    package static let taskKey = ImageText.taskKey

    /// `prompt <lora:AIR:weight>...`, `Negative prompt: ...`, then `Steps: .., Sampler: .., CFG
    /// scale: .., Seed: .., Size: WxH, Model: ..`, as A1111 writes it. AIRs are written with a dash
    /// for their colon (`runware-111@1`): readers such as sd-parsers split each field at every
    /// colon and drop a value holding one. The exact task is in the `runware-task` text.
    package static func parameters(_ r: ImageInferenceRequest, seed: UInt64?) -> String {
        let tags = (r.lora ?? []).map { "<lora:\(textName($0.model)):\(JSONValue.double($0.weight ?? 1).summary)>" }
        var lines = [([r.positivePrompt] + tags).joined(separator: " ")]
        if let negative = r.negativePrompt { lines.append("Negative prompt: " + negative) }
        var fields: [String] = []
        if let steps = r.steps { fields.append("Steps: \(steps)") }
        if let scheduler = r.scheduler { fields.append("Sampler: \(scheduler.rawValue)") }
        if let cfg = r.cfgScale { fields.append("CFG scale: \(JSONValue.double(cfg).summary)") }
        if let seed = seed ?? r.seed { fields.append("Seed: \(seed)") }
        if let w = r.width, let h = r.height { fields.append("Size: \(w)x\(h)") }
        fields.append("Model: \(textName(r.model))")
        lines.append(fields.joined(separator: ", "))
        return lines.joined(separator: "\n")
    }

    /// An AIR as the `parameters` text writes it: `runware:111@1` as `runware-111@1`.
    static func textName(_ air: String) -> String {
        guard let colon = air.firstIndex(of: ":") else { return air }
        return air.replacingCharacters(in: colon...colon, with: "-")
    }

    /// The AIR a `parameters` text names: ours (`runware-111@1`) or written with its colon.
    static func air(fromText name: String) -> String? {
        if AIR.isValid(name) { return name }
        guard let dash = name.firstIndex(of: "-") else { return nil }
        let air = name.replacingCharacters(in: dash...dash, with: ":")
        return AIR.isValid(air) ? air : nil
    }

    /// The task as sent, with the seed this image was made with, so re-running it gives this image.
    package static func task(_ r: ImageInferenceRequest, seed: UInt64?) throws -> String {
        var one = r
        one.seed = seed ?? r.seed
        one.numberResults = nil
        return String(decoding: try RunwareJSON.encode(one), as: UTF8.self)
    }

    /// The image bytes with both texts embedded in the format's standard places (see `ImageText`);
    /// throws when the file cannot carry them (the caller decides whether to keep it without).
    package static func embed(in data: Data, request: ImageInferenceRequest, seed: UInt64?) throws -> Data {
        try ImageText.embed(parameters: parameters(request, seed: seed), task: try task(request, seed: seed), into: data)
    }
}

extension ImageMetadata {
    /// A request from an image's texts: the exact task when present, else the `parameters`
    /// text (ours or another tool's). Nil when the image carries neither.
    /// The taskUUID of the job that made the image, from its `runware-task` text.
    package static func taskUUID(fromTexts texts: [String: String]) -> String? {
        guard let task = texts[taskKey], let json = try? JSONValue.parse(Data(task.utf8)).objectValue else { return nil }
        return json["taskUUID"]?.stringValue
    }

    package static func request(fromTexts texts: [String: String]) -> ImageInferenceRequest? {
        if let task = texts[taskKey], let json = try? JSONValue.parse(Data(task.utf8)).objectValue {
            var r = ImageInferenceRequest.decode(json).request
            r.taskUUID = TaskID.make()
            return r
        }
        guard let text = texts[parametersKey] else { return nil }
        return request(fromParameters: text)
    }

    /// Parses `prompt\nNegative prompt: ...\nSteps: 20, Sampler: Euler, CFG scale: 7, Seed: 1, Size: 512x768, Model: x`.
    package static func request(fromParameters text: String) -> ImageInferenceRequest? {
        var lines = text.components(separatedBy: "\n")
        guard !lines.isEmpty else { return nil }
        var fields: [String: String] = [:]
        if let last = lines.last, last.contains("Steps:") || last.contains("Seed:") {
            lines.removeLast()
            for part in last.components(separatedBy: ", ") {
                let kv = part.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                if kv.count == 2 { fields[kv[0]] = kv[1] }
            }
        }
        var prompt: [String] = [], negative: [String] = []
        var inNegative = false
        for line in lines {
            if line.hasPrefix("Negative prompt:") {
                inNegative = true
                negative.append(String(line.dropFirst("Negative prompt:".count)).trimmingCharacters(in: .whitespaces))
            } else if inNegative { negative.append(line) } else { prompt.append(line) }
        }
        // A1111's `<lora:NAME:WEIGHT>` tags become the LoRA stack when NAME is an AIR; a tag of a
        // local LoRA file stays in the prompt as written (`outsideModelNote` says so).
        let (text, tags) = LoRATags.extract(from: prompt.joined(separator: "\n"), taking: { air(fromText: $0) != nil })
        let loras = tags.compactMap { tag in air(fromText: tag.name).map { ImageInferenceRequest.LoRA(model: $0, weight: finite(tag.weight)) } }
        let positive = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !positive.isEmpty else { return nil }
        // A model that is not a Runware AIR (a local checkpoint's name) is kept as written, so the
        // record says what made the image; validation refuses to send it until one is chosen.
        let written = fields["Model"].map { String($0.prefix(Self.modelNameLimit)) }.flatMap { $0.isEmpty ? nil : $0 }
        let model = written.map { air(fromText: $0) ?? $0 } ?? ImageInferenceRequest.defaultModel
        var r = ImageInferenceRequest(taskUUID: TaskID.make(), model: model, positivePrompt: positive)
        if !loras.isEmpty { r.lora = loras }
        let neg = negative.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        if !neg.isEmpty { r.negativePrompt = neg }
        r.steps = fields["Steps"].flatMap { Int($0) }
        r.scheduler = fields["Sampler"].map { Scheduler(rawValue: $0) }.flatMap { $0.isAllowed ? $0 : nil }
        r.cfgScale = fields["CFG scale"].flatMap(finite)
        r.seed = fields["Seed"].flatMap { UInt64($0) }
        if let size = fields["Size"]?.split(separator: "x").compactMap({ Int($0) }), size.count == 2 {
            r.width = size[0]
            r.height = size[1]
        }
        return r
    }

    /// The most of an outside `Model:` name kept (an AIR is far shorter).
    static let modelNameLimit = 200

    /// What a user must know about a request read from an A1111 text: its model is not a Runware
    /// model, or LoRA tags that name none stayed in the prompt as text. Nil when neither.
    package static func outsideModelNote(_ r: ImageInferenceRequest) -> String? {
        var notes: [String] = []
        if !AIR.isValid(r.model) {
            notes.append("its model \"\(r.model)\" is not a Runware model (an AIR such as \(ImageInferenceRequest.defaultModel)): "
                + "kept as written; choose a Runware model to run it again")
        }
        if r.positivePrompt.contains("<lora:") { notes.append("<lora:…> tags that name no Runware model stay in the prompt as text") }
        return notes.isEmpty ? nil : notes.joined(separator: "; ")
    }

    /// A number from outside text, dropped like any unreadable field when it is not finite
    /// (`nan`, `inf`, 400 digits): JSON has no such numbers, and History could not record it.
    static func finite(_ text: String) -> Double? {
        Double(text).flatMap { $0.isFinite ? $0 : nil }
    }
}
