import RunwareAPI

/// The sandbox's content checker, so the safety path can be tried without a model: with
/// `safety.checkContent` on (or `safety.mode` "fast"), a prompt with the word "nsfw" in it has
/// one image in four flagged (those whose seed is a multiple of 4), returned black with
/// `NSFWContent: true`. `mode: "none"` turns the checker off whatever `checkContent` says, as on
/// Runware, where `mode` takes precedence.
enum ContentCheck {
    static let flaggedWord = "nsfw"

    static func applies(to request: ImageInferenceRequest) -> Bool {
        guard let safety = request.safety else { return false }
        if let mode = safety.mode?.rawValue { return mode != "none" }
        return safety.checkContent == true
    }

    static func flags(prompt: String, seed: UInt64) -> Bool {
        let words = prompt.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        return words.contains(Substring(flaggedWord)) && seed % 4 == 0
    }
}
