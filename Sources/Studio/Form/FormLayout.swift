import RunwareAPI

/// The Generate form's rows for a task object, read from the parameter table (`Parameters.all`):
/// one row per parameter with a form placement, one group of rows per stack item, and each
/// feature's settings only while the feature is on. Only the size preset and the aspect lock are
/// the form's own rows.
package enum FormLayout {
    package static let sizePresets = [
        "1024x1024", "1152x896", "896x1152", "1216x832", "832x1216", "1344x768", "768x1344", "1536x640", "640x1536",
    ]

    package static func fields(for document: JSONValue) -> [FieldSpec] {
        var rows: [FieldSpec] = []
        for parameter in Parameters.all where !parameter.path.contains("[]") {
            guard parameter.form != nil else { continue }
            if let parent = parameter.parentPath, let owner = Parameters[parent], owner.kind == .feature {
                guard document[JSONPath(parent)] != nil else { continue }
                rows.append(field(parameter, at: JSONPath(parameter.path), depth: 1))
                continue
            }
            rows.append(field(parameter, at: JSONPath(parameter.path), depth: 0))
            if parameter.path == "model" { rows += formOnlyRows }
            if parameter.kind == .stack { rows += stackRows(parameter.path, in: document) }
        }
        return rows
    }

    /// Rows that change `width` and `height` rather than a parameter of their own.
    static let formOnlyRows = [
        FieldSpec("ui.size", "Size", .sizePreset, section: FormSection.parameters.rawValue),
        FieldSpec("ui.aspectLock", "Aspect lock", .aspectLock, section: FormSection.parameters.rawValue),
    ]

    /// Each item of a stack: its model row ("LoRA 2") and under it the item's settings.
    private static func stackRows(_ stack: String, in document: JSONValue) -> [FieldSpec] {
        let itemRows = Parameters.all.filter { $0.path.hasPrefix(stack + "[].") && $0.form != nil }
        var rows: [FieldSpec] = []
        for i in (document[JSONPath(stack)]?.arrayValue ?? []).indices {
            let item = JSONPath("\(stack)[\(i)]")
            for parameter in itemRows {
                let path = item.appending(parameter.key)
                if case .model = parameter.kind {
                    var row = field(parameter, at: path, depth: 1)
                    row.label += " \(i + 1)"
                    rows.append(row)
                } else {
                    rows.append(field(parameter, at: path, depth: 2))
                }
            }
        }
        return rows
    }

    /// A parameter's row: an image list is edited through its first image.
    static func field(_ parameter: Parameter, at path: JSONPath, depth: Int) -> FieldSpec {
        let placement = parameter.form!
        let at = parameter.kind == .images ? path.appending(index: 0) : path
        return FieldSpec(at, placement.label, kind(of: parameter), section: placement.section.rawValue,
                         limit: parameter.shownLimit, depth: depth)
    }

    /// How the form edits a parameter of this kind, with the table's range and step.
    package static func kind(of parameter: Parameter) -> FieldKind {
        switch parameter.kind {
        case .prompt: return .prompt
        case .text, .url, .uuid: return .text
        case .integer:
            guard case .integers(let min, let max)? = parameter.range else {
                return .integer(range: Int.min...Int.max, step: Int(parameter.step ?? 1))
            }
            return .integer(range: min...(max ?? Int.max), step: Int(parameter.step ?? 1))
        case .decimal:
            guard case .decimals(let min, let max)? = parameter.range else {
                return .decimal(range: -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude,
                                step: parameter.step ?? 0.1)
            }
            return .decimal(range: min...(max ?? Double.greatestFiniteMagnitude), step: parameter.step ?? 0.1)
        case .seed: return .seed
        case .choice: return .choice(parameter.allowed)
        case .toggle: return .toggle
        case .feature, .group: return .feature
        case .model(let kind): return .model(kind)
        case .image, .images: return .image
        case .stack: return .stack(parameter.path)
        }
    }
}
