import Foundation

/// The names `AtomicFile` gives its temporary files: `.NAME.PID-TAG.tmp` (TAG: 8 hex digits), so a clean-up at
/// start-up can tell whose a file is and remove only those whose writer is gone. A live
/// process's half-written file is never touched (two `generate` runs share the images folder).
package enum TemporaryFileName {
    /// Files named before the owner was part of the name (`.NAME.TAG.tmp`) are removed only
    /// when they have not been written to for this long.
    package static let ownerlessAge: TimeInterval = 3600

    package static func make(for name: String, owner: Int32 = getpid()) -> String {
        let tag = String(UInt32.random(in: 0...UInt32.max), radix: 16)
        return ".\(name).\(owner)-\(String(repeating: "0", count: 8 - tag.count) + tag).tmp"
    }

    package enum Owner: Equatable, Sendable {
        case process(Int32)
        /// An older name that does not say whose it is.
        case unknown
    }

    /// Whose temporary file `name` is; `nil` when it is not one of ours.
    package static func owner(of name: String) -> Owner? {
        guard name.hasPrefix("."), name.hasSuffix(".tmp") else { return nil }
        let parts = name.dropFirst().dropLast(4).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 2, let tag = parts.last else { return nil }
        let pieces = tag.split(separator: "-")
        switch pieces.count {
        case 1 where isHexTag(pieces[0]): return .unknown
        case 2 where isHexTag(pieces[1]):
            guard let pid = Int32(pieces[0]), pid > 0 else { return nil }
            return .process(pid)
        default: return nil
        }
    }

    static func isHexTag(_ s: Substring) -> Bool { s.count == 8 && s.allSatisfy(\.isHexDigit) }

    /// Whether a clean-up may remove this file now: its writer is gone (or, for an ownerless
    /// name, it has been left alone for `ownerlessAge`).
    package static func isAbandoned(_ url: URL, now: Date = Date(), isAlive: (Int32) -> Bool = HistoryStore.processIsAlive) -> Bool {
        switch owner(of: url.lastPathComponent) {
        case nil: return false
        case .process(let pid)?: return !isAlive(pid)
        case .unknown?:
            let modified = (try? FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date) ?? nil
            return modified.map { now.timeIntervalSince($0) > ownerlessAge } ?? false
        }
    }
}

/// What a clean-up of temporary files did.
package struct TemporaryFileCleanup: Sendable, Equatable {
    package var removed: Int
    /// Abandoned files that could not be removed, each with why.
    package var failed: [FileRemovalFailure]

    package init(removed: Int = 0, failed: [FileRemovalFailure] = []) {
        self.removed = removed
        self.failed = failed
    }
}

extension TemporaryFileName {
    /// Removes the temporary files an interrupted atomic write left under `folder`, only those
    /// whose writing process is gone; a file that cannot be removed is named, never skipped silently.
    package static func removeAbandoned(under folder: URL) -> TemporaryFileCleanup {
        var cleanup = TemporaryFileCleanup()
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return cleanup }
        for case let url as URL in walker where isAbandoned(url) {
            if unlink(url.path) == 0 || errno == ENOENT {
                cleanup.removed += 1
            } else {
                cleanup.failed.append(FileRemovalFailure(path: url.path, reason: HistoryFile.reason(errno)))
            }
        }
        return cleanup
    }
}
