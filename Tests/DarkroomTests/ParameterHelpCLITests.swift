import Foundation
import RunwareAPI
import Testing
import Workspace
import TestSupport

/// `darkroom generate --help` and the parameter table agree: every row the command line sets has
/// its option listed, with the row's limit, cross-field note, allowed values and default.
@Suite struct ParameterHelpCLITests {
    /// The help text of each option, by its first spelling (`--steps`, `<prompt>`), wrapped lines joined.
    static func entries(_ help: String) -> [String: String] {
        var out: [String: String] = [:]
        var current: (name: String, text: String)?
        func flush() { if let c = current { out[c.name] = c.text.split(whereSeparator: \.isWhitespace).joined(separator: " ") } }
        for line in help.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " }
            let indent = line.count - trimmed.count
            if indent == 2, trimmed.hasPrefix("-") || trimmed.hasPrefix("<") {
                flush()
                let names = trimmed.split(separator: " ").filter { $0.hasPrefix("--") || $0.hasPrefix("<") }
                let name = names.first.map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: ",")) } ?? ""
                current = (name, String(trimmed))
            } else if indent > 2, current != nil {
                current!.text += " " + trimmed
            } else {
                flush()
                current = nil
            }
        }
        flush()
        return out
    }

    @Test func everyRowsLimitIsInItsOptionsHelp() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let r = try await Binary.run(Binary.product("darkroom"), ["generate", "--help"],
                                     environment: Binary.isolatedEnvironment(folder))
        #expect(r.status == 0, "\(r.stderr)")
        let entries = Self.entries(r.stdout)
        for row in Parameters.all {
            guard let cli = row.cli else { continue }
            let name = if case .argument(let a) = cli { "<\(a)>" } else { "--" + cli.option }
            let entry = try #require(entries[name], "\(row.path): no \(name) in generate --help")
            var facts = [row.rangeText, row.note].compactMap { $0 }
            if row.kind == .choice, row.allowed.count <= 16 { facts += row.allowed }
            // The default is what Darkroom sends when the option is left out; the API's own
            // follows when it differs (delivery: async here, sync at the API).
            let starting = StartingRequest.document(Configuration())[row.path].flatMap { $0.stringValue ?? $0.summary }
            if let s = starting, !s.isEmpty, row.path != "model" {
                facts.append("default \(s)")
                if let d = row.defaultValue, d != s { facts.append("the API's own is \(d)") }
            } else if let d = row.defaultValue, row.kind != .toggle {
                facts.append("default \(d)")
            }
            if case .key(_, let key) = cli { facts.append(key + "=") }
            for fact in facts {
                #expect(entry.contains(fact), "\(row.path): \(name) help lacks \"\(fact)\": \(entry)")
            }
        }
    }
}
