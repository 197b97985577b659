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
    // Moving the History selection, and its panes.
    case historyLeft = "history.left", historyRight = "history.right", historyUp = "history.up", historyDown = "history.down"
    case historyPageUp = "history.page-up", historyPageDown = "history.page-down"
    case historyFirst = "history.first", historyLast = "history.last"
    case historySearchDone = "history.search-done"
    case detailClose = "detail.close", detailUp = "detail.up", detailDown = "detail.down"
    case detailPageUp = "detail.page-up", detailPageDown = "detail.page-down"
    case lineageClose = "lineage.close", lineageWalk = "lineage.walk"
    case compareClose = "compare.close", sweepClose = "sweep.close"
    // The focused form field.
    case fieldActivate = "field.activate", fieldDecrease = "field.decrease", fieldIncrease = "field.increase"
    case fieldToggle = "field.toggle"
    case promptNewline = "prompt.newline"
    // Pop-ups.
    case listUp = "list.up", listDown = "list.down", listPageUp = "list.page-up", listPageDown = "list.page-down"
    case dialogAccept = "dialog.accept", dialogCancel = "dialog.cancel"
    case helpClose = "help.close"
    case confirmYes = "confirm.yes", confirmNo = "confirm.no"
    case promptSearchOlder = "prompt-search.older"
    // Line editing, the same in every text field and the prompt.
    case editLeft = "edit.left", editRight = "edit.right", editHome = "edit.home", editEnd = "edit.end"
    case editWordLeft = "edit.word-left", editWordRight = "edit.word-right"
    case editDeleteBackward = "edit.delete-backward", editDeleteForward = "edit.delete-forward"
    case editDeleteWord = "edit.delete-word", editDeleteToStart = "edit.delete-to-start", editDeleteToEnd = "edit.delete-to-end"
    case editUndo = "edit.undo"

    /// The line-editing command an `edit.*` action runs.
    public var editCommand: EditCommand? {
        switch self {
        case .editLeft: .left
        case .editRight: .right
        case .editHome: .home
        case .editEnd: .end
        case .editWordLeft: .wordLeft
        case .editWordRight: .wordRight
        case .editDeleteBackward: .deleteBackward
        case .editDeleteForward: .deleteForward
        case .editDeleteWord: .deleteWordBackward
        case .editDeleteToStart: .deleteToLineStart
        case .editDeleteToEnd: .deleteToLineEnd
        case .editUndo: .undo
        default: nil
        }
    }
}

/// The studio's screens.
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
    case whileFormInvalid, withoutJobInFlight, withoutPromptHistory, whileNotRecalling, withoutLastSeed
    case outsideStack, outsideStackItem, withoutResult, withoutSelectedJob, withoutSweep
}

public struct KeyMap: Sendable, Equatable {
    public private(set) var bindings: [Binding]

    public static let defaults = KeyMap(bindings: [
        Binding(.generate, [.ctrl("g"), .function(5)], "generate", disabled: .whileFormInvalid, in: .generate),
        Binding(.cancel, [.ctrl("x")], "cancel the newest job", disabled: .withoutJobInFlight),
        Binding(.quit, [.ctrl("q")], "quit"),
        Binding(.help, [.function(1), .character("?")], "help"),
        Binding(.focusNext, [.tab, .down], "next field", in: .generate),
        Binding(.focusPrevious, [.backTab, .up], "previous field", in: .generate),
        Binding(.promptPrevious, [.alt("p")], "previous prompt", disabled: .withoutPromptHistory, in: .generate),
        Binding(.promptNext, [.alt("n")], "next prompt", disabled: .whileNotRecalling, in: .generate),
        Binding(.promptSearch, [.ctrl("r")], "search past prompts", disabled: .withoutPromptHistory, in: .generate),
        Binding(.seedRandom, [.alt("r")], "random seed", in: .generate),
        Binding(.seedReuse, [.alt("s")], "reuse the last seed", disabled: .withoutLastSeed, in: .generate),
        Binding(.stackAdd, [.ctrl("a")], "add a stack item", disabled: .outsideStack, in: .generate),
        Binding(.stackRemove, [.ctrl("d")], "remove a stack item", disabled: .outsideStackItem, in: .generate),
        Binding(.stackUp, [.alt("k")], "move item up", disabled: .outsideStackItem, in: .generate),
        Binding(.stackDown, [.alt("j")], "move item down", disabled: .outsideStackItem, in: .generate),
        Binding(.copyPrompt, [.alt("c")], "copy the prompt"),
        Binding(.copySeed, [.alt("e")], "copy the seed", disabled: .withoutResult),
        Binding(.copyPath, [.alt("y")], "copy the image path", disabled: .withoutResult),
        Binding(.resultPrevious, [.alt(",")], "previous result", disabled: .withoutResult, in: .generate),
        Binding(.resultNext, [.alt(".")], "next result", disabled: .withoutResult, in: .generate),
        Binding(.suspend, [.ctrl("z")], "suspend (fg resumes)"),
        Binding(.redraw, [.ctrl("l")], "redraw the screen"),
        Binding(.showHistory, [.function(2)], "History", in: .generate),
        Binding(.showGenerate, [.function(2), .escape], "back to Generate", in: .history),
        Binding(.historySearch, [.character("/")], "search (words, \"phrases\", model: lora: seed: tag: fav status: before: after: size:)",
                in: .history),
        Binding(.historyMode, [.character("m")], "contact sheet or list", in: .history),
        Binding(.historyOpen, [.enter], "details of the selected job", disabled: .withoutSelectedJob, in: .history),
        Binding(.historyFork, [.character("f")], "fork into the Generate form", disabled: .withoutSelectedJob, in: .history),
        Binding(.historyRerun, [.character("r")], "re-run the same request", disabled: .withoutSelectedJob, in: .history),
        Binding(.historyVariations, [.character("v")], "variations: same request, 4 new seeds", disabled: .withoutSelectedJob,
                in: .history),
        Binding(.historyFavourite, [.character("*")], "favourite or not", disabled: .withoutSelectedJob, in: .history),
        Binding(.historyDelete, [.character("d")], "delete the job and its images", disabled: .withoutSelectedJob, in: .history),
        Binding(.historyTag, [.character("t")], "tag (+name adds, -name removes)", disabled: .withoutSelectedJob, in: .history),
        Binding(.historyExport, [.character("x")], "export images and request to a folder", disabled: .withoutSelectedJob,
                in: .history),
        Binding(.historyOpenFile, [.character("o")], "open an image file with its parameters into the form", in: .history),
        Binding(.historyLineage, [.character("l")], "lineage: parent and children", disabled: .withoutSelectedJob, in: .history),
        Binding(.historyCompare, [.character("c")], "compare (mark one, then c on another)", disabled: .withoutSelectedJob,
                in: .history),
        Binding(.historySweep, [.character("s")], "sweep one or two parameters over the job", disabled: .withoutSelectedJob,
                in: .history),
        Binding(.sweepSave, [.character("p")], "save the sweep as one labelled PNG", disabled: .withoutSweep, in: .history),
        Binding(.historyLeft, [.left], "previous job", in: .history),
        Binding(.historyRight, [.right], "next job", in: .history),
        Binding(.historyUp, [.up], "a row up", in: .history),
        Binding(.historyDown, [.down], "a row down", in: .history),
        Binding(.historyPageUp, [.pageUp], "a screenful up", in: .history),
        Binding(.historyPageDown, [.pageDown], "a screenful down", in: .history),
        Binding(.historyFirst, [.home], "the newest job", in: .history),
        Binding(.historyLast, [.end], "the oldest job", in: .history),
        Binding(.historySearchDone, [.enter, .escape, .tab, .down], "done searching", in: .historySearch),
        Binding(.detailClose, [.escape, .enter, .backspace], "close the details", in: .detail),
        Binding(.detailUp, [.up], "scroll up", in: .detail),
        Binding(.detailDown, [.down], "scroll down", in: .detail),
        Binding(.detailPageUp, [.pageUp], "scroll a screenful up", in: .detail),
        Binding(.detailPageDown, [.pageDown], "scroll a screenful down", in: .detail),
        Binding(.lineageWalk, [.enter], "walk to the chosen job (open it when it is the centre)", in: .lineage),
        Binding(.lineageClose, [.escape, .character("l")], "close the lineage", in: .lineage),
        Binding(.compareClose, [.escape, .character("c"), .enter], "close the comparison", in: .compare),
        Binding(.sweepClose, [.escape], "close the sweep sheet", in: .sweep),
        Binding(.fieldActivate, [.enter], "open the picker (model, image, choice), toggle, or go to the next field", in: .field),
        Binding(.fieldDecrease, [.left], "step a number down, previous choice, toggle", in: .field),
        Binding(.fieldIncrease, [.right], "step a number up, next choice, toggle", in: .field),
        Binding(.fieldToggle, [.character(" ")], "toggle, next choice, add a stack item", in: .field),
        Binding(.promptNewline, [.enter], "new line", in: .prompt),
        Binding(.listUp, [.up], "up", in: .list),
        Binding(.listDown, [.down], "down", in: .list),
        Binding(.listPageUp, [.pageUp], "a screenful up", in: .list),
        Binding(.listPageDown, [.pageDown], "a screenful down", in: .list),
        Binding(.dialogAccept, [.enter], "choose, open or done", in: .dialog),
        Binding(.dialogCancel, [.escape], "close without choosing", in: .dialog),
        Binding(.helpClose, [.escape, .character("q"), .character("?"), .function(1), .enter], "close this help", in: .help),
        Binding(.confirmYes, [.character("y"), .character("Y")], "yes", in: .confirm),
        Binding(.confirmNo, [.character("n"), .character("N"), .escape], "no", in: .confirm),
        Binding(.promptSearchOlder, [.ctrl("r")], "the next older match", in: .promptSearch),
        Binding(.editLeft, [.left], "cursor left", in: .text),
        Binding(.editRight, [.right], "cursor right", in: .text),
        Binding(.editHome, [.home], "to the start of the line", in: .text),
        Binding(.editEnd, [.end, .ctrl("e")], "to the end of the line", in: .text),
        Binding(.editWordLeft, [.alt("b")], "a word left", in: .text),
        Binding(.editWordRight, [.alt("f")], "a word right", in: .text),
        Binding(.editDeleteBackward, [.backspace], "delete before the cursor (in the file picker's empty filter: up a folder)",
                in: .text),
        Binding(.editDeleteForward, [.delete], "delete under the cursor", in: .text),
        Binding(.editDeleteWord, [.ctrl("w")], "delete the word before the cursor", in: .text),
        Binding(.editDeleteToStart, [.ctrl("u")], "delete to the start of the line", in: .text),
        Binding(.editDeleteToEnd, [.ctrl("k")], "delete to the end of the line", in: .text),
        Binding(.editUndo, [.alt("u")], "undo", in: .text),
    ])

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

    public struct LoadError: Error, Sendable, CustomStringConvertible, Equatable {
        public var file: String
        public var line: Int?
        public var message: String
        public var description: String { "\(file)\(line.map { ":\($0)" } ?? ""): \(message)" }
    }

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
