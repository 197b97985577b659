import Foundation

/// Where the Runware key comes from: `RUNWARE_API_KEY`, else the `api-key` file in the config
/// folder, which must be private (mode 0600). The key is kept out of argv, logs and messages.
public enum APIKeyStore {
    public static let variable = "RUNWARE_API_KEY"
    public static let fileName = "api-key"

    public enum Source: Sendable, Equatable {
        case environment
        case file(String)
    }

    public struct Found: Sendable {
        public var key: String
        public var source: Source
    }

    public struct Refusal: Error, CustomStringConvertible, Sendable {
        public var path: String
        public var mode: Int
        public var description: String {
            "refusing to read the API key from \(path): its mode is \(String(mode, radix: 8)), others can read it; run: chmod 600 \(path)"
        }
    }

    /// `nil` when no key is configured (the sandbox is used then).
    public static func find(_ env: DarkroomEnvironment) throws -> Found? {
        if let key = env.variables[variable]?.trimmingCharacters(in: .whitespacesAndNewlines), !key.isEmpty {
            return Found(key: key, source: .environment)
        }
        let path = env.configFolder.appendingPathComponent(fileName).path
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return nil }
        let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0
        if mode & 0o077 != 0 { throw Refusal(path: path, mode: mode & 0o777) }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        let key = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return key.isEmpty ? nil : Found(key: key, source: .file(path))
    }

    /// Writes the key file with mode 0600 from the start (never readable by others, even briefly).
    public static func save(_ key: String, env: DarkroomEnvironment) throws -> String {
        let folder = env.configFolder
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent(fileName).path
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { throw CocoaError(.fileWriteNoPermission) }
        defer { close(fd) }
        fchmod(fd, 0o600)
        let bytes = Array((key + "\n").utf8)
        guard write(fd, bytes, bytes.count) == bytes.count else { throw CocoaError(.fileWriteUnknown) }
        return path
    }
}
