/// Parses the repeatable stack options: `--lora AIR[:WEIGHT[:TRANSFORMER]]` or `key=value,...`
/// lists for every stack. Values may contain commas (data URIs): a piece without a known
/// `key=` continues the previous value.
package enum StackSpec {
    package struct ParseError: Error, CustomStringConvertible, Equatable {
        package var option: String
        package var text: String
        package var reason: String
        package init(option: String, text: String, reason: String) {
            self.option = option
            self.text = text
            self.reason = reason
        }
        package var description: String { "\(option) \"\(text)\": \(reason)" }
    }

    /// How `--help` shows the value of a `key=VALUE` pair.
    package static func valueName(_ p: Parameter) -> String {
        switch p.kind {
        case .model: return "AIR"
        case .image, .images: return "IMAGE"
        case .choice: return p.allowed.count > 16 ? "NAME" : p.allowed.joined(separator: "|")
        case .integer: return "N"
        default: return "NUMBER"
        }
    }

    /// The keys a compound option takes, from the rows it sets (`--controlnet`: model, guide, ...).
    package static func keys(_ option: String) -> Set<String> {
        Set(Parameters.all.compactMap { p -> String? in
            guard case .key(let o, let key)? = p.cli, o == option else { return nil }
            return key
        })
    }

    static func pairs(_ text: String, option: String, keys: Set<String>) throws -> [(String, String)] {
        var out: [(String, String)] = []
        for piece in text.split(separator: ",", omittingEmptySubsequences: false).map(String.init) {
            if let eq = piece.firstIndex(of: "="), keys.contains(String(piece[..<eq])) {
                out.append((String(piece[..<eq]), String(piece[piece.index(after: eq)...])))
            } else if !out.isEmpty {
                out[out.count - 1].1 += "," + piece
            } else {
                throw ParseError(option: option, text: text,
                                 reason: "expected key=value pairs; keys: \(keys.sorted().joined(separator: ", "))")
            }
        }
        return out
    }

    static func number(_ value: String, _ key: String, _ option: String, _ text: String) throws -> Double {
        guard let d = Double(value) else { throw ParseError(option: option, text: text, reason: "\(key) \"\(value)\" is not a number") }
        return d
    }

    static func integer(_ value: String, _ key: String, _ option: String, _ text: String) throws -> Int {
        guard let i = Int(value) else { throw ParseError(option: option, text: text, reason: "\(key) \"\(value)\" is not an integer") }
        return i
    }

    package static func lora(_ text: String) throws -> ImageInferenceRequest.LoRA {
        let option = "--lora"
        if text.contains("model=") {
            var l = ImageInferenceRequest.LoRA(model: "")
            for (k, v) in try pairs(text, option: option, keys: keys("lora")) {
                switch k {
                case "model": l.model = v
                case "weight": l.weight = try number(v, k, option, text)
                default: l.transformer = LoRATransformer(rawValue: v)
                }
            }
            return l
        }
        // AIR:WEIGHT:TRANSFORMER, where the AIR itself is source:id@version.
        guard let at = text.lastIndex(of: "@") else {
            throw ParseError(option: option, text: text, reason: "expected AIR[:WEIGHT[:TRANSFORMER]], e.g. civitai:631986@706528:0.8")
        }
        let tail = text[text.index(after: at)...].split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        var l = ImageInferenceRequest.LoRA(model: String(text[..<at]) + "@" + tail[0])
        if tail.count > 1 { l.weight = try number(tail[1], "weight", option, text) }
        if tail.count > 2 { l.transformer = LoRATransformer(rawValue: tail[2]) }
        if tail.count > 3 { throw ParseError(option: option, text: text, reason: "too many ':' parts") }
        return l
    }

    package static func controlNet(_ text: String) throws -> ImageInferenceRequest.ControlNet {
        let option = "--controlnet"
        var c = ImageInferenceRequest.ControlNet(model: "", guideImage: "")
        for (k, v) in try pairs(text, option: option, keys: keys("controlnet")) {
            switch k {
            case "model": c.model = v
            case "guide": c.guideImage = v
            case "weight": c.weight = try number(v, k, option, text)
            case "mode": c.controlMode = ControlMode(rawValue: v)
            case "start": c.startStep = try integer(v, k, option, text)
            case "end": c.endStep = try integer(v, k, option, text)
            case "start-percent": c.startStepPercentage = try integer(v, k, option, text)
            default: c.endStepPercentage = try integer(v, k, option, text)
            }
        }
        return c
    }

    package static func ipAdapter(_ text: String) throws -> ImageInferenceRequest.IPAdapter {
        let option = "--ip-adapter"
        var a = ImageInferenceRequest.IPAdapter(model: "", guideImages: [])
        for (k, v) in try pairs(text, option: option, keys: keys("ip-adapter")) {
            switch k {
            case "model": a.model = v
            case "image": a.guideImages.append(v)
            case "weight": a.weight = try number(v, k, option, text)
            case "combine": a.combineMethod = IPAdapterCombineMethod(rawValue: v)
            case "embed": a.embedScaling = IPAdapterEmbedScaling(rawValue: v)
            case "weight-type": a.weightType = IPAdapterWeightType(rawValue: v)
            default: a.weightComposition = try number(v, k, option, text)
            }
        }
        return a
    }

    /// `TOP,RIGHT,BOTTOM,LEFT` or `top=64,left=32`.
    package static func outpaint(_ text: String) throws -> ImageInferenceRequest.Outpaint {
        let option = "--outpaint"
        if text.contains("=") {
            var o = ImageInferenceRequest.Outpaint()
            for (k, v) in try pairs(text, option: option, keys: keys("outpaint")) {
                let n = try integer(v, k, option, text)
                switch k {
                case "top": o.top = n
                case "right": o.right = n
                case "bottom": o.bottom = n
                default: o.left = n
                }
            }
            return o
        }
        let parts = text.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
        guard parts.count == 4 else {
            throw ParseError(option: option, text: text, reason: "expected TOP,RIGHT,BOTTOM,LEFT in pixels, e.g. 0,128,0,128")
        }
        let n = try parts.enumerated().map { try integer($0.element, ["top", "right", "bottom", "left"][$0.offset], option, text) }
        return ImageInferenceRequest.Outpaint(top: n[0], right: n[1], bottom: n[2], left: n[3])
    }

    /// `WIDTHxHEIGHT`.
    package static func size(_ text: String) throws -> (Int, Int) {
        let parts = text.lowercased().split(separator: "x")
        guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]) else {
            throw ParseError(option: "--size", text: text, reason: "expected WIDTHxHEIGHT, e.g. 1024x768")
        }
        return (w, h)
    }

    /// The help text of a compound option (`--lora`, `--controlnet`, `--outpaint`): its row's
    /// help, `forms`, then every `key=VALUE` it takes with that row's limit and default.
    package static func help(compound path: String, forms: String) -> String {
        guard let head = Parameters[path] else { preconditionFailure("no parameter row for \(path)") }
        let keys = Parameters.all.compactMap { p -> String? in
            guard case .key(let option, let key)? = p.cli, option == head.cli?.option else { return nil }
            var facts = [p.rangeText, p.note].compactMap { $0 }
            if let d = p.defaultValue { facts.append("default \(d)") }
            return "\(key)=\(valueName(p))" + (facts.isEmpty ? "" : " (\(facts.joined(separator: ", ")))")
        }
        return "\(head.help); \(forms) key=value pairs joined by commas: \(keys.joined(separator: ", "))."
    }
}
