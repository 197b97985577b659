extension ValidationIssue {
    /// The issue as `darkroom generate` says it: the API's path (what `--request` files and the
    /// docs use) and, for a stack item, which of the repeated options it came from, counted
    /// from 1: `lora[1].weight = 9: must be between -4 and 4 (the 2nd --lora)`.
    package var commandLineDescription: String {
        let notes = parameters.compactMap(Self.optionNote)
        return description + (notes.isEmpty ? "" : " (" + notes.joined(separator: ", ") + ")")
    }

    static func optionNote(_ path: String) -> String? {
        guard let open = path.firstIndex(of: "["), let close = path.firstIndex(of: "]"), open < close,
              let index = Int(path[path.index(after: open)..<close]) else { return nil }
        let stack = String(path[..<open])
        guard let parameter = Parameters[stack], parameter.kind == .stack, case .option(let name)? = parameter.cli else { return nil }
        return "the \(ordinal(index + 1)) --\(name)"
    }

    static func ordinal(_ n: Int) -> String {
        let suffix = (11...13).contains(n % 100) ? "th" : [1: "st", 2: "nd", 3: "rd"][n % 10] ?? "th"
        return "\(n)\(suffix)"
    }
}
