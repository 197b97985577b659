import BlockingWork
import Foundation
import Generation
import History
import Preview
import RunwareAPI
import Synchronization
import TerminalUI

/// What the shell needs from outside: the job runner, the thumbnailer, History's spend and the
/// account's balance.
package protocol ShellPort: Sendable {
    /// Runs one job to the end; throws `JobFailure`.
    func run(_ request: ImageInferenceRequest, parent: JobParent?, events: @escaping @Sendable (JobEvent) -> Void) async throws
    func thumbnail(_ key: ThumbnailKey) throws -> CellGrid
    func spendToday() throws -> Double
    /// The account's balance in USD (`accountManagement`), nil when the API gives none.
    func balance() async throws -> Double?
}

/// Runs the shell's effects that need no terminal: jobs (each cancellable by its studio id),
/// thumbnails on the bounded worker, newest first, and the status line's figures.
package final class ShellRunner: Sendable {
    package let port: any ShellPort
    private let jobs = Mutex<[Int: Task<Void, Never>]>([:])

    package init(port: any ShellPort) { self.port = port }

    /// Runs `effect` and returns when every answer has been given (a job's, when it ends).
    package func perform(_ effect: StudioEffect, answer: @escaping @Sendable (StudioEvent) -> Void) async {
        let port = self.port
        switch effect {
        case .run(let id, let request, let parent):
            let task = Task {
                do {
                    try await port.run(request, parent: parent) { event in answer(.job(id: id, event)) }
                    answer(.jobEnded(id: id, failure: nil, cancelled: false))
                } catch JobFailure.cancelled {
                    answer(.jobEnded(id: id, failure: nil, cancelled: true))
                } catch {
                    answer(.jobEnded(id: id, failure: SafeText.line("\(error)"), cancelled: false))
                }
            }
            jobs.withLock { $0[id] = task }
            await task.value
            jobs.withLock { _ = $0.removeValue(forKey: id) }
        case .cancel(let id):
            jobs.withLock { $0[id] }?.cancel()
        case .thumbnail(let key):
            // On the bounded worker, newest first: what was just scrolled to is drawn first.
            do { answer(.thumbnail(key, try await BlockingWorker.shared.run(.newestFirst) { try port.thumbnail(key) })) } catch {
                answer(.thumbnailFailed(key, reason: "\(error)"))
            }
        case .loadSpend, .refreshSpend:
            do { answer(.spendToday(try await BlockingWorker.shared.run { try port.spendToday() })) } catch {
                answer(.error("History: today's spend: \(error)"))
            }
            guard effect == .refreshSpend else { return }
            // The balance is the API's to say; one it cannot give leaves the line as it was.
            if let balance = try? await port.balance() { answer(.balance(balance)) }
        default:
            break
        }
    }
}

/// The shell's port on the real things: the job runner against the chosen target, History,
/// chafa thumbnails.
package struct LiveShellPort: ShellPort {
    package let runner: JobRunner
    package let history: HistoryStore?
    /// Where results are saved.
    package let folder: URL
    package let thumbnailer: Thumbnailer
    package let previewOptions: PreviewOptions
    let now: @Sendable () -> Date

    package init(runner: JobRunner, history: HistoryStore?, folder: URL, thumbnailer: Thumbnailer, previewOptions: PreviewOptions,
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.runner = runner
        self.history = history
        self.folder = folder
        self.thumbnailer = thumbnailer
        self.previewOptions = previewOptions
        self.now = now
    }

    package func run(_ request: ImageInferenceRequest, parent: JobParent?, events: @escaping @Sendable (JobEvent) -> Void) async throws {
        _ = try await runner.run(request, into: folder, parent: parent, events: events)
    }

    package func thumbnail(_ key: ThumbnailKey) throws -> CellGrid {
        try thumbnailer.cells(forFile: key.path, columns: key.columns, rows: key.rows, options: previewOptions)
    }

    package func spendToday() throws -> Double {
        guard let history else { return 0 }
        return try history.spend(since: Calendar.current.startOfDay(for: now()))
    }

    package func balance() async throws -> Double? {
        try await runner.client.accountDetails().balance
    }
}
