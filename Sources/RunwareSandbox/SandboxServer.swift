import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import HummingbirdWebSocket
import Logging
import NIOCore
import RunwareAPI
import Synchronization

/// The HTTP half of the sandbox on Hummingbird: `POST /v1` (the API), `GET /image/NAME` (URL
/// results and uploads, until their ttl), `GET /health`. Faults shape how reply bytes go out.
/// Request bodies, WebSocket messages and idle connections are bounded by the engine's
/// `SandboxLimits`; a request's key is checked before its body is read, and a refused key ends
/// its connection.
package final class SandboxServer: Sendable {
    package let engine: SandboxEngine
    private let bodies: BodyBudget
    private let running = Mutex<Task<Void, Never>?>(nil)
    private let boundPort = Mutex<Int?>(nil)

    package init(engine: SandboxEngine) {
        self.engine = engine
        let limits = engine.settings.limits
        self.bodies = BodyBudget(limit: limits.requestBodiesInFlightBytes, perBody: limits.requestBodyBytes)
    }

    package convenience init(settings: SandboxEngine.Settings) {
        self.init(engine: SandboxEngine(settings: settings))
    }

    package var port: Int? { boundPort.withLock { $0 } }
    package var endpoint: String? { port.map { "http://127.0.0.1:\($0)/v1" } }

    /// Bytes of request bodies and WebSocket messages held now, across all connections.
    package var bodyBytesInFlight: Int { bodies.inFlight }

    /// The most bytes of request bodies and WebSocket messages held at once since the start.
    package var bodyBytesPeak: Int { bodies.peak }

    /// Starts listening; `port` 0 lets the OS choose. Returns the bound port.
    @discardableResult
    package func start(host: String = "127.0.0.1", port: Int = 0) async throws -> Int {
        let router = Router()
        let engine = self.engine
        let bodies = self.bodies
        let limits = engine.settings.limits
        router.post("/v1") { request, _ -> Response in
            let declared = request.headers[.contentLength].flatMap { Int($0) }
            let handle = { (body: Data) in
                await engine.handle(body: body, authorization: request.headers[.authorization],
                                    faultHeader: request.headers[HTTPField.Name(Fault.header)!])
            }
            // The key first: a wrong one is refused before the body is read, and without one only
            // the start of the body is read, to find the authentication task.
            let reply: SandboxReply
            switch engine.checkKey(authorization: request.headers[.authorization]) {
            case .refused(let refusal):
                reply = engine.refused(refusal)
            case .headerKey:
                reply = try await bodies.withBody(request.body, declaredLength: declared, handle)
            case .keyInBody:
                let admission = BodyBudget.Admission(prefixBytes: limits.unauthenticatedBytes) { prefix in
                    engine.checkAuthenticationTask(inPrefix: prefix).map(engine.refused)
                }
                reply = try await bodies.withBody(request.body, declaredLength: declared, admission: admission, handle)
            }
            return Self.response(for: reply)
        }
        router.get("/image/:name") { _, context -> Response in
            let name = context.parameters.get("name") ?? ""
            guard let (bytes, type) = engine.servedImage(named: name) else {
                let reply = SandboxReply.errors(404, [APIErrorObject(code: "imageNotFound",
                                                                     message: "The image does not exist or has expired.")])
                return Self.response(for: reply)
            }
            return Response(status: .ok, headers: [.contentType: type], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        }
        router.get("/health") { _, _ in "ok" }
        // The content service's pricing path, as Runware's answers it (no key needed).
        router.get("/models/:id/pricing") { _, context -> Response in
            guard let pricing = SandboxEngine.pricing(modelID: context.parameters.get("id") ?? ""),
                  let body = try? RunwareJSON.encode(pricing) else {
                return Response(status: .notFound, headers: [.contentType: "application/json"],
                                body: .init(byteBuffer: ByteBuffer(string: #"{"error":"no pricing for this model"}"#)))
            }
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: body)))
        }

        var logger = Logger(label: "darkroom.sandbox")
        logger.logLevel = .critical
        let started = AsyncThrowingStream<Int, Error>.makeStream()
        let app = Application(
            router: router,
            // HTTP on every path, and Runware's WebSocket protocol on /v1 (SandboxWebSocket), with
            // a deadline for the first request's headers, the WebSocket gate, and an answer to a
            // first request that cannot be read (GuardedChannel); a response that says
            // `Connection: close` (a refused key) ends its connection (CloseAfterResponse).
            server: HTTPServerBuilder { responder in
                let idle = TimeAmount(limits.idleTimeout)
                let linger = min(idle, .seconds(2))
                let upgrading = HTTP1WebSocketUpgradeChannel(
                    responder: responder,
                    configuration: .init(http1: .init(additionalChannelHandlers: [CloseAfterResponse(linger: linger)], idleTimeout: idle),
                                         ws: .init(maxFrameSize: limits.requestBodyBytes))
                ) { request, channel, _ in
                    // Only a connection whose gate read the upgrade request (its first) is upgraded:
                    // from there the gate charges each frame before its payload is buffered.
                    guard request.path?.split(separator: "?").first == "/v1",
                          let gate = try? channel.pipeline.syncOperations.handler(type: WebSocketGate.self), gate.sawUpgrade else {
                        return .dontUpgrade
                    }
                    let allowance = gate.allowance
                    return .upgrade([:]) { inbound, outbound, _ in
                        try await SandboxWebSocket.serve(inbound, outbound, engine: engine, allowance: allowance)
                    }
                }
                return GuardedChannel(base: upgrading, timeout: idle, bodies: bodies, unauthenticatedBytes: limits.unauthenticatedBytes)
            },
            configuration: .init(address: .hostname(host, port: port), serverName: "darkroom-sandbox"),
            onServerRunning: { channel in
                started.continuation.yield(channel.localAddress?.port ?? 0)
                started.continuation.finish()
            },
            logger: logger)
        let task = Task {
            do { try await app.run() } catch { started.continuation.finish(throwing: error) }
            started.continuation.finish(throwing: CancellationError())
        }
        running.withLock { $0 = task }
        for try await bound in started.stream {
            boundPort.withLock { $0 = bound }
            engine.setBaseURL("http://\(host.contains(":") ? "[\(host)]" : host):\(bound)")
            return bound
        }
        throw CancellationError()
    }

    package func stop() async {
        let task = running.withLock { t -> Task<Void, Never>? in
            defer { t = nil }
            return t
        }
        task?.cancel()
        await task?.value
    }

    static func response(for reply: SandboxReply) -> Response {
        var headers = HTTPFields()
        for (name, value) in reply.headers { headers[HTTPField.Name(name)!] = value }
        let bytes = reply.body
        var status = HTTPTypes.HTTPResponse.Status(code: reply.status)
        var body = ResponseBody(byteBuffer: ByteBuffer(bytes: bytes))
        for fault in reply.faults {
            switch fault {
            case .truncate:
                body = ResponseBody(byteBuffer: ByteBuffer(bytes: bytes.prefix(max(1, bytes.count / 2))))
            case .malformed:
                body = ResponseBody(byteBuffer: ByteBuffer(string: "{\"data\": [{\"taskType\": imageInference, oops}"))
            case .html:
                status = .badGateway
                headers[.contentType] = "text/html; charset=utf-8"
                body = ResponseBody(byteBuffer: ByteBuffer(string:
                    "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>"))
            case .drop:
                body = ResponseBody(contentLength: bytes.count) { writer in
                    try await writer.write(ByteBuffer(bytes: bytes.prefix(bytes.count / 2)))
                    throw CancellationError()
                }
            case .trickle(let ms):
                body = ResponseBody(contentLength: bytes.count) { writer in
                    var offset = 0
                    while offset < bytes.count {
                        let end = min(bytes.count, offset + 256)
                        try await writer.write(ByteBuffer(bytes: bytes[offset..<end]))
                        offset = end
                        try await Task.sleep(for: .milliseconds(ms))
                    }
                    try await writer.finish(nil)
                }
            case .delay, .status, .partial:
                continue
            }
        }
        return Response(status: status, headers: headers, body: body)
    }
}
