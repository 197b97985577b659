import Foundation
import Hummingbird
import NIOCore
import RunwareAPI
import Synchronization

/// The bytes of request bodies and WebSocket messages the server holds at once, across all
/// connections. A body is charged from its first byte (or its whole `Content-Length` up front)
/// until its reply is made, so many large bodies arriving together are refused instead of growing
/// memory without bound. A WebSocket frame is charged from its header (`WebSocketAllowance`).
final class BodyBudget: Sendable {
    /// Bytes held by all bodies at most.
    let limit: Int
    /// Bytes one body may have at most.
    let perBody: Int
    private let held = Mutex(Held())

    private struct Held {
        var now = 0
        var peak = 0
    }

    /// What a body must show before more of it is read: its request had no key in its headers,
    /// so the first `prefixBytes` (or all of it, if shorter) must hold one. `check` answers the
    /// refusal, or nil to read the rest.
    struct Admission {
        var prefixBytes: Int
        var check: (Data) -> SandboxReply?
    }

    init(limit: Int, perBody: Int) {
        self.limit = limit
        // A single body that is allowed must always fit once the others are done.
        self.perBody = min(perBody, limit)
    }

    /// Bytes held now.
    var inFlight: Int { held.withLock { $0.now } }

    /// The most bytes held at once since the server started.
    var peak: Int { held.withLock { $0.peak } }

    /// Collects `body` within the budget and hands it to `handle`, keeping it charged until that
    /// returns; answers 413 for a body over `perBody` and 503 when the budget has no room for it.
    /// With an `admission`, nothing beyond its prefix is read or reserved until it passes.
    func withBody(_ body: RequestBody, declaredLength: Int?, admission: Admission? = nil,
                  _ handle: (Data) async -> SandboxReply) async throws -> SandboxReply {
        var charged = 0
        defer { release(charged) }
        if let declaredLength, declaredLength > perBody { return .bodyTooLarge(perBody) }
        var admitted = admission == nil
        /// Reserves the declared length once the body is admitted.
        func reserveDeclared() -> Bool {
            guard let declaredLength, declaredLength > charged else { return true }
            guard reserve(declaredLength - charged) else { return false }
            charged = declaredLength
            return true
        }
        if admitted, !reserveDeclared() { return .bodiesOverCapacity }
        var collected = ByteBuffer()
        for try await part in body {
            let size = collected.readableBytes + part.readableBytes
            guard size <= perBody else { return .bodyTooLarge(perBody) }
            if size > charged {
                guard reserve(size - charged) else { return .bodiesOverCapacity }
                charged = size
            }
            collected.writeImmutableBuffer(part)
            if !admitted, let admission, collected.readableBytes >= admission.prefixBytes {
                if let refusal = admission.check(Data(collected.readableBytesView.prefix(admission.prefixBytes))) { return refusal }
                admitted = true
                guard reserveDeclared() else { return .bodiesOverCapacity }
                if let declaredLength { collected.reserveCapacity(declaredLength) }
            }
        }
        if !admitted, let admission, let refusal = admission.check(Data(collected.readableBytesView)) { return refusal }
        let data = Data(collected.readableBytesView)
        collected = ByteBuffer()
        return await handle(data)
    }

    /// Takes `bytes` from the budget if they fit.
    func reserve(_ bytes: Int) -> Bool {
        held.withLock { held in
            guard held.now + bytes <= limit else { return false }
            held.now += bytes
            held.peak = max(held.peak, held.now)
            return true
        }
    }

    func release(_ bytes: Int) {
        held.withLock { $0.now -= bytes }
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
