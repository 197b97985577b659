import BlockingWork
import Foundation
import Testing

/// The bounded worker: work runs on its own threads (never the cooperative pool), waiting jobs
/// go in their order, and a job cancelled before it starts never runs.
@Suite struct BlockingWorkerTests {
    /// Names written from the worker's threads, read by the test.
    final class Log: @unchecked Sendable {
        private let lock = NSLock()
        private var names: [String] = []
        func append(_ name: String) { lock.withLock { names.append(name) } }
        var all: [String] { lock.withLock { names } }
    }

    @Test func workRunsOffThePoolAndGivesBackItsValueOrError() async throws {
        let worker = BlockingWorker(threads: 2)
        #expect(try await worker.run { BlockingWorker.onWorkerThread })
        #expect(!BlockingWorker.onWorkerThread)
        struct Broken: Error {}
        await #expect(throws: Broken.self) { try await worker.run { () throws -> Int in throw Broken() } }
    }

    @Test func aBusyWorkerStillAnswersThePool() async throws {
        // Both of the worker's threads blocked: the cooperative pool still runs other tasks.
        let worker = BlockingWorker(threads: 2)
        let gate = DispatchSemaphore(value: 0)
        let blocked = (0..<2).map { _ in Task { try await worker.run { gate.wait() } } }
        while worker.load.running < 2 { try await Task.sleep(for: .milliseconds(1)) }
        let answered = await Task.detached { 42 }.value
        #expect(answered == 42)
        gate.signal(); gate.signal()
        for task in blocked { try await task.value }
    }

    @Test func waitingJobsRunInOrderThenNewestFirstThenInTheBackground() async throws {
        let worker = BlockingWorker(threads: 1)
        let gate = DispatchSemaphore(value: 0)
        let first = Task { try await worker.run { gate.wait() } }
        while worker.load.running < 1 { try await Task.sleep(for: .milliseconds(1)) }
        let order = Log()
        var tasks: [Task<Void, Error>] = []
        for name in ["thumb 1", "thumb 2", "thumb 3"] {
            tasks.append(Task { try await worker.run(.newestFirst) { order.append(name) } })
            while worker.load.waiting < tasks.count { try await Task.sleep(for: .milliseconds(1)) }
        }
        tasks.append(Task { try await worker.run(.background) { order.append("sandbox picture") } })
        while worker.load.waiting < tasks.count { try await Task.sleep(for: .milliseconds(1)) }
        tasks.append(Task { try await worker.run(.inOrder) { order.append("page") } })
        while worker.load.waiting < tasks.count { try await Task.sleep(for: .milliseconds(1)) }
        gate.signal()
        try await first.value
        for task in tasks { try await task.value }
        #expect(order.all == ["page", "thumb 3", "thumb 2", "thumb 1", "sandbox picture"])
    }

    @Test func aJobCancelledBeforeItStartsNeverRuns() async throws {
        let worker = BlockingWorker(threads: 1)
        let gate = DispatchSemaphore(value: 0)
        let first = Task { try await worker.run { gate.wait() } }
        while worker.load.running < 1 { try await Task.sleep(for: .milliseconds(1)) }
        let ran = Log()
        let doomed = Task { try await worker.run { ran.append("ran") } }
        while worker.load.waiting < 1 { try await Task.sleep(for: .milliseconds(1)) }
        doomed.cancel()
        await #expect(throws: CancellationError.self) { try await doomed.value }
        #expect(worker.load.waiting == 0)
        gate.signal()
        try await first.value
        _ = try await worker.run { 0 }  // the worker goes on
        #expect(ran.all.isEmpty)
        // Cancelled before it was even asked for: it throws at once and never runs.
        let early = Task { () async throws -> Bool in
            withUnsafeCurrentTask { $0?.cancel() }
            return try await worker.run { true }
        }
        await #expect(throws: CancellationError.self) { try await early.value }
    }
}
