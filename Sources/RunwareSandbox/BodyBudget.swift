import Foundation
import Hummingbird
import NIOCore
import RunwareAPI
import Synchronization

/// The bytes of request bodies the server holds at once, across all connections. A body is
/// charged from its first byte (or its whole `Content-Length` up front) until its reply is made,
/// so many large bodies arriving together are refused instead of growing memory without bound.
final class BodyBudget: Sendable {
    /// Bytes held by all bodies at most.
    let limit: Int
    /// Bytes one body may have at most.
    let perBody: Int
    private let held = Mutex(0)

    init(limit: Int, perBody: Int) {
        self.limit = limit
        // A single body that is allowed must always fit once the others are done.
        self.perBody = min(perBody, limit)
    }

    /// Bytes held now.
    var inFlight: Int { held.withLock { $0 } }

    /// Collects `body` within the budget and hands it to `handle`, keeping it charged until that
    /// returns; answers 413 for a body over `perBody` and 503 when the budget has no room for it.
    func withBody(_ body: RequestBody, declaredLength: Int?,
                  _ handle: (Data) async -> SandboxReply) async throws -> SandboxReply {
        var charged = 0
        defer { release(charged) }
        if let declaredLength {
            guard declaredLength <= perBody else { return .bodyTooLarge(perBody) }
            guard reserve(declaredLength) else { return .bodiesOverCapacity }
            charged = declaredLength
        }
        var collected = ByteBuffer()
        for try await part in body {
            let size = collected.readableBytes + part.readableBytes
            guard size <= perBody else { return .bodyTooLarge(perBody) }
            if size > charged {
                guard reserve(size - charged) else { return .bodiesOverCapacity }
                charged = size
            }
            collected.writeImmutableBuffer(part)
        }
        let data = Data(collected.readableBytesView)
        collected = ByteBuffer()
        return await handle(data)
    }

    private func reserve(_ bytes: Int) -> Bool {
        held.withLock { held in
            guard held + bytes <= limit else { return false }
            held += bytes
            return true
        }
    }

    private func release(_ bytes: Int) {
        held.withLock { $0 -= bytes }
    }
}

extension SandboxReply {
    /// 413: one body larger than the sandbox accepts.
    static func bodyTooLarge(_ limit: Int) -> SandboxReply {
        .errors(413, [APIErrorObject(code: "payloadTooLarge",
                                     message: "The request body is larger than \(limit) bytes.")])
    }

    /// 503: too many bytes of other bodies being received at once; retry shortly.
    static var bodiesOverCapacity: SandboxReply {
        var reply = SandboxReply.errors(503, [APIErrorObject(
            code: "noAvailableServer",
            message: "Temporary capacity limit reached: too many large request bodies at once. Retry shortly.")])
        reply.headers.append(("Retry-After", "1"))
        return reply
    }
}
