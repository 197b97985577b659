/// One documented `imageInference` parameter: where it sits in the task object, what it holds,
/// its limits and default, and how the form and the command line present it. Validation, the
/// Generate form and `darkroom generate --help` are all read from these rows (`Parameters.all`).
package struct Parameter: Sendable, Hashable {
    /// The JSON path as validation names it, with `[]` for any stack item: `steps`,
    /// `acceleratorOptions.dbCacheSkipInterval`, `lora[].weight`.
    package var path: String
    package var kind: ParameterKind
    /// Whether the task needs it (an empty text or image counts as missing).
    package var required: Bool
    /// The documented limit of a single value (number, text length or item count).
    package var range: ValueRange?
    /// Integers that must be a multiple of this (`width`, `height`: 16).
    package var multipleOf: Int?
    /// How far the form's +/- moves a number.
    package var step: Double?
    /// The documented default, as the page spells it.
    package var defaultValue: String?
    /// The values a choice allows (the enum's `allowed` list).
    package var allowed: [String]
    /// Whether a choice matches its values ignoring case (`outputFormat: "png"`).
    package var caseInsensitive: Bool
    /// One line saying what the parameter does.
    package var help: String
    /// A rule involving other fields, shown beside the limit ("<= steps", "URL only").
    package var note: String?
    /// The form row's label and section; nil when the form has no row for it.
    package var form: FormPlacement?
    /// How `darkroom generate` sets it; nil when only a request file can.
    package var cli: CLIName?

    package init(_ path: String, _ kind: ParameterKind, _ range: ValueRange? = nil, required: Bool = false,
                multipleOf: Int? = nil, step: Double? = nil, default defaultValue: String? = nil, help: String,
                note: String? = nil, form: FormPlacement? = nil, cli: CLIName? = nil) {
        self.path = path
        self.kind = kind
        self.required = required
        self.range = range
        self.multipleOf = multipleOf
        self.step = step
        self.defaultValue = defaultValue
        self.allowed = []
        self.caseInsensitive = false
        self.help = help
        self.note = note
        self.form = form
        self.cli = cli
    }

    /// A choice row whose values are `C.allowed`.
    package init<C: StringChoice>(_ path: String, choice: C.Type, default defaultValue: String? = nil, help: String,
                                 note: String? = nil, form: FormPlacement? = nil, cli: CLIName? = nil) {
        self.init(path, .choice, default: defaultValue, help: help, note: note, form: form, cli: cli)
        allowed = C.allowed
        caseInsensitive = C.caseInsensitive
    }

    /// A choice row over a fixed list that has no enum (the hiresFix upscalers).
    package init(_ path: String, choices: [String], default defaultValue: String? = nil, help: String,
                note: String? = nil, form: FormPlacement? = nil, cli: CLIName? = nil) {
        self.init(path, .choice, default: defaultValue, help: help, note: note, form: form, cli: cli)
        allowed = choices
    }

    /// The last key of the path (`weight` for `lora[].weight`).
    package var key: String { String(path.split(separator: ".").last ?? Substring(path)) }

    /// The path one level up (`acceleratorOptions` for `acceleratorOptions.fbCache`), nil at the top.
    package var parentPath: String? {
        guard let dot = path.lastIndex(of: ".") else { return nil }
        return String(path[..<dot])
    }

    package func allows(_ value: String) -> Bool {
        caseInsensitive
            ? allowed.contains { $0.caseInsensitiveCompare(value) == .orderedSame }
            : allowed.contains(value)
    }
}

extension Parameter: CustomStringConvertible {
    package var description: String { path }
}

/// What sort of value a parameter holds.
package enum ParameterKind: Sendable, Hashable {
    /// The multi-line positive prompt.
    case prompt
    case text
    case integer
    case decimal
    /// An unsigned 64-bit integer, random when left out.
    case seed
    /// One of `allowed`; unset means the API default.
    case choice
    /// `true` or left out.
    case toggle
    /// An object that is present or left out (`hiresFix`, `pulid`, ...); its settings only count while it is there.
    case feature
    /// An object that only groups its fields (`inputs`, `outpaint`, `safety`).
    case group
    /// An AIR identifier, of the kind its picker looks for.
    case model(ModelKind)
    /// One image: a UUID, URL, data URI, base64 data or a local file.
    case image
    /// A list of images; `range` counts its items.
    case images
    /// An http(s) URL.
    case url
    /// A UUID v4.
    case uuid
    /// A list of objects (LoRA, ControlNet, IP-Adapters); `range` counts its items.
    case stack
}

/// The documented limit of one value.
package enum ValueRange: Sendable, Hashable {
    /// Whole numbers; `max` nil means no documented maximum.
    case integers(min: Int, max: Int?)
    case decimals(min: Double, max: Double?)
    /// Text length in characters.
    case characters(min: Int, max: Int)
    /// Items in a list.
    case items(min: Int, max: Int?)
}

/// Where the Generate form shows a parameter.
package struct FormPlacement: Sendable, Hashable {
    package var label: String
    package var section: FormSection
    package init(_ label: String, _ section: FormSection) {
        self.label = label
        self.section = section
    }
}

/// The Generate form's sections, in the order it shows them.
package enum FormSection: String, Sendable, Hashable, CaseIterable {
    case prompt = "Prompt"
    case parameters = "Parameters"
    case lora = "LoRA"
    case controlNet = "ControlNet"
    case ipAdapters = "IP-Adapters"
    case inputs = "Inputs"
    case features = "Features"
    case delivery = "Delivery"
}

/// How `darkroom generate` spells a parameter.
package enum CLIName: Sendable, Hashable {
    /// The positional argument.
    case argument(String)
    /// `--name VALUE`.
    case option(String)
    /// `--name` alone turns it on.
    case flag(String)
    /// `key=VALUE` inside a compound option: `--controlnet ...,start-percent=20`, `--outpaint top=64`.
    case key(option: String, key: String)

    /// The long option that carries it, without dashes.
    package var option: String {
        switch self {
        case .argument(let name), .option(let name), .flag(let name): return name
        case .key(let option, _): return option
        }
    }
}
