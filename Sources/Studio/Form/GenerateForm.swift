import Foundation
import RunwareAPI
import TerminalUI

/// The Generate form: the task object being edited, the rows it shows, and every violation of
/// the documented limits, recomputed on each edit. Pure value.
package struct GenerateForm: Sendable, Equatable {
    package private(set) var document: JSONValue
    package private(set) var fields: [FieldSpec] = []
    /// Decoding and validation problems of the current draft, plus text that is not a number.
    package private(set) var issues: [ValidationIssue] = []
    /// Text typed into a number field that does not parse; the document keeps its last value.
    package private(set) var rawText: [JSONPath: String] = [:]
    /// Height over width while the aspect lock is on.
    package private(set) var lockedRatio: Double?

    static let placeholderTaskUUID = "00000000-0000-4000-8000-000000000000"

    package init(document: [String: JSONValue]) {
        self.document = .object(document)
        recompute()
    }

    /// The request as it would be sent now (with a placeholder taskUUID).
    package var draft: ImageInferenceRequest { request(taskUUID: Self.placeholderTaskUUID) }

    package func request(taskUUID: String) -> ImageInferenceRequest {
        var object = document.objectValue ?? [:]
        object["taskUUID"] = .string(taskUUID)
        object["taskType"] = .string(ImageInferenceRequest.taskType)
        return ImageInferenceRequest.decode(object).request
    }

    /// The task object a finished job's request JSON gives, for fork and recall.
    package static func document(from request: ImageInferenceRequest) -> [String: JSONValue] {
        guard let data = try? RunwareJSON.encode(request) else { return [:] }
        return document(fromJSON: data) ?? [:]
    }

    /// A task object as the form holds it: recorded request JSON without its taskUUID and taskType.
    package static func document(fromJSON data: Data) -> [String: JSONValue]? {
        guard var object = (try? JSONValue.parse(data))?.objectValue else { return nil }
        object["taskUUID"] = nil
        object["taskType"] = nil
        return object
    }

    // MARK: Reading

    package func value(_ path: JSONPath) -> JSONValue? { document[path] }

    /// What a field shows: typed text that did not parse, else the value ("" when unset).
    package func text(_ field: FieldSpec) -> String {
        if let raw = rawText[field.path] { return raw }
        switch field.kind {
        case .sizePreset:
            guard let w = document["width"]?.intValue, let h = document["height"]?.intValue else { return "default" }
            let size = "\(w)x\(h)"
            return FormLayout.sizePresets.contains(size) ? size : "custom \(size)"
        case .aspectLock: return lockedRatio == nil ? "off" : "on"
        case .toggle: return document[field.path] == .bool(true) ? "on" : "off"
        case .feature: return document[field.path] == nil ? "off" : "on"
        case .stack(let name):
            let n = document[JSONPath(name)]?.arrayValue?.count ?? 0
            return n == 0 ? "none" : counted(n, "item")
        default:
            return document[field.path].map(Self.display) ?? ""
        }
    }

    static func display(_ v: JSONValue) -> String {
        switch v {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .uint(let u): return String(u)
        case .double(let d):
            if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
            return String(format: "%g", d)
        case .bool(let b): return b ? "on" : "off"
        default: return v.summary
        }
    }

    /// Issues that name this field (or, for an image list, the list it is the first item of), in
    /// their order: looked up by path (`issueIndex`), so a form of 400 stack items with an issue
    /// each is drawn in linear time.
    package func issues(for field: FieldSpec) -> [ValidationIssue] {
        var found = issueIndex[field.path] ?? []
        if case .stack(let name) = field.kind { found += issueIndex[JSONPath(name)] ?? [] }
        if case .index? = field.path.components.last, let list = field.path.parent { found += issueIndex[list] ?? [] }
        return Set(found).sorted().map { issues[$0] }
    }

    /// Issues that no row shows (so the form lists them at the top).
    package private(set) var unplacedIssues: [ValidationIssue] = []

    /// Where each issue is shown: its parameters' paths to the issues' positions in `issues`.
    private var issueIndex: [JSONPath: [Int]] = [:]

    /// Indexes the issues by path and finds those no row shows, once per edit.
    private mutating func placeIssues() {
        issueIndex = [:]
        for (i, issue) in issues.enumerated() {
            let paths = Set(issue.parameters.map { JSONPath($0) })
            for path in paths { issueIndex[path, default: []].append(i) }
        }
        // The paths a row shows issues of: its own, its stack's, and an image list's for its first item.
        var shown = Set<JSONPath>()
        for field in fields {
            shown.insert(field.path)
            if case .stack(let name) = field.kind { shown.insert(JSONPath(name)) }
            if case .index? = field.path.components.last, let list = field.path.parent { shown.insert(list) }
        }
        unplacedIssues = issues.filter { issue in !issue.parameters.contains { shown.contains(JSONPath($0)) } }
    }

    /// What a choice row offers: its options, after "default" (leave it out, the API decides)
    /// unless the API's default is one of them (then "default" would be that option twice).
    package static func choices(_ field: FieldSpec) -> [String] {
        guard case .choice(let options) = field.kind else { return [] }
        return apiDefault(field) == nil ? ["default"] + options : options
    }

    /// The documented default of a choice row when it is one of its options (sync for delivery).
    package static func apiDefault(_ field: FieldSpec) -> String? {
        guard case .choice(let options) = field.kind, let value = Parameters[field.path.description]?.defaultValue else { return nil }
        return options.first { $0.caseInsensitiveCompare(value) == .orderedSame }
    }

    /// What an unset choice row shows: "default", or the API's default named as such.
    package static func unsetChoice(_ field: FieldSpec) -> String {
        apiDefault(field).map { "\($0) (API default)" } ?? "default"
    }

    // MARK: Editing

    /// Sets a field from typed text. Empty text removes the parameter (the API default).
    package mutating func set(_ field: FieldSpec, text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        rawText[field.path] = nil
        switch field.kind {
        case .prompt:
            write(field.path, .string(text))
        case .text:
            write(field.path, text.isEmpty ? nil : .string(text))
        case .model, .image:
            write(field.path, trimmed.isEmpty && !isRequired(field) ? nil : .string(trimmed))
        case .integer:
            if trimmed.isEmpty { write(field.path, nil) } else if let v = Int64(trimmed) {
                write(field.path, .int(v))
                if field.path == "width" || field.path == "height" { followAspect(changed: field.path) }
            } else {
                rawText[field.path] = text
            }
        case .seed:
            if trimmed.isEmpty { write(field.path, nil) } else if let v = UInt64(trimmed) {
                write(field.path, v > UInt64(Int64.max) ? .uint(v) : .int(Int64(v)))
            } else {
                rawText[field.path] = text
            }
        case .decimal:
            if trimmed.isEmpty { write(field.path, nil) } else if let v = Double(trimmed), v.isFinite {
                write(field.path, .double(v))
            } else {
                rawText[field.path] = text
            }
        case .choice(let options):
            if trimmed.isEmpty || trimmed == "default" { write(field.path, nil) } else {
                let match = options.first { $0.caseInsensitiveCompare(trimmed) == .orderedSame } ?? trimmed
                write(field.path, .string(match))
            }
        case .sizePreset:
            let parts = trimmed.split(separator: "x").compactMap { Int64($0) }
            if parts.count == 2 {
                write("width", .int(parts[0]))
                write("height", .int(parts[1]))
                if lockedRatio != nil { lockedRatio = Double(parts[1]) / Double(parts[0]) }
            }
        case .toggle, .feature, .aspectLock, .stack:
            break
        }
        recompute()
    }

    /// Steps a number by its step times `delta`, inside its limits; cycles a choice; flips a toggle.
    package mutating func step(_ field: FieldSpec, by delta: Int) {
        switch field.kind {
        case .integer(let range, let step):
            guard let current = document[field.path]?.intValue else {
                // Unset: the first step lands on the limit it moves away from (the lower one when
                // there is no documented maximum).
                set(field, text: String(delta > 0 || range.upperBound == Int.max ? range.lowerBound : range.upperBound))
                return
            }
            let moved = Int(current).addingReportingOverflow(step * delta)
            var next = moved.overflow ? (delta > 0 ? range.upperBound : range.lowerBound)
                : min(range.upperBound, max(range.lowerBound, moved.partialValue))
            if let multiple = Parameters[field.path.description]?.multipleOf { next = next / multiple * multiple }
            set(field, text: String(next))
        case .decimal(let range, let step):
            let current: Double? = switch document[field.path] {
            case .double(let d)?: d
            case .int(let i)?: Double(i)
            default: nil
            }
            var number = NumberField(value: current, step: step, range: range, integer: false)
            number.increment(delta)
            set(field, text: number.text)
        case .seed:
            let current = document[field.path].flatMap { v -> UInt64? in
                if case .int(let i) = v { return UInt64(max(0, i)) }
                if case .uint(let u) = v { return u }
                return nil
            } ?? 0
            let next = delta < 0 ? (current >= UInt64(-delta) ? current - UInt64(-delta) : 0) : min(current + UInt64(delta), UInt64(Int64.max))
            set(field, text: String(next))
        case .choice:
            let all = Self.choices(field)
            let current = document[field.path]?.stringValue ?? Self.apiDefault(field) ?? "default"
            let i = all.firstIndex { $0.caseInsensitiveCompare(current) == .orderedSame } ?? 0
            set(field, text: all[(i + delta % all.count + all.count) % all.count])
        case .sizePreset:
            let current = text(field)
            let i = FormLayout.sizePresets.firstIndex(of: current) ?? (delta > 0 ? -1 : 0)
            let n = FormLayout.sizePresets.count
            set(field, text: FormLayout.sizePresets[((i + delta) % n + n) % n])
        case .toggle, .feature, .aspectLock:
            toggle(field)
        default:
            break
        }
    }

    package mutating func toggle(_ field: FieldSpec) {
        switch field.kind {
        case .toggle:
            write(field.path, document[field.path] == .bool(true) ? nil : .bool(true))
        case .feature:
            if document[field.path] != nil { write(field.path, nil) } else {
                // hiresFix alone is `true` (the API's upscaler); the others start as empty objects.
                let start: JSONValue = switch field.path.description {
                case "hiresFix": .bool(true)
                case "pulid", "acePlusPlus": .object(["images": .array([])])
                default: .object([:])
                }
                write(field.path, start)
            }
        case .aspectLock:
            if lockedRatio != nil { lockedRatio = nil } else {
                let w = Double(document["width"]?.intValue ?? 1024), h = Double(document["height"]?.intValue ?? 1024)
                lockedRatio = w > 0 ? h / w : 1
            }
        default:
            return
        }
        recompute()
    }

    // MARK: Stacks

    package mutating func addStackItem(_ stack: String, after index: Int?, model: String) -> Int {
        let item: JSONValue = switch stack {
        case "controlNet": .object(["model": .string(model), "guideImage": .string("")])
        case "ipAdapters": .object(["model": .string(model), "guideImages": .array([])])
        default: .object(["model": .string(model)])
        }
        var editor = stackEditor(stack, selecting: index)
        if index == nil, !editor.items.isEmpty { editor.select(editor.items.count - 1) }
        editor.add(item)
        store(editor, in: stack)
        return editor.selected ?? 0
    }

    package mutating func removeStackItem(_ stack: String, at index: Int) {
        var editor = stackEditor(stack, selecting: index)
        guard editor.selected == index else { return }
        editor.removeSelected()
        store(editor, in: stack)
    }

    /// Moves an item up (-1) or down (+1); returns its new index.
    package mutating func moveStackItem(_ stack: String, at index: Int, by delta: Int) -> Int {
        var editor = stackEditor(stack, selecting: index)
        guard editor.selected == index else { return index }
        editor.moveSelected(by: delta)
        store(editor, in: stack)
        return editor.selected ?? index
    }

    private func stackEditor(_ stack: String, selecting index: Int?) -> StackEditor<JSONValue> {
        var editor = StackEditor(document[JSONPath(stack)]?.arrayValue ?? [])
        if let index { editor.select(index) }
        return editor
    }

    private mutating func store(_ editor: StackEditor<JSONValue>, in stack: String) {
        write(JSONPath(stack), editor.items.isEmpty ? nil : .array(editor.items))
        recompute()
    }

    /// Replaces the whole task object (a recalled or forked request).
    package mutating func replace(with object: [String: JSONValue]) {
        document = .object(object)
        rawText = [:]
        recompute()
    }

    // MARK: Internals

    /// A required single value stays when emptied (validation names it); an emptied item of an
    /// image list is removed.
    private func isRequired(_ field: FieldSpec) -> Bool {
        if case .index? = field.path.components.last { return false }
        return Parameters[field.path.description]?.required == true
    }

    private mutating func write(_ path: JSONPath, _ value: JSONValue?) {
        // Settings of hiresFix turn `true` into the object form.
        if let parent = path.parent, parent == "hiresFix", document["hiresFix"] == .bool(true) {
            document["hiresFix"] = .object([:])
        }
        document[path] = value
        // Containers that exist only to hold their fields go away when empty.
        if let parent = path.parent, case .key(let top)? = parent.components.first, parent.components.count == 1 {
            if Parameters[top]?.kind == .group, document[parent]?.objectValue?.isEmpty == true {
                document[parent] = nil
            }
            if top == "hiresFix", document[parent]?.objectValue?.isEmpty == true { document[parent] = .bool(true) }
        }
    }

    private mutating func followAspect(changed: JSONPath) {
        guard let ratio = lockedRatio, let v = document[changed]?.intValue else { return }
        let other: JSONPath = changed == "width" ? "height" : "width"
        let exact = changed == "width" ? Double(v) * ratio : Double(v) / ratio
        let row = Parameters[other.description]
        let multiple = Double(row?.multipleOf ?? 1)
        var rounded = Int64((exact / multiple).rounded() * multiple)
        if case .integers(let min, let max)? = row?.range { rounded = Swift.min(Int64(max ?? Int.max), Swift.max(Int64(min), rounded)) }
        document[other] = .int(rounded)
    }

    private mutating func recompute() {
        fields = FormLayout.fields(for: document)
        var object = document.objectValue ?? [:]
        object["taskUUID"] = .string(Self.placeholderTaskUUID)
        object["taskType"] = .string(ImageInferenceRequest.taskType)
        let (request, decodeIssues) = ImageInferenceRequest.decode(object)
        var all = decodeIssues + request.validate()
        for (path, text) in rawText.sorted(by: { $0.key.description < $1.key.description }) {
            let kind = fields.first { $0.path == path }?.kind
            let rule: String = switch kind {
            case .integer?, .seed?: "must be a whole number"
            default: "must be a number"
            }
            all.append(ValidationIssue(code: "invalidNumber", parameters: [path.description], value: "\"\(text)\"", rule: rule))
        }
        // Decoding and validation can both name a missing field; show it once.
        var seen = Set<[String]>()
        issues = all.filter { seen.insert([$0.code] + $0.parameters).inserted }
        placeIssues()
    }
}
