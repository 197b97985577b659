import Foundation
import GRDB

/// Facts about the History file itself, found before it is opened for writing: whether it can
/// be opened at all, whether its pages are sound, and what a SQLite error says about it.
enum HistoryFile {
    /// Why the file (or the folder that would hold it) cannot be used, or `nil`.
    static func unusableReason(_ path: String) -> String? {
        let folder = (path as NSString).deletingLastPathComponent
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
            if isFolder.boolValue { return "it is a folder" }
            if access(path, R_OK | W_OK) != 0 { return "it is \(access(path, R_OK) == 0 ? "read-only" : "not readable") (\(reason(errno)))" }
            if access(folder, W_OK) != 0 { return "its folder \(folder) is read-only (\(reason(errno))); SQLite needs to write its journal there" }
            return nil
        }
        do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
            return "cannot create the folder \(folder) (\(reason(for: error)))"
        }
        if access(folder, W_OK) != 0 { return "the folder \(folder) is read-only (\(reason(errno)))" }
        return nil
    }

    /// Runs `body` holding an exclusive `flock` on the History's folder. Not on the database file:
    /// SQLite's own locks there are POSIX locks, which closing any other descriptor of that file
    /// would drop. Waits for another Darkroom that is opening the same History.
    static func whileOpening<T>(_ path: String, _ body: () throws -> T) throws -> T {
        let folder = open((path as NSString).deletingLastPathComponent, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else { return try body() }
        defer { close(folder) }
        while flock(folder, LOCK_EX) != 0 && errno == EINTR {}
        defer { flock(folder, LOCK_UN) }
        return try body()
    }

    /// `PRAGMA quick_check` on a read-only connection (nothing is written, not even a journal
    /// mode change); the problems it lists, or none.
    static func quickCheck(_ path: String) throws -> [String] {
        // Another process may hold a lock for a moment (a checkpoint, a migration): wait for it.
        var attempt = 0
        while true {
            do { return try quickCheckOnce(path) } catch HistoryError.unavailable(_, let reason) where attempt < 50
                && (reason.contains("locked") || reason.contains("busy")) {
                attempt += 1
                usleep(100_000)
            }
        }
    }

    static func quickCheckOnce(_ path: String) throws -> [String] {
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(10)
        do {
            let queue = try DatabaseQueue(path: path, configuration: config)
            defer { try? queue.close() }
            let lines = try queue.read { db in try String.fetchAll(db, sql: "PRAGMA quick_check(20)") }
            return lines == ["ok"] ? [] : lines
        } catch let e as DatabaseError where e.resultCode == .SQLITE_CORRUPT {
            return [e.message ?? "database disk image is malformed"]
        } catch let e as DatabaseError where e.resultCode == .SQLITE_NOTADB {
            throw HistoryError.notADatabase(path: path, reason: e.message ?? "not a SQLite file")
        } catch let e as DatabaseError {
            throw classify(e, path: path)
        }
    }

    /// A SQLite error met while opening, as the History error a user can act on.
    static func classify(_ e: DatabaseError, path: String) -> HistoryError {
        let message = e.message ?? "\(e.resultCode)"
        switch e.resultCode {
        case .SQLITE_CORRUPT: return .damaged(path: path, problems: [message])
        case .SQLITE_NOTADB: return .notADatabase(path: path, reason: message)
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return .unavailable(path: path, reason: "the database is busy or locked by another process (\(message))")
        case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_FULL, .SQLITE_IOERR, .SQLITE_PERM, .SQLITE_AUTH:
            return .unavailable(path: path, reason: message)
        default: return .notADatabase(path: path, reason: message)
        }
    }

    /// Whether the volume holding `path` has (almost) no space left for an unprivileged writer.
    static func volumeIsFull(_ path: String) -> Bool {
        var fs = statvfs()
        guard statvfs((path as NSString).deletingLastPathComponent, &fs) == 0 else { return false }
        return UInt64(fs.f_bavail) * UInt64(fs.f_frsize) < 256 * 1024
    }

    static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }
    static func reason(for error: Error) -> String {
        if let posix = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError, posix.domain == NSPOSIXErrorDomain {
            return reason(Int32(posix.code))
        }
        return (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
    }
}

extension HistoryError {
    /// For a damaged file: how to copy what can still be read into a new file, keeping the old.
    package var recoverySteps: [String] {
        guard case .damaged(let path, _) = self else { return [] }
        let new = (path as NSString).deletingPathExtension + "-recovered.sqlite"
        return [
            "the file was left exactly as it is; to recover what can still be read into a new file, keeping the old one:",
            "  sqlite3 '\(path)' .recover | sqlite3 '\(new)'      (sqlite3 is Debian's package sqlite3)",
            "  mv '\(path)' '\(path).damaged'; mv '\(path)-wal' '\(path).damaged-wal' 2>/dev/null; rm -f '\(path)-shm'",
            "  mv '\(new)' '\(path)'",
        ]
    }
}
