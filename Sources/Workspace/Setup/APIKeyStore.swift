import Foundation

/// Where the Runware key comes from: `RUNWARE_API_KEY`, else the `api-key` file in the config
/// folder, which must be private (mode 0600). The key is kept out of argv, logs and messages.
package enum APIKeyStore {
    package static let variable = "RUNWARE_API_KEY"
    package static let fileName = "api-key"

    package enum Source: Sendable, Equatable {
        case environment
        case file(String)
    }

    package struct Found: Sendable {
        package var key: String
        package var source: Source
    }

    /// A key that cannot be used, named by where it came from; the key itself is never shown.
    package struct Refusal: Error, CustomStringConvertible, Sendable {
        package var source: String
        package var reason: String
        package var description: String { "refusing the API key from \(source): \(reason)" }
        package init(source: String, reason: String) {
            self.source = source
            self.reason = reason
        }
    }

    /// `nil` when no key is configured (the sandbox is used then). A key that is set but unusable
    /// (control characters, a key file that is a folder, empty, not UTF-8 or readable by others)
    /// stops with a `Refusal` rather than falling back to the sandbox.
    package static func find(_ env: DarkroomEnvironment) throws -> Found? {
        if let raw = env.variables[variable], !raw.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            return Found(key: try checked(raw, source: variable), source: .environment)
        }
        let path = env.configFolder.appendingPathComponent(fileName).path
        guard let key = try readKeyFile(path) else { return nil }
        return Found(key: key, source: .file(path))
    }

    /// The key in a private file, or nil when there is no file. Links are followed: the mode
    /// that counts is the target's.
    package static func readKeyFile(_ path: String) throws -> String? {
        var info = stat()
        if lstat(path, &info) != 0 { return nil }
        guard stat(path, &info) == 0 else { throw Refusal(source: path, reason: "it is a link to a file that does not exist") }
        let mode = Int(info.st_mode) & 0o777
        if (info.st_mode & S_IFMT) == S_IFDIR { throw Refusal(source: path, reason: "it is a folder, not a file") }
        if (info.st_mode & S_IFMT) != S_IFREG { throw Refusal(source: path, reason: "it is not a regular file") }
        if mode & 0o077 != 0 {
            throw Refusal(source: path, reason: "its mode is \(String(mode, radix: 8)), others can read it; run: chmod 600 \(path)")
        }
        if info.st_size > maxKeyFileBytes { throw tooLong(path, size: "\(info.st_size) bytes") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw Refusal(source: path, reason: "it cannot be read (\(String(cString: strerror(errno))))")
        }
        defer { try? handle.close() }
        // One byte past the limit tells a file that grew since it was measured.
        let data: Data
        do { data = try handle.read(upToCount: maxKeyFileBytes + 1) ?? Data() } catch {
            throw Refusal(source: path, reason: "it cannot be read (\(error.localizedDescription))")
        }
        if data.count > maxKeyFileBytes { throw tooLong(path, size: "more than \(maxKeyFileBytes) bytes") }
        guard let text = String(data: data, encoding: .utf8) else { throw Refusal(source: path, reason: "it is not UTF-8 text") }
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw Refusal(source: path, reason: "it is empty") }
        return try checked(text, source: path)
    }

    /// The most of a key file that is read: a key is one short line (Runware's are 32 characters),
    /// and a 1 GiB file was read whole.
    package static let maxKeyFileBytes = 4096

    private static func tooLong(_ path: String, size: String) -> Refusal {
        Refusal(source: path, reason: "it is \(size), over the limit of \(maxKeyFileBytes) for a key file (a key is one short line)")
    }

    /// The key without surrounding whitespace; refused when a control character (a CR or LF
    /// that would start a new HTTP header) or a space is left inside it.
    package static func checked(_ raw: String, source: String) throws -> String {
        let key = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if key.unicodeScalars.contains(where: { $0.value < 0x21 || $0.value == 0x7F || (0x80..<0xA0).contains($0.value) }) {
            throw Refusal(source: source, reason: "it holds a control character or a space (a key is one line of printable text)")
        }
        return key
    }

    /// Writes the key file with mode 0600 from the start (never readable by others, even briefly).
    package static func save(_ key: String, env: DarkroomEnvironment) throws -> String {
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
