import Foundation
import Imaging
import RunwareAPI

/// The two texts every saved image carries, so the image alone is enough to re-run it:
/// `parameters` in the form other image tools read, and `runware-task` with the exact task JSON.
public enum ImageMetadata {
    public static let parametersKey = "parameters"
    public static let taskKey = "runware-task"

    /// `prompt`, `Negative prompt: ...`, then `Steps: .., Sampler: .., CFG scale: .., Seed: .., Size: WxH, Model: ..`.
    public static func parameters(_ r: ImageInferenceRequest, seed: UInt64?) -> String {
        var lines = [r.positivePrompt]
        if let negative = r.negativePrompt { lines.append("Negative prompt: " + negative) }
        var fields: [String] = []
        if let steps = r.steps { fields.append("Steps: \(steps)") }
        if let scheduler = r.scheduler { fields.append("Sampler: \(scheduler.rawValue)") }
        if let cfg = r.cfgScale { fields.append("CFG scale: \(JSONValue.double(cfg).summary)") }
        if let seed = seed ?? r.seed { fields.append("Seed: \(seed)") }
        if let w = r.width, let h = r.height { fields.append("Size: \(w)x\(h)") }
        fields.append("Model: \(r.model)")
        if let loras = r.lora, !loras.isEmpty {
            fields.append("Lora: " + loras.map { "\($0.model):\(JSONValue.double($0.weight ?? 1).summary)" }.joined(separator: " "))
        }
        lines.append(fields.joined(separator: ", "))
        return lines.joined(separator: "\n")
    }

    /// The task as sent, with the seed this image was made with, so re-running it gives this image.
    public static func task(_ r: ImageInferenceRequest, seed: UInt64?) -> String {
        var one = r
        one.seed = seed ?? r.seed
        one.numberResults = nil
        return (try? RunwareJSON.encode(one)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// The image bytes with both texts embedded (PNG: tEXt/iTXt chunks after IHDR). Other formats
    /// are returned unchanged.
    public static func embed(in data: Data, format: ImageFormat, request: ImageInferenceRequest, seed: UInt64?) -> Data {
        guard format == .png else { return data }
        let texts = [(parametersKey, parameters(request, seed: seed)), (taskKey, task(request, seed: seed))]
        return (try? PNGText.insert(texts, into: data)) ?? data
    }
}
