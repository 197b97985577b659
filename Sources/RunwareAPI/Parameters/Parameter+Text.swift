/// The words every reader of the table uses for a row's limit: the form beside the value, the
/// command line in `--help`, validation in its messages.
extension Parameter {
    /// The single-value limit, short: `1-50`, `128-2048, ×16`, `>= 60`, `-4 to 4`, `2-3000 chars`;
    /// for a model `AIR`, for a URL `http(s)`.
    package var limitText: String? {
        switch kind {
        case .model: return "AIR"
        case .url: return "http(s)"
        default: return rangeText
        }
    }

    /// The documented range alone (nil when the page gives none).
    package var rangeText: String? {
        let multiple = multipleOf.map { ", ×\($0)" } ?? ""
        switch range {
        case .integers(let min, let max)?:
            guard let max else { return ">= \(min)" + multiple }
            return Self.span(String(min), max == Int.max ? "2^63-1" : String(max), negative: min < 0) + multiple
        case .decimals(let min, let max)?:
            guard let max else { return ">= \(JSONValue.format(min))" }
            return Self.span(JSONValue.format(min), JSONValue.format(max), negative: min < 0)
        case .characters(let min, let max)?:
            return "\(min)-\(max) chars"
        case .items(let min, let max)?:
            return min == max ? "exactly \(min)" : nil
        case nil:
            return nil
        }
    }

    /// What the form shows beside the value: the limit and any rule involving other fields.
    package var shownLimit: String? {
        let parts = [limitText, note].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    /// The `--help` line: what it does, its limit or values, its default, then `extra`.
    /// `startingValue`: what Darkroom sends when the user gives nothing (its starting request),
    /// shown as the default; the API's own default follows when it differs.
    package func commandLineHelp(_ extra: String? = nil, startingValue: String? = nil) -> String {
        var text = help
        var facts: [String] = []
        if let limit = rangeText { facts.append(limit) }
        if let note { facts.append(note) }
        if kind == .choice, !allowed.isEmpty {
            facts.append(allowed.count > 16 ? "\(allowed.count) names" : Self.list(allowed))
        }
        if !facts.isEmpty { text += ": " + facts.joined(separator: "; ") }
        if let startingValue, kind != .toggle {
            text += " (default \(startingValue)" + (defaultValue.map { $0 == startingValue ? "" : "; the API's own is \($0)" } ?? "") + ")"
        } else if let defaultValue, kind != .toggle {
            text += " (default \(defaultValue))"
        }
        text += "."
        if let extra { text += " " + extra }
        return text
    }

    /// The rule a value outside `range` breaks, as validation words it.
    var rangeRule: String? {
        let multiple = multipleOf.map { " and a multiple of \($0)" } ?? ""
        switch range {
        case .integers(let min, let max)?:
            guard let max else { return "must be at least \(min)" + multiple }
            return multiple.isEmpty ? "must be between \(min) and \(max)" : "must be \(min) to \(max)" + multiple
        case .decimals(let min, let max)?:
            guard let max else { return "must be at least \(JSONValue.format(min))" }
            return "must be between \(JSONValue.format(min)) and \(JSONValue.format(max))"
        case .characters(let min, let max)?:
            return "must be \(min) to \(max) characters"
        case .items, nil:
            return nil
        }
    }

    static func span(_ min: String, _ max: String, negative: Bool) -> String {
        negative ? "\(min) to \(max)" : "\(min)-\(max)"
    }

    /// `a, b or c`.
    static func list(_ names: [String]) -> String {
        guard names.count > 1 else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " or " + names.last!
    }
}
