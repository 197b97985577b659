/// One violation of a documented rule: which field (or fields), what value, what the rule is,
/// and the API error code the real service uses for it.
package struct ValidationIssue: Sendable, Hashable, CustomStringConvertible {
    package var code: String
    /// Field paths such as `lora[1].weight`; more than one for a cross-field rule.
    package var parameters: [String]
    package var value: String?
    package var rule: String

    package init(code: String, parameters: [String], value: String?, rule: String) {
        self.code = code
        self.parameters = parameters
        self.value = value
        self.rule = rule
    }

    package var parameter: String { parameters.joined(separator: ", ") }

    package var description: String {
        if let value { return "\(parameter) = \(value): \(rule)" }
        return "\(parameter): \(rule)"
    }

    static func invalid(_ path: String, _ value: String?, _ rule: String) -> ValidationIssue {
        ValidationIssue(code: "invalid" + upperFirst(lastKey(path)), parameters: [path], value: value, rule: rule)
    }

    static func missing(_ path: String, _ rule: String = "is required") -> ValidationIssue {
        ValidationIssue(code: "missing" + upperFirst(lastKey(path)), parameters: [path], value: nil, rule: rule)
    }

    static func incompatible(_ paths: [String], _ value: String?, _ rule: String) -> ValidationIssue {
        ValidationIssue(code: "incompatibleParameters", parameters: paths, value: value, rule: rule)
    }

    static func unknown(_ path: String) -> ValidationIssue {
        ValidationIssue(code: "unknownParameter", parameters: [path], value: nil,
                        rule: "is not a parameter of this task")
    }

    /// `lora[1].weight` -> `weight`, `inputs.seedImage` -> `seedImage`.
    static func lastKey(_ path: String) -> String {
        let tail = path.split(separator: ".").last.map(String.init) ?? path
        return tail.split(separator: "[").first.map(String.init) ?? tail
    }

    static func upperFirst(_ s: String) -> String {
        guard let first = s.first else { return s }
        return first.uppercased() + s.dropFirst()
    }
}

/// Every violation found in one request, reported together.
package struct ValidationFailure: Error, Sendable, CustomStringConvertible {
    package var issues: [ValidationIssue]
    package init(issues: [ValidationIssue]) { self.issues = issues }
    package var description: String {
        let lines = issues.map { "  - \($0.description)" }
        let noun = issues.count == 1 ? "problem" : "problems"
        return "the request has \(issues.count) \(noun):\n" + lines.joined(separator: "\n")
    }
}
