/// Reads typed fields out of a JSON object, recording a `ValidationIssue` for every value of the
/// wrong type and, on `finish()`, for every key nobody asked for.
package final class FieldReader {
    package private(set) var issues: [ValidationIssue] = []
    let object: [String: JSONValue]
    let prefix: String
    private var seen: Set<String> = []
    private weak var parent: FieldReader?

    package init(_ object: [String: JSONValue], prefix: String = "") {
        self.object = object
        self.prefix = prefix
    }

    private init(_ object: [String: JSONValue], prefix: String, parent: FieldReader) {
        self.object = object
        self.prefix = prefix
        self.parent = parent
    }

    func path(_ key: String) -> String { prefix + key }

    func report(_ issue: ValidationIssue) {
        if let parent { parent.report(issue) } else { issues.append(issue) }
    }

    /// The raw value, marking the key as understood. `null` counts as absent.
    package func raw(_ key: String) -> JSONValue? {
        seen.insert(key)
        guard let v = object[key], v != .null else { return nil }
        return v
    }

    package func has(_ key: String) -> Bool { object[key] != nil && object[key] != .null }

    private func typeError(_ key: String, _ v: JSONValue, _ expected: String) {
        report(.invalid(path(key), v.summary, "must be \(expected), not \(v.typeName)"))
    }

    package func string(_ key: String) -> String? {
        guard let v = raw(key) else { return nil }
        if case .string(let s) = v { return s }
        typeError(key, v, "a string"); return nil
    }

    package func int(_ key: String) -> Int? {
        guard let v = raw(key) else { return nil }
        switch v {
        case .int(let i): return Int(i)
        case .double(let d) where d == d.rounded() && abs(d) < 1e15: return Int(d)
        case .uint(let u): report(.invalid(path(key), String(u), "is far too large")); return nil
        default: typeError(key, v, "an integer"); return nil
        }
    }

    /// A non-negative integer up to UInt64.max, for seeds; negative values are reported.
    package func seed(_ key: String) -> UInt64? {
        guard let v = raw(key) else { return nil }
        switch v {
        case .int(let i) where i >= 0: return UInt64(i)
        case .int(let i):
            report(.invalid(path(key), String(i), "must be between 0 and \(Int64.max)")); return nil
        case .uint(let u): return u
        default: typeError(key, v, "an integer"); return nil
        }
    }

    package func double(_ key: String) -> Double? {
        guard let v = raw(key) else { return nil }
        switch v {
        case .int(let i): return Double(i)
        case .uint(let u): return Double(u)
        case .double(let d): return d
        default: typeError(key, v, "a number"); return nil
        }
    }

    package func bool(_ key: String) -> Bool? {
        guard let v = raw(key) else { return nil }
        if case .bool(let b) = v { return b }
        typeError(key, v, "true or false"); return nil
    }

    package func strings(_ key: String) -> [String]? {
        guard let v = raw(key) else { return nil }
        guard case .array(let items) = v else { typeError(key, v, "an array of strings"); return nil }
        var out: [String] = []
        for (i, item) in items.enumerated() {
            if case .string(let s) = item { out.append(s) } else {
                report(.invalid(path(key) + "[\(i)]", item.summary, "must be a string, not \(item.typeName)"))
            }
        }
        return out
    }

    package func object(_ key: String) -> FieldReader? {
        guard let v = raw(key) else { return nil }
        guard case .object(let o) = v else { typeError(key, v, "an object"); return nil }
        return FieldReader(o, prefix: path(key) + ".", parent: self)
    }

    package func objects(_ key: String) -> [FieldReader]? {
        guard let v = raw(key) else { return nil }
        guard case .array(let items) = v else { typeError(key, v, "an array of objects"); return nil }
        var out: [FieldReader] = []
        for (i, item) in items.enumerated() {
            if case .object(let o) = item {
                out.append(FieldReader(o, prefix: path(key) + "[\(i)].", parent: self))
            } else {
                report(.invalid(path(key) + "[\(i)]", item.summary, "must be an object, not \(item.typeName)"))
            }
        }
        return out
    }

    package func choice<C: StringChoice>(_ key: String, as: C.Type = C.self) -> C? {
        string(key).map(C.init(rawValue:))
    }

    /// A required string: reports `missing<Key>` when absent.
    package func required(_ key: String) -> String {
        if let s = string(key) { return s }
        if !has(key) { report(.missing(path(key))) }
        return ""
    }

    /// Reports every key that was never read as `unknownParameter`.
    package func finish() {
        for key in object.keys.sorted() where !seen.contains(key) {
            report(.unknown(path(key)))
        }
    }
}
