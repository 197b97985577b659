import Foundation

/// Writes a file so that readers see either nothing or the whole of it: a temporary file in the
/// same folder, fsync, rename, fsync of the folder. A failure removes the temporary file.
public enum AtomicFile {
    public struct WriteError: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "cannot write \(path): \(reason)" }

        public init(path: String, reason: String) {
            self.path = path
            self.reason = reason
        }
    }

    /// `durable: false` leaves out the two fsyncs: readers still see all or nothing (the rename),
    /// but a power cut may keep the previous version; for files that are only a convenience (the
    /// studio's state), so the disk is not flushed while pictures are being made.
    public static func write(_ data: Data, to url: URL, durable: Bool = true) throws {
        let folder = url.deletingLastPathComponent()
        do { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
            throw WriteError(path: folder.path, reason: "cannot create the folder (\(error.localizedDescription))")
        }
        let temp = folder.appendingPathComponent(TemporaryFileName.make(for: url.lastPathComponent))
        let fd = open(temp.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else { throw WriteError(path: url.path, reason: String(cString: strerror(errno))) }
        var ok = false
        defer {
            if !ok { unlink(temp.path) }
        }
        let written = data.withUnsafeBytes { raw -> Int in
            var offset = 0
            while offset < raw.count {
                let n = Foundation.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n <= 0 { return offset }
                offset += n
            }
            return offset
        }
        let reason = String(cString: strerror(errno))
        guard written == data.count, !durable || fsync(fd) == 0 else {
            close(fd)
            throw WriteError(path: url.path, reason: reason)
        }
        close(fd)
        guard rename(temp.path, url.path) == 0 else {
            throw WriteError(path: url.path, reason: String(cString: strerror(errno)))
        }
        ok = true
        guard durable else { return }
        let dir = open(folder.path, O_RDONLY)
        if dir >= 0 {
            fsync(dir)
            close(dir)
        }
    }
}
