import Foundation
import TerminalUI
import TOMLKit

/// Semantic roles mapped to styles. Unset roles fall back to their parent (`field.error` ->
/// `field`), then to the terminal's default colours.
public struct Theme: Sendable, Equatable {
    public static let roles: Set<String> = [
        "title", "border", "border.focused", "field", "field.label", "field.value", "field.focused", "field.error",
        "hint", "selection", "status", "status.error", "footer", "footer.key", "footer.text",
    ]

    public var name: String
    public var styles: [String: Style]

    public init(name: String, styles: [String: Style]) {
        self.name = name
        self.styles = styles
    }

    public func style(_ role: String) -> Style {
        var r = role
        while true {
            if let s = styles[r] { return s }
            guard let dot = r.lastIndex(of: ".") else { return .plain }
            r = String(r[..<dot])
        }
    }

    /// Mistakes in a theme file are `ConfigFileError`s, like those in config.toml.
    public typealias LoadError = ConfigFileError

    public static func parse(_ text: String, file: String) throws -> Theme {
        let table: TOMLTable
        do { table = try TOMLTable(string: text) } catch let e as TOMLParseError {
            throw LoadError(file: file, line: e.source.begin.line, message: e.description)
        }
        func line(of needle: String) -> Int? {
            text.components(separatedBy: "\n").firstIndex { $0.contains("\"\(needle)\"") || $0.hasPrefix(needle) }.map { $0 + 1 }
        }
        for key in table.keys where key != "name" && key != "roles" {
            throw LoadError(file: file, line: line(of: key), message: "unknown setting \"\(key)\" (known: name, roles)")
        }
        guard let name = table["name"]?.string else { throw LoadError(file: file, line: nil, message: "name = \"...\" is required") }
        var styles: [String: Style] = [:]
        if let roles = table["roles"]?.table {
            for role in roles.keys {
                guard Self.roles.contains(role) else {
                    throw LoadError(file: file, line: line(of: role),
                                    message: "unknown role \"\(role)\" (known: \(Self.roles.sorted().joined(separator: ", ")))")
                }
                guard let spec = roles[role]?.table else {
                    throw LoadError(file: file, line: line(of: role), message: "role \"\(role)\" must be a table like { fg = \"red\" }")
                }
                var style = Style()
                for key in spec.keys {
                    switch key {
                    case "fg", "bg":
                        let raw = spec[key]?.string ?? spec[key]?.int.map(String.init) ?? ""
                        guard let color = ColorName.parse(raw) else {
                            throw LoadError(file: file, line: line(of: role),
                                            message: "role \"\(role)\": \(key) \"\(raw)\" is not a colour name, 0-255 or #rrggbb")
                        }
                        if key == "fg" { style.foreground = color } else { style.background = color }
                    case "attrs":
                        for a in spec[key]?.array?.compactMap({ $0.string }) ?? [] {
                            guard let attr = ColorName.attributes[a] else {
                                throw LoadError(file: file, line: line(of: role),
                                                message: "role \"\(role)\": unknown attribute \"\(a)\" (known: \(ColorName.attributes.keys.sorted().joined(separator: ", ")))")
                            }
                            style.attributes.insert(attr)
                        }
                    default:
                        throw LoadError(file: file, line: line(of: role), message: "role \"\(role)\": unknown key \"\(key)\" (known: fg, bg, attrs)")
                    }
                }
                styles[role] = style
            }
        }
        return Theme(name: name, styles: styles)
    }

    /// Built-in themes from `themes/` next to the binary's package, then the user's folder,
    /// which adds themes or overrides built-in ones by name. A theme file that exists but cannot
    /// be read (a folder, unreadable, not UTF-8) stops with its path rather than being skipped.
    /// The theme `name` from the user's folder, else `extra` (`DARKROOM_THEMES`), else the ones
    /// compiled in (`BuiltInThemes`, made from `themes/`): an installed binary needs no files.
    public static func load(named name: String, user: URL, extra: URL? = nil) throws -> Theme {
        for folder in [user] + (extra.map { [$0] } ?? []) {
            let file = folder.appendingPathComponent("\(name).toml")
            if let text = try ConfigFileError.readText(file) { return try parse(text, file: file.path) }
        }
        if let text = BuiltInThemes.texts[name] { return try parse(text, file: "built-in theme \(name)") }
        throw LoadError(file: name, line: nil, message: "no theme called \"\(name)\": the built-in ones are "
            + BuiltInThemes.texts.keys.sorted().joined(separator: ", ") + "; yours go in \(user.path)")
    }
}

/// Colour and attribute names for theme files.
public enum ColorName {
    static let basic = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]
    static let attributes: [String: TextAttributes] = [
        "bold": .bold, "dim": .dim, "italic": .italic, "underline": .underline, "reverse": .reverse,
    ]

    public static func parse(_ s: String) -> TermColor? {
        let v = s.lowercased()
        if v == "default" { return .terminalDefault }
        if let i = basic.firstIndex(of: v) { return .indexed(UInt8(i)) }
        if v.hasPrefix("bright-"), let i = basic.firstIndex(of: String(v.dropFirst(7))) { return .indexed(UInt8(i + 8)) }
        if let n = Int(v), (0...255).contains(n) { return .indexed(UInt8(n)) }
        if v.hasPrefix("#"), v.count == 7, let rgb = UInt32(v.dropFirst(), radix: 16) { return .rgb(rgb) }
        return nil
    }
}

extension Theme {
    /// For terminals without colour (and NO_COLOR): attributes only, so focus, errors and the
    /// selection stay visible.
    public static let monochrome = Theme(name: "monochrome", styles: [
        "title": Style(attributes: .bold),
        "border.focused": Style(attributes: .bold),
        "field.focused": Style(attributes: .reverse),
        "field.error": Style(attributes: [.bold, .underline]),
        "hint": Style(attributes: .dim),
        "selection": Style(attributes: .reverse),
        "status": Style(attributes: .reverse),
        "status.error": Style(attributes: [.reverse, .bold]),
        "footer.key": Style(attributes: .bold),
    ])

    /// The `themes/` folder shipped with Darkroom: `DARKROOM_THEMES`, else the first `themes`
    /// folder holding `dark.toml` above the executable (the repository when built from source),
    /// else `/usr/share/darkroom/themes`.
    /// A folder of more themes named by `DARKROOM_THEMES` (looked in after the user's).
    public static func extraFolder(environment: [String: String]) -> URL? {
        guard let v = environment["DARKROOM_THEMES"], !v.isEmpty else { return nil }
        return URL(fileURLWithPath: v)
    }
}
