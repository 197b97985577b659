import Foundation
import History
import Synchronization
import TerminalUI

/// The small file the studio comes back from (`$XDG_STATE_HOME/darkroom/studio.json`): read once
/// at start, written atomically while the studio runs (at most once a second, off the UI
/// thread) and as it ends. A damaged file is named and ignored, never a reason not to start.
package final class StudioStateFile: Sendable {
    package let url: URL
    private let minimumInterval: Duration
    private let queue = DispatchQueue(label: "darkroom.state-file")
    private struct Progress {
        var offered: StudioSnapshot?
        var written: StudioSnapshot?
        var lastWrite: ContinuousClock.Instant?
        var failureSaid = false
    }
    private let progress = Mutex(Progress())

    package init(url: URL, minimumInterval: Duration = .seconds(1)) {
        self.url = url
        self.minimumInterval = minimumInterval
    }

    /// What reading found: a snapshot, nothing (first start), or a file that could not be used.
    package enum Reading: Sendable, Equatable {
        case none
        case snapshot(StudioSnapshot)
        /// Said on the status line: the path and what is wrong with it.
        case damaged(String)
    }

    /// The largest state file that is read (1 MiB): the draft, within the parameter table's
    /// sizes, and 48 results take a few kilobytes. A 20 MB prompt in it once held the first frame
    /// for 20 s at 983 MB.
    package static let maxBytes = 1 << 20

    package func read() -> Reading {
        var info = stat()
        if stat(url.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size > Self.maxBytes {
            return .damaged(problem("is \(info.st_size) bytes, over the limit of \(Self.maxBytes) for a studio state file"))
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return FileManager.default.fileExists(atPath: url.path) ? .damaged(problem("cannot be read")) : .none
        }
        if data.count > Self.maxBytes {
            return .damaged(problem("is over the limit of \(Self.maxBytes) bytes for a studio state file"))
        }
        guard let version = (try? JSONDecoder().decode(Version.self, from: data))?.version else {
            return .damaged(problem("is not a studio state file"))
        }
        guard version == StudioSnapshot.version else {
            return .damaged(problem("is version \(version), this darkroom writes \(StudioSnapshot.version)"))
        }
        do { return .snapshot(try JSONDecoder().decode(StudioSnapshot.self, from: data)) } catch {
            return .damaged(problem("is damaged (\(error.localizedDescription))"))
        }
    }

    private struct Version: Decodable { var version: Int }

    private func problem(_ what: String) -> String {
        SafeText.line("ignored \(url.path): it \(what); the studio starts fresh and will write it again")
    }

    /// The state after a turn of the loop. Written when it changed, unless the last write was
    /// under `minimumInterval` ago (then a later offer writes it). `failed` hears the first
    /// write that fails, once.
    package func offer(_ snapshot: StudioSnapshot, failed: @escaping @Sendable (String) -> Void) {
        let now = ContinuousClock.now
        let due = progress.withLock { p -> Bool in
            guard snapshot != p.written, snapshot != p.offered else { return false }
            if let last = p.lastWrite, now - last < minimumInterval { return false }
            p.offered = snapshot
            p.lastWrite = now
            return true
        }
        guard due else { return }
        queue.async { [self] in
            if let error = write(snapshot) { failed(error) }
        }
    }

    /// Writes the last state now (the studio is ending), after any write under way.
    package func flush(_ snapshot: StudioSnapshot) -> String? {
        queue.sync { write(snapshot) }
    }

    /// Nil when written; else what went wrong, the first time only.
    private func write(_ snapshot: StudioSnapshot) -> String? {
        if progress.withLock({ $0.written == snapshot }) { return nil }
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            try AtomicFile.write(try encoder.encode(snapshot), to: url, durable: false)
            progress.withLock { $0.written = snapshot }
            return nil
        } catch {
            let first = progress.withLock { p -> Bool in
                defer { p.failureSaid = true }
                return !p.failureSaid
            }
            return first ? SafeText.line("the studio's state is not kept: \(error)") : nil
        }
    }
}
