import Foundation

/// A mistake in one of Darkroom's own files (`config.toml`, `keys.toml`, a theme), named by the
/// file's path, the line when it is known, and what is wrong. Every loader of those files throws
/// this one type.
package struct ConfigFileError: Error, Sendable, CustomStringConvertible, Equatable {
    package var file: String
    package var line: Int?
    package var message: String

    package init(file: String, line: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    package var description: String { "\(file)\(line.map { ":\($0)" } ?? ""): \(message)" }

    /// The file's text, or nil when there is no such file. A file that exists but cannot be used
    /// (a folder, unreadable, not UTF-8) is an error naming it, never taken for a missing one.
    package static func readText(_ url: URL) throws -> String? {
        let path = url.path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return nil }
        if isFolder.boolValue { throw ConfigFileError(file: path, message: "it is a folder, not a file") }
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw ConfigFileError(file: path, message: "it cannot be read (\(reason(error)))")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigFileError(file: path, message: "it is not UTF-8 text")
        }
        return text
    }

    private static func reason(_ error: Error) -> String {
        if let posix = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError, posix.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(posix.code)))
        }
        return (error as NSError).localizedDescription
    }

}
