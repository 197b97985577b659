import RunwareAPI

/// How a field is edited and shown.
package enum FieldKind: Sendable, Equatable {
    /// The multi-line prompt editor.
    case prompt
    case text
    case integer(range: ClosedRange<Int>, step: Int)
    case decimal(range: ClosedRange<Double>, step: Double)
    /// An integer with "random" shown when unset.
    case seed
    /// One of the documented values; unset means the API default.
    case choice([String])
    /// `true` or left out.
    case toggle
    /// A feature object (`hiresFix`, `pulid`, ...) present or left out; its settings show when on.
    case feature
    /// An AIR, with a picker that finds models of this kind.
    case model(ModelKind)
    /// A local file, an image UUID or a URL; Enter opens the file picker.
    case image
    /// Size presets and the aspect lock; they change `width` and `height`, not a parameter of their own.
    case sizePreset
    case aspectLock
    /// The head of a stack (LoRA, ControlNet, IP-Adapters): where items are added.
    case stack(String)

    /// Whether printable keys type into the field (so single-character bindings like `?` stay off).
    package var takesText: Bool {
        switch self {
        case .prompt, .text, .integer, .decimal, .seed, .model, .image: return true
        case .choice, .toggle, .feature, .sizePreset, .aspectLock, .stack: return false
        }
    }

    /// A number typed in (the first digit typed replaces it).
    package var isNumber: Bool {
        switch self {
        case .integer, .decimal, .seed: return true
        default: return false
        }
    }
}

/// One row of the Generate form.
package struct FieldSpec: Sendable, Equatable {
    package var path: JSONPath
    package var label: String
    package var kind: FieldKind
    package var section: String
    /// The documented limit, shown beside the value ("1-50").
    package var limit: String?
    /// Indentation level: settings of a feature or an item of a stack.
    package var depth: Int

    package init(_ path: JSONPath, _ label: String, _ kind: FieldKind, section: String, limit: String? = nil, depth: Int = 0) {
        self.path = path
        self.label = label
        self.kind = kind
        self.section = section
        self.limit = limit
        self.depth = depth
    }

    /// The stack this row belongs to (`lora` for `lora[2].weight` and for the `lora` head).
    package var stackName: String? {
        if case .stack(let name) = kind { return name }
        guard case .key(let first)? = path.components.first, path.components.count > 2,
              case .index = path.components[1], ["lora", "controlNet", "ipAdapters"].contains(first) else { return nil }
        return first
    }

    /// The item index within its stack.
    package var stackIndex: Int? {
        guard stackName != nil, path.components.count > 2, case .index(let i) = path.components[1] else { return nil }
        return i
    }
}
