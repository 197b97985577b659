import Foundation
import HummingbirdWebSocket
import RunwareAPI

/// Runware's WebSocket protocol on the sandbox's own port (`ws://HOST:PORT/v1`), the transport
/// the official SDKs and CLI use by default: the first frame is the `authentication` task (with a
/// `connectionSessionUUID` to resume), answered with the session's UUID; after it, every frame is
/// a task array answered with the same envelope as `POST /v1`, and `ping` with `pong`. Frames are
/// answered as their work ends, so a slow task never holds up a ping or a poll sent after it.
/// Until it authenticates a connection sends small messages only (`WebSocketAllowance`), and
/// `SandboxLimits.failedAuthenticationsPerConnection` failed tries close it (1008).
enum SandboxWebSocket {
    static func serve(_ inbound: WebSocketInboundStream, _ outbound: WebSocketOutboundWriter, engine: SandboxEngine,
                      allowance: WebSocketAllowance) async throws {
        defer { allowance.end() }
        let limits = engine.settings.limits
        var key: String?
        var failures = 0
        try await withThrowingTaskGroup(of: Void.self) { group in
            receiving: for try await message in inbound.messages(maxSize: limits.requestBodyBytes) {
                let size = message.byteCount
                guard let key else {
                    // Small (the allowance saw to it) and answered here.
                    defer { allowance.release(size) }
                    switch authenticate(message, engine: engine) {
                    case .refused(let error):
                        try await outbound.write(.text(errors([error])))
                        failures += 1
                        if failures >= limits.failedAuthenticationsPerConnection {
                            try await outbound.close(.policyViolation,
                                                     reason: "\(failures) failed authentications on this connection")
                            break receiving
                        }
                    case .authenticated(let session, let tasks):
                        key = engine.settings.apiKey
                        allowance.authenticated()
                        try await outbound.write(.text(encode(.object(["data": .array([.object([
                            "taskType": .string("authentication"), "connectionSessionUUID": .string(session),
                        ])])]))))
                        if !tasks.isEmpty {
                            let key = engine.settings.apiKey
                            group.addTask { try await outbound.write(.text(reply(await engine.handle(tasks: tasks, key: key)))) }
                        }
                    }
                    continue
                }
                guard case .text(let text) = message else {
                    allowance.release(size)
                    continue
                }
                switch engine.tasks(in: Data(text.utf8)) {
                case .refused(let refusal):
                    allowance.release(size)
                    try await outbound.write(.text(reply(refusal)))
                case .tasks(let tasks):
                    // Charged until answered, as a POST body is.
                    group.addTask {
                        defer { allowance.release(size) }
                        try await outbound.write(.text(reply(await engine.handle(tasks: tasks, key: key))))
                    }
                }
            }
            try await group.waitForAll()
        }
    }

    enum Authentication {
        /// The session's UUID, and the tasks sent after the authentication task in its message.
        case authenticated(session: String, tasks: [[String: JSONValue]])
        case refused(APIErrorObject)
    }

    /// A message before the connection has authenticated: its first task must be the
    /// authentication task with the sandbox's key.
    static func authenticate(_ message: WebSocketMessage, engine: SandboxEngine) -> Authentication {
        guard case .text(let text) = message, case .tasks(var tasks) = engine.tasks(in: Data(text.utf8)) else {
            return .refused(APIErrorObject(code: "invalidPayload", message: "A frame must be a JSON array of task objects."))
        }
        guard let first = tasks.first, first["taskType"]?.stringValue == "authentication" else {
            return .refused(APIErrorObject(code: "missingApiKey", message: "Authenticate first: send an authentication task with your apiKey.",
                                           parameters: ["apiKey"], taskType: "authentication"))
        }
        guard first["apiKey"]?.stringValue == engine.settings.apiKey else {
            return .refused(APIErrorObject(code: "invalidApiKey", message: "Invalid API key. Get one at https://my.runware.ai",
                                           parameters: ["apiKey"], taskType: "authentication"))
        }
        tasks.removeFirst()
        return .authenticated(session: first["connectionSessionUUID"]?.stringValue ?? TaskID.make(), tasks: tasks)
    }

    static func reply(_ reply: SandboxReply) -> String { String(decoding: reply.body, as: UTF8.self) }

    static func errors(_ list: [APIErrorObject]) -> String { encode(.object(["errors": JSONValue.from(list)])) }

    static func encode(_ value: JSONValue) -> String {
        (try? RunwareJSON.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}

extension WebSocketMessage {
    /// The bytes of its payload, as its frames were charged.
    var byteCount: Int {
        switch self {
        case .text(let text): text.utf8.count
        case .binary(let buffer): buffer.readableBytes
        }
    }
}
