import TOMLKit

/// One of Darkroom's own TOML files (`config.toml`, `keys.toml`, a theme), parsed in the one
/// place that parses them: its table, and the line a name sits on, for the `ConfigFileError`s
/// that name a mistake by file and line.
struct OwnFile {
    let table: TOMLTable
    let file: String
    private let lines: [Substring]

    /// A file TOML cannot read is refused with the line its parser names.
    init(_ text: String, file: String) throws {
        do { table = try TOMLTable(string: text) } catch let e as TOMLParseError {
            throw ConfigFileError(file: file, line: e.source.begin.line, message: e.description)
        }
        self.file = file
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// The first line (1-based) holding `name` as a key (`name =`, `"name" =`), a table
    /// (`[name]`, `[name.…]`) or a quoted value (`"ctrl-d"` in a list), for messages about what
    /// TOML's parser accepted.
    func line(of name: String) -> Int? {
        lines.firstIndex { line in
            let t = line.drop { $0 == " " || $0 == "\t" }
            return t.hasPrefix(name + " ") || t.hasPrefix(name + "=") || t.hasPrefix("[\(name)]") || t.hasPrefix("[\(name).")
                || line.contains("\"\(name)\"")
        }.map { $0 + 1 }
    }

    /// A mistake about `name`, at its line when it is found.
    func error(_ message: String, at name: String? = nil) -> ConfigFileError {
        ConfigFileError(file: file, line: name.flatMap(line(of:)), message: message)
    }
}
