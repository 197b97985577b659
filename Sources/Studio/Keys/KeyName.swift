import TerminalUI

/// Key names in key map files and help: `ctrl-g`, `alt-x`, `f5`, `enter`, `shift-tab`, `?`.
package enum KeyName {
    static let named: [String: Key] = [
        "enter": .enter, "tab": .tab, "shift-tab": .backTab, "backspace": .backspace, "delete": .delete, "esc": .escape,
        "escape": .escape, "up": .up, "down": .down, "left": .left, "right": .right, "home": .home, "end": .end,
        "pageup": .pageUp, "pagedown": .pageDown, "insert": .insert, "space": .character(" "),
        "ctrl-left": .ctrlLeft, "ctrl-right": .ctrlRight, "ctrl-_": .ctrl("_"),
    ]

    package static func parse(_ name: String) -> Key? {
        let n = name.lowercased()
        if let k = named[n] { return k }
        if n.hasPrefix("ctrl-"), n.count == 6, let c = n.last, c.isLetter { return .ctrl(c) }
        if n.hasPrefix("alt-"), name.count == 5, let c = name.last { return .alt(c) }
        if n.hasPrefix("f"), let num = Int(n.dropFirst()), (1...12).contains(num) { return .function(num) }
        if name.count == 1, let c = name.first, !c.isWhitespace { return .character(c) }
        return nil
    }

    package static func name(_ key: Key) -> String {
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
