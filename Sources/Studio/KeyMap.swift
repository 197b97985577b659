import Foundation
import TerminalUI
import TOMLKit

/// Everything a key can do in the studio, by stable name (used in `keys.toml`).
public enum StudioAction: String, Sendable, CaseIterable {
    case generate, cancel, quit, help
    case focusNext = "focus.next", focusPrevious = "focus.previous"
    case promptPrevious = "prompt.previous", promptNext = "prompt.next", promptSearch = "prompt.search"
    case seedRandom = "seed.random", seedReuse = "seed.reuse"
    case stackAdd = "stack.add", stackRemove = "stack.remove", stackUp = "stack.up", stackDown = "stack.down"
    case copyPrompt = "copy.prompt", copySeed = "copy.seed", copyPath = "copy.path"
    case resultPrevious = "result.previous", resultNext = "result.next"
    case suspend, redraw
    case showHistory = "screen.history", showGenerate = "screen.generate"
    case historySearch = "history.search", historyMode = "history.mode", historyOpen = "history.open"
    case historyFork = "history.fork", historyRerun = "history.rerun", historyVariations = "history.variations"
    case historyFavourite = "history.favourite", historyDelete = "history.delete"
    case historyTag = "history.tag", historyExport = "history.export", historyOpenFile = "history.open-file"
    case historyLineage = "history.lineage", historyCompare = "history.compare", historySweep = "history.sweep"
    case sweepSave = "sweep.save"
}

/// The screens a binding can belong to.
public enum StudioScreen: String, Sendable, Equatable, CaseIterable {
    case generate, history
}

/// A binding record: the footer hints and the `?` screen are generated from the same list.
public struct Binding: Sendable, Equatable {
    public var action: StudioAction
    public var keys: [Key]
    public var description: String
    /// When the action cannot run; the footer and `?` show why, and the key does nothing.
    public var whenDisabled: Availability
    /// The screen the binding works on; nil: everywhere.
    public var screen: StudioScreen?

    public init(_ action: StudioAction, _ keys: [Key], _ description: String, disabled whenDisabled: Availability = .never,
                on screen: StudioScreen? = nil) {
        self.action = action
        self.keys = keys
        self.description = description
        self.whenDisabled = whenDisabled
        self.screen = screen
    }
}

/// The rule that says when a binding's action cannot run (data, checked against the state).
public enum Availability: String, Sendable, Equatable {
    case never
    case whileFormInvalid, withoutJobInFlight, withoutPromptHistory, whileNotRecalling, withoutLastSeed
    case outsideStack, outsideStackItem, withoutResult, withoutSelectedJob, withoutSweep
}

public struct KeyMap: Sendable, Equatable {
    public private(set) var bindings: [Binding]

    public static let defaults = KeyMap(bindings: [
        Binding(.generate, [.ctrl("g"), .function(5)], "generate", disabled: .whileFormInvalid, on: .generate),
        Binding(.cancel, [.ctrl("x")], "cancel the newest job", disabled: .withoutJobInFlight),
        Binding(.quit, [.ctrl("q")], "quit"),
        Binding(.help, [.function(1), .character("?")], "help"),
        Binding(.focusNext, [.tab, .down], "next field", on: .generate),
        Binding(.focusPrevious, [.backTab, .up], "previous field", on: .generate),
        Binding(.promptPrevious, [.alt("p")], "previous prompt", disabled: .withoutPromptHistory, on: .generate),
        Binding(.promptNext, [.alt("n")], "next prompt", disabled: .whileNotRecalling, on: .generate),
        Binding(.promptSearch, [.ctrl("r")], "search past prompts", disabled: .withoutPromptHistory, on: .generate),
        Binding(.seedRandom, [.alt("r")], "random seed", on: .generate),
        Binding(.seedReuse, [.alt("s")], "reuse the last seed", disabled: .withoutLastSeed, on: .generate),
        Binding(.stackAdd, [.ctrl("a")], "add a stack item", disabled: .outsideStack, on: .generate),
        Binding(.stackRemove, [.ctrl("d")], "remove a stack item", disabled: .outsideStackItem, on: .generate),
        Binding(.stackUp, [.alt("k")], "move item up", disabled: .outsideStackItem, on: .generate),
        Binding(.stackDown, [.alt("j")], "move item down", disabled: .outsideStackItem, on: .generate),
        Binding(.copyPrompt, [.alt("c")], "copy the prompt"),
        Binding(.copySeed, [.alt("e")], "copy the seed", disabled: .withoutResult),
        Binding(.copyPath, [.alt("y")], "copy the image path", disabled: .withoutResult),
        Binding(.resultPrevious, [.alt(",")], "previous result", disabled: .withoutResult, on: .generate),
        Binding(.resultNext, [.alt(".")], "next result", disabled: .withoutResult, on: .generate),
        Binding(.suspend, [.ctrl("z")], "suspend (fg resumes)"),
        Binding(.redraw, [.ctrl("l")], "redraw the screen"),
        Binding(.showHistory, [.function(2)], "History", on: .generate),
        Binding(.showGenerate, [.function(2), .escape], "back to Generate", on: .history),
        Binding(.historySearch, [.character("/")], "search (words, \"phrases\", model: lora: seed: tag: fav status: before: after: size:)",
                on: .history),
        Binding(.historyMode, [.character("m")], "contact sheet or list", on: .history),
        Binding(.historyOpen, [.enter], "details of the selected job", disabled: .withoutSelectedJob, on: .history),
        Binding(.historyFork, [.character("f")], "fork into the Generate form", disabled: .withoutSelectedJob, on: .history),
        Binding(.historyRerun, [.character("r")], "re-run the same request", disabled: .withoutSelectedJob, on: .history),
        Binding(.historyVariations, [.character("v")], "variations: same request, 4 new seeds", disabled: .withoutSelectedJob,
                on: .history),
        Binding(.historyFavourite, [.character("*")], "favourite or not", disabled: .withoutSelectedJob, on: .history),
        Binding(.historyDelete, [.character("d")], "delete the job and its images", disabled: .withoutSelectedJob, on: .history),
        Binding(.historyTag, [.character("t")], "tag (+name adds, -name removes)", disabled: .withoutSelectedJob, on: .history),
        Binding(.historyExport, [.character("x")], "export images and request to a folder", disabled: .withoutSelectedJob,
                on: .history),
        Binding(.historyOpenFile, [.character("o")], "open an image file with its parameters into the form", on: .history),
        Binding(.historyLineage, [.character("l")], "lineage: parent and children", disabled: .withoutSelectedJob, on: .history),
        Binding(.historyCompare, [.character("c")], "compare (mark one, then c on another)", disabled: .withoutSelectedJob,
                on: .history),
        Binding(.historySweep, [.character("s")], "sweep one or two parameters over the job", disabled: .withoutSelectedJob,
                on: .history),
        Binding(.sweepSave, [.character("p")], "save the sweep as one labelled PNG", disabled: .withoutSweep, on: .history),
    ])

    public func action(for key: Key, on screen: StudioScreen = .generate) -> StudioAction? {
        bindings.first { $0.keys.contains(key) && ($0.screen == nil || $0.screen == screen) }?.action
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
                // A key now bound here is taken away from whatever had it on the same screens.
                let screen = map.binding(action)?.screen
                for i in map.bindings.indices where screen == nil || map.bindings[i].screen == nil || map.bindings[i].screen == screen {
                    map.bindings[i].keys.removeAll { parsed.contains($0) }
                }
                if let i = map.bindings.firstIndex(where: { $0.action == action }) { map.bindings[i].keys = parsed }
            }
        }
        return map
    }
}

/// Key names in key map files and help: `ctrl-g`, `alt-x`, `f5`, `enter`, `shift-tab`, `?`.
public enum KeyName {
    static let named: [String: Key] = [
        "enter": .enter, "tab": .tab, "shift-tab": .backTab, "backspace": .backspace, "delete": .delete, "esc": .escape,
        "escape": .escape, "up": .up, "down": .down, "left": .left, "right": .right, "home": .home, "end": .end,
        "pageup": .pageUp, "pagedown": .pageDown, "insert": .insert, "space": .character(" "),
    ]

    public static func parse(_ name: String) -> Key? {
        let n = name.lowercased()
        if let k = named[n] { return k }
        if n.hasPrefix("ctrl-"), n.count == 6, let c = n.last, c.isLetter { return .ctrl(c) }
        if n.hasPrefix("alt-"), name.count == 5, let c = name.last { return .alt(c) }
        if n.hasPrefix("f"), let num = Int(n.dropFirst()), (1...12).contains(num) { return .function(num) }
        if name.count == 1, let c = name.first, !c.isWhitespace { return .character(c) }
        return nil
    }

    public static func name(_ key: Key) -> String {
        switch key {
        case .character(" "): return "space"
        case .character(let c): return String(c)
        case .ctrl(let c): return "ctrl-\(c)"
        case .alt(let c): return "alt-\(c)"
        case .function(let n): return "f\(n)"
        case .backTab: return "shift-tab"
        default:
            return named.first { $0.value == key && $0.key != "escape" }?.key ?? "?"
        }
    }
}
