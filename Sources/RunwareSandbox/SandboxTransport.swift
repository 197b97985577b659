import Foundation
import RunwareAPI

/// A `Transport` that hands each request straight to a sandbox engine in this process: no
/// socket, no HTTP parser, as Hummingbird's `.router` test mode does. The API client, the job
/// runner and the studio run on it unchanged, so their tests and the bench need no port and no
/// server thread. What only a socket shows (timeouts, broken connections, trickled bytes, the
/// WebSocket) stays with the sandbox's own tests, the CLI's and the end-to-end ones.
package struct SandboxTransport: Transport {
    /// Where the engine's result URLs point; never a network address (`.invalid` by RFC 2606).
    package static let base = "http://sandbox.invalid"
    package let engine: SandboxEngine

    package init(engine: SandboxEngine) {
        self.engine = engine
        engine.setBaseURL(Self.base)
    }

    /// The API endpoint a `RunwareClient` on this transport uses.
    package var endpoint: String { Self.base + "/v1" }

    package func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        if Task.isCancelled { throw TransportError.cancelled }
        guard request.url.hasPrefix(Self.base + "/") else {
            throw TransportError.connectionFailed("\(request.url.prefix(80)) is not the sandbox in this process")
        }
        let path = request.url.dropFirst(Self.base.count).split(separator: "?", maxSplits: 1).first.map(String.init) ?? "/"
        let header = { (name: String) in request.headers.first { $0.0.lowercased() == name.lowercased() }?.1 }
        switch (request.method, path) {
        case ("POST", "/v1"):
            let authorization = header("Authorization"), body = request.body ?? Data()
            let reply: SandboxReply
            switch engine.checkKey(authorization: authorization) {
            case .refused(let refusal):
                reply = engine.refused(refusal)
            case .headerKey:
                reply = await engine.handle(body: body, authorization: authorization, faultHeader: header(Fault.header))
            case .keyInBody:
                if let refusal = engine.checkAuthenticationTask(inPrefix: body.prefix(engine.settings.limits.unauthenticatedBytes)) {
                    reply = engine.refused(refusal)
                } else {
                    reply = await engine.handle(body: body, authorization: authorization, faultHeader: header(Fault.header))
                }
            }
            return try Self.response(reply)
        case ("GET", let p) where p.hasPrefix("/image/"):
            guard let (bytes, type) = engine.servedImage(named: String(p.dropFirst("/image/".count))) else {
                return try Self.response(.errors(404, [APIErrorObject(code: "imageNotFound", message: "The image does not exist or has expired.")]))
            }
            return HTTPResponse(status: 200, headers: ["content-type": type], body: bytes)
        case ("GET", let p) where p.hasPrefix("/models/") && p.hasSuffix("/pricing"):
            let id = String(p.dropFirst("/models/".count).dropLast("/pricing".count)).removingPercentEncoding ?? ""
            guard let pricing = SandboxEngine.pricing(modelID: id), let body = try? RunwareJSON.encode(pricing) else {
                return HTTPResponse(status: 404, headers: ["content-type": "application/json"], body: Data(#"{"error":"no pricing for this model"}"#.utf8))
            }
            return HTTPResponse(status: 200, headers: ["content-type": "application/json"], body: body)
        case ("GET", "/health"):
            return HTTPResponse(status: 200, body: Data("ok".utf8))
        default:
            return HTTPResponse(status: 404, body: Data())
        }
    }

    /// The reply as the client would read it off the wire, with the faults that shape bytes.
    static func response(_ reply: SandboxReply) throws -> HTTPResponse {
        var headers = Dictionary(reply.headers.map { ($0.0.lowercased(), $0.1) }, uniquingKeysWith: { _, last in last })
        var status = reply.status, body = reply.body
        for fault in reply.faults {
            switch fault {
            case .truncate: body = body.prefix(max(1, body.count / 2))
            case .malformed: body = Data("{\"data\": [{\"taskType\": imageInference, oops}".utf8)
            case .html:
                status = 502
                headers["content-type"] = "text/html; charset=utf-8"
                body = Data("<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>".utf8)
            case .drop: throw TransportError.interrupted("the sandbox dropped the connection mid-body")
            case .trickle, .delay, .status, .partial: continue
            }
        }
        return HTTPResponse(status: status, headers: headers, body: body)
    }
}
