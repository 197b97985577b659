import Foundation
import Studio
import TerminalUI

/// A theme file: `name`, and `[roles]` mapping each role to `{ fg, bg, attrs }`. Mistakes are
/// `ConfigFileError`s naming the file and line, like those in config.toml.
extension Theme {
    package static func parse(_ text: String, file: String) throws -> Theme {
        let own = try OwnFile(text, file: file)
        let table = own.table
        for key in table.keys where key != "name" && key != "roles" {
            throw own.error("unknown setting \"\(key)\" (known: name, roles)", at: key)
        }
        guard let name = table["name"]?.string else { throw own.error("name = \"...\" is required") }
        var styles: [String: Style] = [:]
        if let roles = table["roles"]?.table {
            for role in roles.keys {
                guard Self.roles.contains(role) else {
                    throw own.error("unknown role \"\(role)\" (known: \(Self.roles.sorted().joined(separator: ", ")))", at: role)
                }
                guard let spec = roles[role]?.table else {
                    throw own.error("role \"\(role)\" must be a table like { fg = \"red\" }", at: role)
                }
                var style = Style()
                for key in spec.keys {
                    switch key {
                    case "fg", "bg":
                        let raw = spec[key]?.string ?? spec[key]?.int.map(String.init) ?? ""
                        guard let color = ColorName.parse(raw) else {
                            throw own.error("role \"\(role)\": \(key) \"\(raw)\" is not a colour name, 0-255 or #rrggbb", at: role)
                        }
                        if key == "fg" { style.foreground = color } else { style.background = color }
                    case "attrs":
                        for a in spec[key]?.array?.compactMap({ $0.string }) ?? [] {
                            guard let attr = ColorName.attributes[a] else {
                                throw own.error("role \"\(role)\": unknown attribute \"\(a)\" (known: \(ColorName.attributes.keys.sorted().joined(separator: ", ")))",
                                                at: role)
                            }
                            style.attributes.insert(attr)
                        }
                    default:
                        throw own.error("role \"\(role)\": unknown key \"\(key)\" (known: fg, bg, attrs)", at: role)
                    }
                }
                styles[role] = style
            }
        }
        return Theme(name: name, styles: styles)
    }

    /// The theme `name` from the user's folder, else `extra` (`DARKROOM_THEMES`), else the ones
    /// compiled in (`BuiltInThemes`, made from `themes/`): an installed binary needs no files. A
    /// theme file that exists but cannot be read (a folder, unreadable, not UTF-8) stops with its
    /// path rather than being skipped.
    package static func load(named name: String, user: URL, extra: URL? = nil) throws -> Theme {
        for folder in [user] + (extra.map { [$0] } ?? []) {
            let file = folder.appendingPathComponent("\(name).toml")
            if let text = try ConfigFileError.readText(file) { return try parse(text, file: file.path) }
        }
        if let text = BuiltInThemes.texts[name] { return try parse(text, file: "built-in theme \(name)") }
        throw ConfigFileError(file: name, line: nil, message: "no theme called \"\(name)\": the built-in ones are "
            + BuiltInThemes.texts.keys.sorted().joined(separator: ", ") + "; yours go in \(user.path)")
    }
}

/// Colour and attribute names for theme files.
package enum ColorName {
    static let basic = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]
    static let attributes: [String: TextAttributes] = [
        "bold": .bold, "dim": .dim, "italic": .italic, "underline": .underline, "reverse": .reverse,
    ]

    package static func parse(_ s: String) -> TermColor? {
        let v = s.lowercased()
        if v == "default" { return .terminalDefault }
        if let i = basic.firstIndex(of: v) { return .indexed(UInt8(i)) }
        if v.hasPrefix("bright-"), let i = basic.firstIndex(of: String(v.dropFirst(7))) { return .indexed(UInt8(i + 8)) }
        if let n = Int(v), (0...255).contains(n) { return .indexed(UInt8(n)) }
        if v.hasPrefix("#"), v.count == 7, let rgb = UInt32(v.dropFirst(), radix: 16) { return .rgb(rgb) }
        return nil
    }
}
