import Foundation

/// Writes a file so that readers see either nothing or the whole of it: a temporary file in the
/// same folder, fsync, rename, fsync of the folder. A failure removes the temporary file.
package enum AtomicFile {
    package struct WriteError: Error, Sendable, CustomStringConvertible {
        package var path: String
        package var reason: String
        package var description: String { "cannot write \(path): \(reason)" }

        package init(path: String, reason: String) {
            self.path = path
            self.reason = reason
        }
    }

    /// Writes `data` under `url`'s name, or the first of `alternative(2)`, `alternative(3)`, … that
    /// no file has: never replaces a file (the temporary file is linked in, which fails on an
    /// existing name). A file already there with exactly these bytes is the same image written
    /// before (a job collected again after a kill) and is answered as it is. Answers where it is.
    package static func writeNew(_ data: Data, to url: URL, alternative: (Int) -> URL) throws -> URL {
        let folder = url.deletingLastPathComponent()
        let temp = folder.appendingPathComponent(TemporaryFileName.make(for: url.lastPathComponent))
        try write(data, to: temp)
        defer { unlink(temp.path) }
        for attempt in 1...10_000 {
            let candidate = attempt == 1 ? url : alternative(attempt)
            if link(temp.path, candidate.path) == 0 {
                syncFolder(folder)
                return candidate
            }
            let failure = errno
            if failure == EEXIST {
                var info = stat()
                if stat(candidate.path, &info) == 0, Int(info.st_size) == data.count,
                   FileManager.default.contents(atPath: candidate.path) == data { return candidate }
                continue
            }
            // A file system without hard links (FAT, some network mounts): create the name
            // exclusively and write into it; a reader may see it grow, but nothing is replaced.
            guard failure == EPERM || failure == EOPNOTSUPP || failure == EXDEV || failure == EMLINK else {
                throw WriteError(path: candidate.path, reason: String(cString: strerror(failure)))
            }
            let fd = open(candidate.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
            if fd < 0 {
                if errno == EEXIST { continue }
                throw WriteError(path: candidate.path, reason: String(cString: strerror(errno)))
            }
            let complete = writeAll(data, to: fd) && fsync(fd) == 0
            let reason = String(cString: strerror(errno))
            close(fd)
            guard complete else {
                unlink(candidate.path)
                throw WriteError(path: candidate.path, reason: reason)
            }
            syncFolder(folder)
            return candidate
        }
        throw WriteError(path: url.path, reason: "10,000 files with this name and its variants are already there")
    }

    static func writeAll(_ data: Data, to fd: Int32) -> Bool {
        data.withUnsafeBytes { raw -> Bool in
            var offset = 0
            while offset < raw.count {
                let n = Foundation.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n <= 0 { return false }
                offset += n
            }
            return true
        }
    }

    static func syncFolder(_ folder: URL) {
        let dir = open(folder.path, O_RDONLY)
        if dir >= 0 {
            fsync(dir)
            close(dir)
        }
    }

    /// `durable: false` leaves out the two fsyncs: readers still see all or nothing (the rename),
    /// but a power cut may keep the previous version; for files that are only a convenience (the
    /// studio's state), so the disk is not flushed while pictures are being made.
    package static func write(_ data: Data, to url: URL, durable: Bool = true) throws {
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
        let complete = writeAll(data, to: fd)
        let reason = String(cString: strerror(errno))
        guard complete, !durable || fsync(fd) == 0 else {
            close(fd)
            throw WriteError(path: url.path, reason: reason)
        }
        close(fd)
        guard rename(temp.path, url.path) == 0 else {
            throw WriteError(path: url.path, reason: String(cString: strerror(errno)))
        }
        ok = true
        if durable { syncFolder(folder) }
    }
}
