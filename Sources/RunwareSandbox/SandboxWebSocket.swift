import Foundation
import HummingbirdWebSocket
import RunwareAPI

/// Runware's WebSocket protocol on the sandbox's own port (`ws://HOST:PORT/v1`), the transport
/// the official SDKs and CLI use by default: the first frame is the `authentication` task (with a
/// `connectionSessionUUID` to resume), answered with the session's UUID; after it, every frame is
/// a task array answered with the same envelope as `POST /v1`, and `ping` with `pong`. Frames are
/// answered as their work ends, so a slow task never holds up a ping or a poll sent after it.
enum SandboxWebSocket {
    /// The largest frame taken (a task array with inline images).
    static let maxFrame = 64 << 20

    static func serve(_ inbound: WebSocketInboundStream, _ outbound: WebSocketOutboundWriter, engine: SandboxEngine) async throws {
        var key: String?
        try await withThrowingTaskGroup(of: Void.self) { group in
            for try await message in inbound.messages(maxSize: maxFrame) {
                guard case .text(let text) = message else { continue }
                guard let json = try? JSONValue.parse(Data(text.utf8)), case .array(let tasks) = json else {
                    try await outbound.write(.text(errors([APIErrorObject(code: "invalidPayload",
                                                                          message: "A frame must be a JSON array of task objects.")])))
                    continue
                }
                var objects = tasks.compactMap(\.objectValue)
                if key == nil {
                    guard let first = objects.first, first["taskType"]?.stringValue == "authentication" else {
                        try await outbound.write(.text(errors([APIErrorObject(code: "missingApiKey",
                                                                              message: "Authenticate first: send an authentication task with your apiKey.",
                                                                              parameters: ["apiKey"], taskType: "authentication")])))
                        continue
                    }
                    guard first["apiKey"]?.stringValue == engine.settings.apiKey else {
                        try await outbound.write(.text(errors([APIErrorObject(code: "invalidApiKey",
                                                                              message: "Invalid API key. Get one at https://my.runware.ai",
                                                                              parameters: ["apiKey"], taskType: "authentication")])))
                        continue
                    }
                    key = engine.settings.apiKey
                    let session = first["connectionSessionUUID"]?.stringValue ?? TaskID.make()
                    try await outbound.write(.text(encode(.object(["data": .array([.object([
                        "taskType": .string("authentication"), "connectionSessionUUID": .string(session),
                    ])])]))))
                    objects.removeFirst()
                    if objects.isEmpty { continue }
                }
                guard let key, let body = try? RunwareJSON.encode(JSONValue.array(objects.map(JSONValue.object))) else { continue }
                group.addTask {
                    let reply = await engine.handle(body: body, authorization: "Bearer \(key)", faultHeader: nil)
                    try await outbound.write(.text(String(decoding: reply.body, as: UTF8.self)))
                }
            }
            try await group.waitForAll()
        }
    }

    static func errors(_ list: [APIErrorObject]) -> String { encode(.object(["errors": JSONValue.from(list)])) }

    static func encode(_ value: JSONValue) -> String {
        (try? RunwareJSON.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
