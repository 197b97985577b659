import Foundation
import RunwareAPI
import RunwareSandbox
import Testing
import TestSupport

/// Idle and slow connections are closed, and the bytes of request bodies held at once are capped.
@Suite struct ConnectionBoundsTests {
    func settings(_ change: (inout SandboxLimits) -> Void) -> SandboxEngine.Settings {
        var settings = SandboxEngine.Settings(apiKey: SandboxHarness.key, asyncLatency: .milliseconds(30))
        change(&settings.limits)
        return settings
    }

    /// A ping task padded with an ignored field to exactly `size` bytes.
    func pingBody(size: Int) -> String {
        let head = #"[{"taskType":"ping","taskUUID":"p","padding":""#
        let tail = #""}]"#
        return head + String(repeating: "x", count: size - head.utf8.count - tail.utf8.count) + tail
    }

    func code(_ response: HTTPResponse) throws -> String? {
        try ResponseEnvelope<JSONValue>.decode(response.body).errors.first?.code
    }

    /// Polls `condition` every 10 ms for at most `timeout` (generous: the whole suite shares 2 cores).
    func eventually(within timeout: Duration = .seconds(30), _ condition: () -> Bool) async throws -> Bool {
        let deadline = ContinuousClock.now + timeout
        while !condition() {
            guard ContinuousClock.now < deadline else { return false }
            try await Task.sleep(for: .milliseconds(10))
        }
        return true
    }

    @Test func idleConnectionsAndUnfinishedHeadersAreClosedWithinTheIdleTimeout() async throws {
        // Long enough that a loaded machine (the whole suite runs in parallel, 2 s was seen to be
        // too short) still answers the /health request before it; far below the 30 s default.
        try await SandboxHarness.with(settings { $0.idleTimeout = .seconds(5) }) { sandbox in
            let port = try #require(sandbox.server.port)
            let silent = try RawConnection(port: port)
            let slowHeaders = try RawConnection(port: port)
            try slowHeaders.send("POST /v1 HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            let afterReply = try RawConnection(port: port)
            try afterReply.send("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            #expect(try await afterReply.responseStatus(within: .seconds(15)) == 200)
            #expect(try await silent.closedByServer(within: .seconds(15)))
            #expect(try await slowHeaders.closedByServer(within: .seconds(15)))
            // Each wait ends when the server closes; under the 30 s default none would close in 15 s.
            #expect(try await afterReply.closedByServer(within: .seconds(15)))
        }
    }

    @Test func aReplyTakingLongerThanTheIdleTimeoutIsNotCut() async throws {
        try await SandboxHarness.with(settings { $0.idleTimeout = .milliseconds(200) }) { sandbox in
            let r = try await sandbox.post(#"[{"taskType":"ping","taskUUID":"p"}]"#, headers: [(Fault.header, "delay=600")])
            #expect(r.status == 200)
        }
    }

    @Test func bodiesBeyondTheInFlightBudgetAreAnswered503UntilRoomIsMade() async throws {
        let limits = settings {
            $0.requestBodiesInFlightBytes = 1_000_000
            $0.requestBodyBytes = 600_000
        }
        try await SandboxHarness.with(limits) { sandbox in
            // A client that declares 500 kB and sends only the first kilobyte holds 500 kB.
            let held = pingBody(size: 500_000)
            let holder = try RawConnection(port: try #require(sandbox.server.port))
            try holder.send("POST /v1 HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(SandboxHarness.key)\r\n"
                + "Content-Type: application/json\r\nContent-Length: 500000\r\n\r\n" + held.prefix(1000))
            #expect(try await eventually { sandbox.server.bodyBytesInFlight == 500_000 })

            let refused = try await sandbox.post(pingBody(size: 600_000))
            #expect(refused.status == 503)
            #expect(try code(refused) == "noAvailableServer")
            #expect(refused.headers["retry-after"] == "1")
            // A small body still fits beside the held one.
            #expect(try await sandbox.post(pingBody(size: 1_000)).status == 200)

            try holder.send(String(held.dropFirst(1000)))
            #expect(try await holder.responseStatus(within: .seconds(10)) == 200)
            #expect(try await eventually { sandbox.server.bodyBytesInFlight == 0 })
            #expect(try await sandbox.post(pingBody(size: 600_000)).status == 200)
        }
    }

    @Test func oneBodyOverTheLimitIsAnswered413DeclaredOrChunked() async throws {
        try await SandboxHarness.with(settings { $0.requestBodyBytes = 100_000 }) { sandbox in
            let declared = try await sandbox.post(pingBody(size: 100_001))
            #expect(declared.status == 413)
            #expect(try code(declared) == "payloadTooLarge")
            #expect(try await sandbox.post(pingBody(size: 100_000)).status == 200)

            let chunked = try RawConnection(port: try #require(sandbox.server.port))
            try chunked.send("POST /v1 HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(SandboxHarness.key)\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n")
            let piece = String(repeating: "x", count: 10_000)
            for _ in 0..<11 { try chunked.send(String(piece.utf8.count, radix: 16) + "\r\n" + piece + "\r\n") }
            try chunked.send("0\r\n\r\n")
            #expect(try await chunked.responseStatus(within: .seconds(10)) == 413)
            #expect(try await eventually { sandbox.server.bodyBytesInFlight == 0 })
        }
    }
}
