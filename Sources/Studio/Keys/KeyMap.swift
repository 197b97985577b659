import Foundation
import TerminalUI

/// A binding record: the footer hints and the `?` screen are generated from the same list.
package struct Binding: Sendable, Equatable {
    package var action: StudioAction
    package var keys: [Key]
    package var description: String
    /// When the action cannot run; the footer and `?` show why, and the key does nothing.
    package var whenDisabled: Availability
    /// Where the binding works.
    package var context: KeyContext

    package init(_ action: StudioAction, _ keys: [Key], _ description: String, disabled whenDisabled: Availability = .never,
                in context: KeyContext = .global) {
        self.action = action
        self.keys = keys
        self.description = description
        self.whenDisabled = whenDisabled
        self.context = context
    }
}

/// The rule that says when a binding's action cannot run (data, checked against the state).
package enum Availability: String, Sendable, Equatable {
    case never
    case whileFormInvalid, whileFormValid, withoutJobInFlight, withoutPromptHistory, whileNotRecalling, withoutLastSeed
    case outsideStack, outsideStackItem, withoutResult, withoutSelectedJob, withoutSweep, withoutSweepPages
}

package struct KeyMap: Sendable, Equatable {
    package private(set) var bindings: [Binding]

    /// The bindings the studio starts with (`KeyMap+Defaults.swift`).
    package static let defaults = KeyMap(bindings: defaultBindings)

    /// The action of the first context in the chain that binds the key.
    package func action(for key: Key, in chain: [KeyContext]) -> StudioAction? {
        for context in chain {
            if let found = bindings.first(where: { $0.context == context && $0.keys.contains(key) }) { return found.action }
        }
        return nil
    }

    /// The action of a key on a screen with nothing open over it.
    package func action(for key: Key, on screen: StudioScreen = .generate) -> StudioAction? {
        action(for: key, in: [screen == .generate ? .generate : .history, .global])
    }

    package func binding(_ action: StudioAction) -> Binding? { bindings.first { $0.action == action } }

    /// Frees `key` from every binding (`unbind` in keys.toml).
    package mutating func unbind(_ key: Key) {
        for i in bindings.indices { bindings[i].keys.removeAll { $0 == key } }
    }

    /// `keys` become the action's, replacing its own, and are taken away from whatever had them
    /// in the same context (in every context, for a binding that works everywhere).
    package mutating func bind(_ action: StudioAction, to keys: [Key]) {
        let context = binding(action)?.context
        for i in bindings.indices where context == .global || bindings[i].context == .global || bindings[i].context == context {
            bindings[i].keys.removeAll { keys.contains($0) }
        }
        if let i = bindings.firstIndex(where: { $0.action == action }) { bindings[i].keys = keys }
    }

    /// The keys that quit from anywhere: the quit action's ctrl-, alt- and F-keys that no other
    /// binding takes (text keys, enter and tab go to the field being edited).
    package var quitKeys: [Key] {
        (binding(.quit)?.keys ?? []).filter { key in
            switch key {
            case .ctrl, .alt, .function: break
            default: return false
            }
            return !bindings.contains { $0.action != .quit && $0.keys.contains(key) }
        }
    }
}
