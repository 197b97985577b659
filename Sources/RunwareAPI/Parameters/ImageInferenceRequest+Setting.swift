/// A value the command line gave for one parameter, before it is set in a request.
package enum GivenValue: Sendable, Equatable {
    case text(String)
    case integer(Int)
    case number(Double)
    case texts([String])
    /// A flag: turns a toggle on, or makes a feature present.
    case on

    var text: String? { if case .text(let s) = self { s } else { nil } }
    var int: Int? { if case .integer(let i) = self { i } else { nil } }
    var double: Double? { if case .number(let d) = self { d } else { nil } }
    var texts: [String]? { if case .texts(let t) = self { t } else { nil } }
    func choice<C: StringChoice>() -> C? { text.map(C.init(rawValue:)) }
}

/// An object of the request whose keys the command line sets one by one.
package protocol SettableObject {
    /// Sets `key` (the part of the path after the object's name); false when it has no such key.
    mutating func set(_ key: String, to v: GivenValue) -> Bool
}

extension ImageInferenceRequest {
    /// Sets `key` inside the object at `object`, starting from `empty` when the request has none;
    /// the request is unchanged when the object has no such key.
    mutating func setInside<O: SettableObject>(_ object: WritableKeyPath<ImageInferenceRequest, O?>, _ empty: O,
                                                       _ key: String, _ v: GivenValue) -> Bool {
        var o = self[keyPath: object] ?? empty
        guard o.set(key, to: v) else { return false }
        self[keyPath: object] = o
        return true
    }

    /// Changes the object at `object`, starting from `empty` when the request has none.
    mutating func edit<O>(_ object: WritableKeyPath<ImageInferenceRequest, O?>, _ empty: O, _ change: (inout O) -> Void) {
        var o = self[keyPath: object] ?? empty
        change(&o)
        self[keyPath: object] = o
    }
}

extension ImageInferenceRequest.HiresFix {
    /// What `--hires-fix` and its options make: an upscaler named makes the object form; steps or
    /// strength alone make it with no model; the flag alone is `true`. nil when none is given.
    package static func given(on: Bool, model: String?, steps: Int?, strength: Double?) -> Self? {
        if let model { return .custom(model: model, steps: steps, strength: strength) }
        guard on || steps != nil || strength != nil else { return nil }
        return steps == nil && strength == nil ? .on : .custom(model: "", steps: steps, strength: strength)
    }
}
