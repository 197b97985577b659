import RunwareAPI

/// The name a person sees for a parameter path: the form's label, with stack items counted from 1
/// and a feature's setting after the feature (`lora[0].weight` is "LoRA 1 weight",
/// `inputs.seedImage` is "Seed image", `ui.size` is "Size"). Messages in the studio use it; the
/// command line keeps the API's paths, which are its option names' sources.
package enum FieldNames {
    package static func name(of path: String) -> String {
        if let own = FormLayout.formOnlyRows.first(where: { $0.path.description == path }) { return own.label }
        var words: [String] = []
        var table = ""  // the path as the table spells it, items as []
        for component in JSONPath(path).components {
            switch component {
            case .key(let key):
                table += (table.isEmpty ? "" : ".") + key
            case .index(let i):
                if let stack = Parameters[table], stack.kind == .stack {
                    words.append("\(stack.form?.label ?? table) \(i + 1)")
                } else if i > 0 {
                    // An image list edited through its first image: the later ones by number.
                    words.append(label(table) + " \(i + 1)")
                    table += "[]"
                    continue
                }
                table += "[]"
            }
        }
        let cleaned = table.hasSuffix("[]") && Parameters[table] == nil ? String(table.dropLast(2)) : table
        if let parameter = Parameters[cleaned] {
            if let parent = parameter.parentPath, let owner = Parameters[parent], owner.kind == .feature || owner.kind == .group,
               let ownerLabel = owner.form?.label, words.isEmpty {
                words.append(ownerLabel)
            }
            if !(words.last?.hasPrefix(label(cleaned)) ?? false) { words.append(label(cleaned)) }
        } else if words.isEmpty {
            return path
        }
        return sentenceCase(words)
    }

    /// Several paths, as a list of names.
    package static func names(of paths: [String]) -> String { paths.map(name(of:)).joined(separator: ", ") }

    /// A validation issue as the studio says it: the field's name, the value and the rule.
    package static func message(_ issue: ValidationIssue) -> String {
        let names = names(of: issue.parameters)
        if let value = issue.value { return "\(names) = \(value): \(issue.rule)" }
        return "\(names): \(issue.rule)"
    }

    private static func label(_ tablePath: String) -> String {
        Parameters[tablePath]?.form?.label ?? String(tablePath.split(separator: ".").last ?? Substring(tablePath))
    }

    /// "LoRA 1" then "Weight" reads "LoRA 1 weight"; a label's own capitals (LoRA, CFG) stay.
    private static func sentenceCase(_ words: [String]) -> String {
        guard let first = words.first else { return "" }
        return ([first] + words.dropFirst().map(lowerFirstWord)).joined(separator: " ")
    }

    private static func lowerFirstWord(_ s: String) -> String {
        guard let c = s.first, c.isUppercase else { return s }
        let word = s.prefix { !$0.isWhitespace }
        // An acronym (CFG, VAE, LoRA) keeps its capitals.
        if word.dropFirst().contains(where: \.isUppercase) { return s }
        return c.lowercased() + s.dropFirst()
    }
}
