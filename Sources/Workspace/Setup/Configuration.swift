import Foundation
import RunwareAPI
import Studio
import TOMLKit

/// `config.toml`: endpoint, default model and output defaults. Every key is optional.
///
/// ```toml
/// endpoint = "https://api.runware.ai/v1"
/// model = "runware:111@1"
/// theme = "dark"
/// steps = 28
/// cfg_scale = 3.5
/// scheduler = "FlowMatchEulerDiscreteScheduler"
/// delivery = "async"
/// [output]
/// folder = "~/Pictures/darkroom"
/// format = "PNG"
/// quality = 90
/// type = "base64Data"
/// ```
package struct Configuration: Sendable, Equatable {
    package var endpoint: String?
    package var model: String?
    package var outputFolder: String?
    package var outputFormat: String?
    package var outputQuality: Int?
    package var outputType: String?
    package var width: Int?
    package var height: Int?
    package var steps: Int?
    package var cfgScale: Double?
    package var scheduler: String?
    /// `async` (the default: a job can be collected after a crash or a lost answer) or `sync`.
    package var delivery: String?
    /// The studio's theme by name (`dark`, `light`, `high-contrast`, or one in the themes folder).
    package var theme: String?

    package init() {}

    package static let fileName = "config.toml"

    package typealias LoadError = ConfigFileError

    /// Reads `config.toml` from the config folder; a missing file is an empty configuration, a
    /// file that cannot be read (a folder, not UTF-8) is an error naming it.
    package static func load(from folder: URL) throws -> Configuration {
        let url = folder.appendingPathComponent(fileName)
        guard let text = try ConfigFileError.readText(url) else { return Configuration() }
        return try parse(text, file: url.path)
    }

    static let knownTop: Set<String> = ["endpoint", "model", "output", "width", "height", "steps", "cfg_scale", "scheduler",
                                         "delivery", "theme"]
    static let knownOutput: Set<String> = ["folder", "format", "quality", "type"]

    package static func parse(_ text: String, file: String) throws -> Configuration {
        let own = try OwnFile(text, file: file)
        let table = own.table
        var c = Configuration()
        func line(_ key: String) -> Int? { own.line(of: key) }
        if table["keys"] != nil {
            let keysFile = (file as NSString).deletingLastPathComponent + "/keys.toml"
            throw LoadError(file: file, line: line("keys"),
                            message: "key bindings do not belong in config.toml; move the [keys] table to \(keysFile)")
        }
        for key in table.keys where !knownTop.contains(key) {
            throw LoadError(file: file, line: line(key),
                            message: "unknown setting \"\(key)\" (known: \(knownTop.sorted().joined(separator: ", ")))")
        }
        func string(_ t: TOMLTable, _ key: String, _ path: String) throws -> String? {
            guard let v = t[key] else { return nil }
            guard let s = v.string else { throw LoadError(file: file, line: line(key), message: "\(path) must be a string") }
            return s
        }
        func int(_ t: TOMLTable, _ key: String, _ path: String) throws -> Int? {
            guard let v = t[key] else { return nil }
            guard let i = v.int else { throw LoadError(file: file, line: line(key), message: "\(path) must be an integer") }
            return i
        }
        c.endpoint = try string(table, "endpoint", "endpoint")
        c.model = try string(table, "model", "model")
        c.width = try int(table, "width", "width")
        c.height = try int(table, "height", "height")
        c.steps = try int(table, "steps", "steps")
        if let v = table["cfg_scale"] {
            guard let d = v.double ?? v.int.map(Double.init) else {
                throw LoadError(file: file, line: line("cfg_scale"), message: "cfg_scale must be a number")
            }
            c.cfgScale = d
        }
        c.scheduler = try string(table, "scheduler", "scheduler")
        c.delivery = try string(table, "delivery", "delivery")
        c.theme = try string(table, "theme", "theme")
        if let output = table["output"] {
            guard let t = output.table else { throw LoadError(file: file, line: line("output"), message: "[output] must be a table") }
            for key in t.keys where !knownOutput.contains(key) {
                throw LoadError(file: file, line: line(key), message: "unknown setting \"output.\(key)\" (known: \(knownOutput.sorted().joined(separator: ", ")))")
            }
            c.outputFolder = try string(t, "folder", "output.folder")
            c.outputFormat = try string(t, "format", "output.format")
            c.outputQuality = try int(t, "quality", "output.quality")
            c.outputType = try string(t, "type", "output.type")
        }
        if let endpoint = c.endpoint, URL(string: endpoint)?.scheme?.hasPrefix("http") != true {
            throw LoadError(file: file, line: line("endpoint"), message: "endpoint \"\(endpoint)\" must be an http(s) URL")
        }
        return c
    }
}
