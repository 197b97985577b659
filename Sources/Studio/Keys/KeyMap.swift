import Foundation
import TerminalUI
import TOMLKit

/// A binding record: the footer hints and the `?` screen are generated from the same list.
public struct Binding: Sendable, Equatable {
    public var action: StudioAction
    public var keys: [Key]
    public var description: String
    /// When the action cannot run; the footer and `?` show why, and the key does nothing.
    public var whenDisabled: Availability
    /// Where the binding works.
    public var context: KeyContext

    public init(_ action: StudioAction, _ keys: [Key], _ description: String, disabled whenDisabled: Availability = .never,
                in context: KeyContext = .global) {
        self.action = action
        self.keys = keys
        self.description = description
        self.whenDisabled = whenDisabled
        self.context = context
    }
}

/// The rule that says when a binding's action cannot run (data, checked against the state).
public enum Availability: String, Sendable, Equatable {
    case never
    case whileFormInvalid, whileFormValid, withoutJobInFlight, withoutPromptHistory, whileNotRecalling, withoutLastSeed
    case outsideStack, outsideStackItem, withoutResult, withoutSelectedJob, withoutSweep, withoutSweepPages
}

public struct KeyMap: Sendable, Equatable {
    public private(set) var bindings: [Binding]

    /// The bindings the studio starts with (`KeyMap+Defaults.swift`).
    public static let defaults = KeyMap(bindings: defaultBindings)

    /// The action of the first context in the chain that binds the key.
    public func action(for key: Key, in chain: [KeyContext]) -> StudioAction? {
        for context in chain {
            if let found = bindings.first(where: { $0.context == context && $0.keys.contains(key) }) { return found.action }
        }
        return nil
    }

    /// The action of a key on a screen with nothing open over it.
    public func action(for key: Key, on screen: StudioScreen = .generate) -> StudioAction? {
        action(for: key, in: [screen == .generate ? .generate : .history, .global])
    }

    public func binding(_ action: StudioAction) -> Binding? { bindings.first { $0.action == action } }

    /// Mistakes in a keys.toml file are `ConfigFileError`s, like those in config.toml.
    public typealias LoadError = ConfigFileError

    /// `keys.toml`: `[keys]` maps action names to lists of key names (replacing the defaults of
    /// that action); `unbind = ["ctrl-d"]` frees keys. Unknown actions or keys are rejected with
    /// the file, the line and the name.
    public func overridden(by text: String, file: String) throws -> KeyMap {
        let table: TOMLTable
        do { table = try TOMLTable(string: text) } catch let e as TOMLParseError {
            throw LoadError(file: file, line: e.source.begin.line, message: e.description)
        }
        let lines = text.components(separatedBy: "\n")
        func line(of name: String) -> Int? {
            lines.firstIndex { $0.contains(name) }.map { $0 + 1 }
        }
        for key in table.keys where key != "keys" && key != "unbind" {
            throw LoadError(file: file, line: line(of: key), message: "unknown setting \"\(key)\" (known: keys, unbind)")
        }
        var map = self
        for name in table["unbind"]?.array?.compactMap({ $0.string }) ?? [] {
            guard let key = KeyName.parse(name) else {
                throw LoadError(file: file, line: line(of: name), message: "unknown key \"\(name)\"")
            }
            for i in map.bindings.indices { map.bindings[i].keys.removeAll { $0 == key } }
        }
        if let keys = table["keys"]?.table {
            for name in keys.keys {
                guard let action = StudioAction(rawValue: name) else {
                    throw LoadError(file: file, line: line(of: name),
                                    message: "unknown action \"\(name)\" (known: \(StudioAction.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                var parsed: [Key] = []
                for keyName in keys[name]?.array?.compactMap({ $0.string }) ?? [] {
                    guard let key = KeyName.parse(keyName) else {
                        throw LoadError(file: file, line: line(of: keyName), message: "unknown key \"\(keyName)\" for action \"\(name)\"")
                    }
                    parsed.append(key)
                }
                // A key now bound here is taken away from whatever had it in the same context (every
                // context, for a binding that works everywhere).
                let context = map.binding(action)?.context
                for i in map.bindings.indices
                where context == .global || map.bindings[i].context == .global || map.bindings[i].context == context {
                    map.bindings[i].keys.removeAll { parsed.contains($0) }
                }
                if let i = map.bindings.firstIndex(where: { $0.action == action }) { map.bindings[i].keys = parsed }
            }
        }
        // The studio must stay one key from quitting on every screen and in every field.
        if map.quitKeys.isEmpty {
            let given = map.binding(.quit)?.keys.map(KeyName.name) ?? []
            throw LoadError(file: file, line: line(of: "quit") ?? line(of: "unbind"),
                            message: "this file leaves no way to quit: action \"quit\" needs a ctrl-, alt- or F-key that no other action"
                                + " takes (a letter, enter or tab is typed into the prompt)"
                                + (given.isEmpty ? "; it has no key left" : "; it has " + given.joined(separator: ", ")))
        }
        return map
    }

    /// The keys that quit from anywhere: the quit action's ctrl-, alt- and F-keys that no other
    /// binding takes (text keys, enter and tab go to the field being edited).
    public var quitKeys: [Key] {
        (binding(.quit)?.keys ?? []).filter { key in
            switch key {
            case .ctrl, .alt, .function: break
            default: return false
            }
            return !bindings.contains { $0.action != .quit && $0.keys.contains(key) }
        }
    }
}
