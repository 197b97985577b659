import Foundation

/// Blocking or CPU-heavy work (decoding and encoding pictures, sweep sheets, SQLite reads) on a
/// fixed set of threads of its own, never on Swift's cooperative pool: on two cores that pool has
/// two threads, and a few synchronous thumbnails in `Task.detached` held both, so nothing else in
/// the process (the sandbox's answers, the studio's events) ran until they were done.
///
/// Jobs wait in three queues: `.inOrder` ones (someone waits for each: a History page, a sweep
/// sheet) go first, oldest first; `.newestFirst` ones (thumbnails) next, the newest first, so what
/// was just scrolled to is drawn before what was scrolled past; `.background` ones (the sandbox's
/// pictures, which stand for a server far away) last, oldest first. A job whose task is cancelled
/// before it starts never runs (it throws `CancellationError`).
package final class BlockingWorker: @unchecked Sendable {
    package enum Order: Sendable { case inOrder, newestFirst, background }

    /// The process's worker: as many threads as cores (at least two).
    package static let shared = BlockingWorker(threads: max(2, ProcessInfo.processInfo.activeProcessorCount))

    private struct Job {
        var id: UInt64
        var run: () -> Void
        var cancel: () -> Void
    }

    private let condition = NSCondition()
    private var inOrder: [Job] = []
    private var newestFirst: [Job] = []
    private var background: [Job] = []
    /// Ids cancelled before they were queued (the cancellation handler can run first).
    private var cancelledEarly: Set<UInt64> = []
    private var nextID: UInt64 = 0
    private var running = 0

    package init(threads: Int) {
        for n in 0..<max(1, threads) {
            let thread = Thread { [self] in
                Thread.current.name = "dr-worker-\(n)"
                Thread.current.threadDictionary[Self.marker] = true
                loop()
            }
            // Decoders and encoders keep large frames on the stack.
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    /// Runs `work` on one of the worker's threads and gives back its value or error.
    package func run<T: Sendable>(_ order: Order = .inOrder, _ work: @escaping @Sendable () throws -> T) async throws -> T {
        let id = condition.withLock { () -> UInt64 in
            nextID += 1
            return nextID
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, Error>) in
                let job = Job(id: id, run: { continuation.resume(with: Result { try work() }) },
                              cancel: { continuation.resume(throwing: CancellationError()) })
                condition.lock()
                if cancelledEarly.remove(id) != nil {
                    condition.unlock()
                    job.cancel()
                    return
                }
                switch order {
                case .inOrder: inOrder.append(job)
                case .newestFirst: newestFirst.append(job)
                case .background: background.append(job)
                }
                condition.signal()
                condition.unlock()
            }
        } onCancel: {
            condition.lock()
            var removed: Job?
            if let i = inOrder.firstIndex(where: { $0.id == id }) {
                removed = inOrder.remove(at: i)
            } else if let i = newestFirst.firstIndex(where: { $0.id == id }) {
                removed = newestFirst.remove(at: i)
            } else if let i = background.firstIndex(where: { $0.id == id }) {
                removed = background.remove(at: i)
            } else {
                // Not queued yet (or already running, when this mark is never read).
                cancelledEarly.insert(id)
            }
            condition.unlock()
            removed?.cancel()
        }
    }

    private static let marker = "darkroom.blocking-worker"

    /// Whether the calling code runs on a worker's thread.
    package static var onWorkerThread: Bool { Thread.current.threadDictionary[marker] as? Bool == true }

    /// Jobs waiting and running now (for tests and the bench).
    package var load: (waiting: Int, running: Int) {
        condition.withLock { (inOrder.count + newestFirst.count + background.count, running) }
    }

    private func loop() {
        while true {
            condition.lock()
            while inOrder.isEmpty && newestFirst.isEmpty && background.isEmpty { condition.wait() }
            let job = !inOrder.isEmpty ? inOrder.removeFirst() : !newestFirst.isEmpty ? newestFirst.removeLast() : background.removeFirst()
            running += 1
            condition.unlock()
            job.run()
            condition.lock()
            running -= 1
            // A mark left for a job that ran before its cancellation arrived is dropped.
            cancelledEarly.remove(job.id)
            condition.unlock()
        }
    }
}
