import Foundation
import RunwareAPI
import RunwareSandbox
import Testing
import TestSupport

/// A WebSocket connection sends small messages until it authenticates, a few failed tries close
/// it, and its messages are charged to the same body budget as POST bodies. The hostile frames
/// come from the tests' own client, never from the sandbox.
@Suite struct WebSocketBoundsTests {
    func settings(_ change: (inout SandboxLimits) -> Void = { _ in }) -> SandboxEngine.Settings {
        var settings = SandboxEngine.Settings(apiKey: SandboxHarness.key, asyncLatency: .milliseconds(30))
        change(&settings.limits)
        return settings
    }

    func connect(_ sandbox: SandboxHarness) async throws -> RawWebSocket {
        try await RawWebSocket(port: try #require(sandbox.server.port))
    }

    func authenticate(_ socket: RawWebSocket, key: String = SandboxHarness.key) async throws -> RawWebSocket.Event? {
        try socket.sendText(#"[{"taskType":"authentication","apiKey":"\#(key)"}]"#)
        return try await socket.next()
    }

    /// A ping task padded with an ignored field to exactly `size` bytes.
    func ping(size: Int) -> String {
        let head = #"[{"taskType":"ping","taskUUID":"p","padding":""#
        let tail = #""}]"#
        return head + String(repeating: "x", count: size - head.utf8.count - tail.utf8.count) + tail
    }

    func errorCode(_ event: RawWebSocket.Event?) throws -> String? {
        guard case .text(let text)? = event else { return nil }
        return try ResponseEnvelope<JSONValue>.decode(Data(text.utf8)).errors.first?.code
    }

    func eventually(within timeout: Duration = .seconds(30), _ condition: () -> Bool) async throws -> Bool {
        let deadline = ContinuousClock.now + timeout
        while !condition() {
            guard ContinuousClock.now < deadline else { return false }
            try await Task.sleep(for: .milliseconds(10))
        }
        return true
    }

    @Test func aLargeFrameBeforeAuthenticationClosesTheConnectionFromItsHeader() async throws {
        try await SandboxHarness.with(settings()) { sandbox in
            let socket = try await connect(sandbox)
            // The header of a 60 MB `[0,0,…]` text frame and its first kilobyte; the rest never
            // needs to be sent: the header alone decides.
            let start = Data(("[" + String(repeating: "0,", count: 512)).utf8)
            try socket.sendFrame(opcode: 1, payload: start, declaredLength: 60 << 20)
            let event = try await socket.next()
            guard case .close(let code, let reason)? = event else {
                Issue.record("expected a close frame, got \(String(describing: event))")
                return
            }
            #expect(code == 1009)
            #expect(reason.contains("authenticate first") && reason.contains("4096"))
            #expect(try await eventually { sandbox.server.bodyBytesInFlight == 0 })
        }
    }

    /// The red team's flood, at once: six connections with no key each start a 60 MB `[0,0,…]`
    /// text frame. Each is closed from its header, none of it is charged or parsed, and the
    /// sandbox goes on answering.
    @Test func aFloodOfLargeFramesWithoutAKeyHoldsNothing() async throws {
        try await SandboxHarness.with(settings()) { sandbox in
            let start = Data(("[" + String(repeating: "0,", count: 32_768)).utf8)
            var sockets: [RawWebSocket] = []
            for _ in 0..<6 {
                let socket = try await connect(sandbox)
                // The rest of the 60 MB is refused with the connection; sending it may fail.
                try? socket.sendFrame(opcode: 1, payload: start, declaredLength: 60 << 20)
                sockets.append(socket)
            }
            for socket in sockets {
                let events = try await socket.events()
                #expect(events.contains { if case .close(let code, _) = $0 { code == 1009 } else { false } }, "\(events)")
            }
            #expect(sandbox.server.bodyBytesPeak == 0)
            #expect(try await eventually { sandbox.server.bodyBytesInFlight == 0 })
            let health = "http://127.0.0.1:\(try #require(sandbox.server.port))/health"
            #expect(try await CurlTransport().send(HTTPRequest(method: "GET", url: health)).status == 200)
            guard case .text(let text)? = try await authenticate(try await connect(sandbox)) else {
                Issue.record("no answer to the authentication after the flood")
                return
            }
            #expect(text.contains("connectionSessionUUID"))
        }
    }

    @Test func aMessageInSmallFragmentsBeforeAuthenticationIsBoundedToo() async throws {
        try await SandboxHarness.with(settings()) { sandbox in
            let socket = try await connect(sandbox)
            let piece = Data(String(repeating: " ", count: 2000).utf8)
            try socket.sendFrame(opcode: 1, final: false, payload: piece)
            try socket.sendFrame(opcode: 0, final: false, payload: piece)
            try socket.sendFrame(opcode: 0, final: false, payload: piece)
            let event = try await socket.next()
            guard case .close(let code, _)? = event else {
                Issue.record("expected a close frame, got \(String(describing: event))")
                return
            }
            #expect(code == 1009)
        }
    }

    @Test func failedAuthenticationsCloseTheConnectionAfterFive() async throws {
        try await SandboxHarness.with(settings()) { sandbox in
            let socket = try await connect(sandbox)
            for guess in 1...5 {
                #expect(try errorCode(try await authenticate(socket, key: "guess-\(guess)")) == "invalidApiKey")
            }
            let event = try await socket.next()
            guard case .close(let code, let reason)? = event else {
                Issue.record("expected a close frame after 5 wrong keys, got \(String(describing: event))")
                return
            }
            #expect(code == 1008)
            #expect(reason.contains("5 failed authentications"))
            // The right key on a new connection still works.
            let again = try await connect(sandbox)
            guard case .text(let text)? = try await authenticate(again) else {
                Issue.record("no answer to the authentication")
                return
            }
            #expect(text.contains("connectionSessionUUID"))
        }
    }

    @Test func messagesMissingTheKeyCountAsFailedTries() async throws {
        try await SandboxHarness.with(settings()) { sandbox in
            let socket = try await connect(sandbox)
            for _ in 1...5 {
                try socket.sendText(#"[{"taskType":"ping","taskUUID":"p"}]"#)
                #expect(try errorCode(try await socket.next()) == "missingApiKey")
            }
            guard case .close(let code, _)? = try await socket.next() else {
                Issue.record("expected a close frame")
                return
            }
            #expect(code == 1008)
        }
    }

    @Test func framesAreChargedToTheBodyBudgetAndReleasedOnceAnswered() async throws {
        let limits = settings {
            $0.requestBodiesInFlightBytes = 1_000_000
            $0.requestBodyBytes = 600_000
        }
        try await SandboxHarness.with(limits) { sandbox in
            let socket = try await connect(sandbox)
            guard case .text(let session)? = try await authenticate(socket), session.contains("connectionSessionUUID") else {
                Issue.record("authentication failed")
                return
            }
            // A large message is answered, and what it was charged goes back.
            try socket.sendText(ping(size: 500_000))
            guard case .text(let pong)? = try await socket.next() else {
                Issue.record("no answer to a 500 kB message")
                return
            }
            #expect(pong.contains("pong"))
            #expect(try await eventually { sandbox.server.bodyBytesInFlight == 0 })
            #expect(sandbox.server.bodyBytesPeak >= 500_000)

            // A POST that declares 500 kB and sends 1 kB holds 500 kB of the budget...
            let held = ping(size: 500_000)
            let holder = try RawConnection(port: try #require(sandbox.server.port))
            try holder.send("POST /v1 HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(SandboxHarness.key)\r\n"
                + "Content-Type: application/json\r\nContent-Length: 500000\r\n\r\n" + held.prefix(1000))
            #expect(try await eventually { sandbox.server.bodyBytesInFlight == 500_000 })
            // ...so a 600 kB frame finds no room: refused from its header.
            try socket.sendFrame(opcode: 1, payload: Data(ping(size: 600_000).utf8))
            let event = try await socket.next()
            guard case .close(let code, _)? = event else {
                Issue.record("expected a close frame, got \(String(describing: event))")
                return
            }
            #expect(code == 1013)
            try holder.send(String(held.dropFirst(1000)))
            #expect(try await holder.responseStatus(within: .seconds(10)) == 200)
            #expect(try await eventually { sandbox.server.bodyBytesInFlight == 0 })
        }
    }

    @Test func tasksMayFollowTheAuthenticationTaskInItsMessage() async throws {
        try await SandboxHarness.with(settings()) { sandbox in
            let socket = try await connect(sandbox)
            try socket.sendText(#"[{"taskType":"authentication","apiKey":"\#(SandboxHarness.key)"},{"taskType":"ping","taskUUID":"p"}]"#)
            let first = try await socket.next()
            let second = try await socket.next()
            let texts = [first, second].compactMap { event -> String? in if case .text(let t)? = event { t } else { nil } }
            #expect(texts.contains { $0.contains("connectionSessionUUID") })
            #expect(texts.contains { $0.contains("pong") })
        }
    }
}
