import RunwareAPI

/// A field's place in the task object, spelled as validation names it: `steps`,
/// `lora[1].weight`, `pulid.images[0]`. Reading and writing by path is how the form edits the
/// request without one hand-written setter per parameter.
package struct JSONPath: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringLiteral {
    package enum Component: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    package let components: [Component]

    package init(_ text: String) {
        var out: [Component] = []
        for part in text.split(separator: ".") {
            var rest = Substring(part)
            if let bracket = rest.firstIndex(of: "[") {
                out.append(.key(String(rest[..<bracket])))
                rest = rest[bracket...]
                while rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
                    out.append(.index(Int(rest[rest.index(after: rest.startIndex)..<close]) ?? 0))
                    rest = rest[rest.index(after: close)...]
                }
            } else {
                out.append(.key(String(rest)))
            }
        }
        components = out
    }

    package init(stringLiteral value: String) { self.init(value) }

    package var description: String {
        var s = ""
        for c in components {
            switch c {
            case .key(let k): s += s.isEmpty ? k : "." + k
            case .index(let i): s += "[\(i)]"
            }
        }
        return s
    }

    /// The path one level up (`lora[1].weight` -> `lora[1]`).
    package var parent: JSONPath? {
        components.count > 1 ? JSONPath(components: Array(components.dropLast())) : nil
    }

    init(components: [Component]) { self.components = components }

    package func appending(_ key: String) -> JSONPath { JSONPath(components: components + [.key(key)]) }
    package func appending(index: Int) -> JSONPath { JSONPath(components: components + [.index(index)]) }
}

extension JSONValue {
    package subscript(path: JSONPath) -> JSONValue? {
        get { value(at: path.components[...]) }
        set { set(newValue, at: path.components[...]) }
    }

    private func value(at rest: ArraySlice<JSONPath.Component>) -> JSONValue? {
        guard let first = rest.first else { return self }
        switch (first, self) {
        case (.key(let k), .object(let o)): return o[k]?.value(at: rest.dropFirst())
        case (.index(let i), .array(let a)) where a.indices.contains(i): return a[i].value(at: rest.dropFirst())
        default: return nil
        }
    }

    /// Sets (or with nil removes) the value, creating objects and arrays on the way.
    private mutating func set(_ newValue: JSONValue?, at rest: ArraySlice<JSONPath.Component>) {
        guard let first = rest.first else {
            self = newValue ?? .null
            return
        }
        switch first {
        case .key(let k):
            var o = objectValue ?? [:]
            if rest.count == 1 {
                o[k] = newValue
            } else {
                var child = o[k] ?? .null
                child.set(newValue, at: rest.dropFirst())
                o[k] = child
            }
            self = .object(o)
        case .index(let i):
            var a = arrayValue ?? []
            if newValue == nil && rest.count == 1 {
                if a.indices.contains(i) { a.remove(at: i) }
            } else {
                while a.count <= i { a.append(.null) }
                a[i].set(newValue, at: rest.dropFirst())
            }
            self = .array(a)
        }
    }
}
