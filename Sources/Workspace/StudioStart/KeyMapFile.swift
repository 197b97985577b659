import Studio
import TerminalUI

/// `keys.toml`: `[keys]` maps action names to lists of key names (replacing the defaults of
/// that action); `unbind = ["ctrl-d"]` frees keys. Unknown actions or keys are `ConfigFileError`s
/// naming the file, the line and the name.
extension KeyMap {
    package func overridden(by text: String, file: String) throws -> KeyMap {
        let own = try OwnFile(text, file: file)
        let table = own.table
        for key in table.keys where key != "keys" && key != "unbind" {
            throw own.error("unknown setting \"\(key)\" (known: keys, unbind)", at: key)
        }
        var map = self
        for name in table["unbind"]?.array?.compactMap({ $0.string }) ?? [] {
            guard let key = KeyName.parse(name) else { throw own.error("unknown key \"\(name)\"", at: name) }
            map.unbind(key)
        }
        if let keys = table["keys"]?.table {
            for name in keys.keys {
                guard let action = StudioAction(rawValue: name) else {
                    throw own.error("unknown action \"\(name)\" (known: \(StudioAction.allCases.map(\.rawValue).joined(separator: ", ")))", at: name)
                }
                var parsed: [Key] = []
                for keyName in keys[name]?.array?.compactMap({ $0.string }) ?? [] {
                    guard let key = KeyName.parse(keyName) else {
                        throw own.error("unknown key \"\(keyName)\" for action \"\(name)\"", at: keyName)
                    }
                    parsed.append(key)
                }
                map.bind(action, to: parsed)
            }
        }
        // The studio must stay one key from quitting on every screen and in every field.
        if map.quitKeys.isEmpty {
            let given = map.binding(.quit)?.keys.map(KeyName.name) ?? []
            throw ConfigFileError(file: file, line: own.line(of: "quit") ?? own.line(of: "unbind"),
                                  message: "this file leaves no way to quit: action \"quit\" needs a ctrl-, alt- or F-key that no other action"
                                      + " takes (a letter, enter or tab is typed into the prompt)"
                                      + (given.isEmpty ? "; it has no key left" : "; it has " + given.joined(separator: ", ")))
        }
        return map
    }
}
