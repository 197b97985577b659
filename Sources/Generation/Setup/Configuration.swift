import Foundation
import RunwareAPI
import TOMLKit

/// `config.toml`: endpoint, default model and output defaults. Every key is optional.
///
/// ```toml
/// endpoint = "https://api.runware.ai/v1"
/// model = "runware:111@1"
/// theme = "dark"
/// [output]
/// folder = "~/Pictures/darkroom"
/// format = "PNG"
/// quality = 90
/// type = "base64Data"
/// ```
public struct Configuration: Sendable, Equatable {
    public var endpoint: String?
    public var model: String?
    public var outputFolder: String?
    public var outputFormat: String?
    public var outputQuality: Int?
    public var outputType: String?
    public var width: Int?
    public var height: Int?
    public var steps: Int?
    /// The studio's theme by name (`dark`, `light`, `high-contrast`, or one in the themes folder).
    public var theme: String?

    public init() {}

    public static let fileName = "config.toml"

    public struct LoadError: Error, CustomStringConvertible {
        public var file: String
        public var line: Int?
        public var message: String
        public var description: String {
            "\(file)\(line.map { ":\($0)" } ?? ""): \(message)"
        }
    }

    /// Reads `config.toml` from the config folder; a missing file is an empty configuration.
    public static func load(from folder: URL) throws -> Configuration {
        let url = folder.appendingPathComponent(fileName)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return Configuration() }
        return try parse(text, file: url.path)
    }

    static let knownTop: Set<String> = ["endpoint", "model", "output", "width", "height", "steps", "theme", "keys"]
    static let knownOutput: Set<String> = ["folder", "format", "quality", "type"]

    public static func parse(_ text: String, file: String) throws -> Configuration {
        let table: TOMLTable
        do { table = try TOMLTable(string: text) } catch let e as TOMLParseError {
            throw LoadError(file: file, line: e.source.begin.line, message: e.description)
        }
        var c = Configuration()
        for key in table.keys where !knownTop.contains(key) {
            throw LoadError(file: file, line: nil, message: "unknown setting \"\(key)\" (known: \(knownTop.sorted().joined(separator: ", ")))")
        }
        func string(_ t: TOMLTable, _ key: String, _ path: String) throws -> String? {
            guard let v = t[key] else { return nil }
            guard let s = v.string else { throw LoadError(file: file, line: nil, message: "\(path) must be a string") }
            return s
        }
        func int(_ t: TOMLTable, _ key: String, _ path: String) throws -> Int? {
            guard let v = t[key] else { return nil }
            guard let i = v.int else { throw LoadError(file: file, line: nil, message: "\(path) must be an integer") }
            return i
        }
        c.endpoint = try string(table, "endpoint", "endpoint")
        c.model = try string(table, "model", "model")
        c.width = try int(table, "width", "width")
        c.height = try int(table, "height", "height")
        c.steps = try int(table, "steps", "steps")
        c.theme = try string(table, "theme", "theme")
        if let output = table["output"] {
            guard let t = output.table else { throw LoadError(file: file, line: nil, message: "[output] must be a table") }
            for key in t.keys where !knownOutput.contains(key) {
                throw LoadError(file: file, line: nil, message: "unknown setting \"output.\(key)\" (known: \(knownOutput.sorted().joined(separator: ", ")))")
            }
            c.outputFolder = try string(t, "folder", "output.folder")
            c.outputFormat = try string(t, "format", "output.format")
            c.outputQuality = try int(t, "quality", "output.quality")
            c.outputType = try string(t, "type", "output.type")
        }
        if let endpoint = c.endpoint, URL(string: endpoint)?.scheme?.hasPrefix("http") != true {
            throw LoadError(file: file, line: nil, message: "endpoint \"\(endpoint)\" must be an http(s) URL")
        }
        return c
    }
}
