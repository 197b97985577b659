import Foundation
import HTTPTypes
import Hummingbird
import Logging
import Synchronization

/// A loopback HTTP server that records every POST and PUT (webhooks, upload endpoints).
package final class Receiver: Sendable {
    package struct Hit: Sendable {
        package var method: String
        package var path: String
        package var contentType: String?
        package var body: Data
    }

    private let hits = Mutex<[Hit]>([])
    private let task = Mutex<Task<Void, Never>?>(nil)
    package private(set) nonisolated(unsafe) var port = 0
    /// How many requests, from the first, are answered 404 (a receiver not ready yet).
    private let refusing: Int

    package init(refusing: Int = 0) { self.refusing = refusing }

    package var received: [Hit] { hits.withLock { $0 } }

    package func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    package func start() async throws {
        let router = Router()
        let record: @Sendable (Request) async throws -> Response = { [self] request in
            let body = try await request.body.collect(upTo: 64 << 20)
            let count = self.hits.withLock {
                $0.append(Hit(method: request.method.rawValue, path: request.uri.path,
                              contentType: request.headers[.contentType], body: Data(body.readableBytesView)))
                return $0.count
            }
            return Response(status: count <= self.refusing ? .notFound : .ok)
        }
        router.post("/**") { request, _ in try await record(request) }
        router.put("/**") { request, _ in try await record(request) }
        var logger = Logger(label: "receiver")
        logger.logLevel = .critical
        let started = AsyncStream<Int>.makeStream()
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                              onServerRunning: { channel in
                                  started.continuation.yield(channel.localAddress?.port ?? 0)
                                  started.continuation.finish()
                              }, logger: logger)
        let t = Task { _ = try? await app.run() }
        task.withLock { $0 = t }
        for await p in started.stream { port = p }
    }

    package func stop() async {
        let t = task.withLock { $0 }
        t?.cancel()
        await t?.value
    }

    /// Waits (polling, bounded) until `count` hits arrived.
    package func wait(for count: Int, timeout: Duration = .seconds(10)) async -> [Hit] {
        let deadline = ContinuousClock.now + timeout
        while received.count < count && ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(10)) }
        return received
    }
}
