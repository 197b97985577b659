import Foundation
import RunwareAPI
import RunwareSandbox
import Testing
import TestSupport

/// Requests the HTTP decoder cannot read get an answer.
@Suite struct RequestEdgeTests {
    @Test func aPathWithRawControlBytesIsAnswered400() async throws {
        try await SandboxHarness.with { sandbox in
            let connection = try RawConnection(port: try #require(sandbox.server.port))
            try connection.send("GET /image/\u{1B}]2;x\u{07}.png HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            #expect(try await connection.responseStatus(within: .seconds(15)) == 400)
            #expect(try await connection.closedByServer(within: .seconds(15)))
        }
    }

    @Test func aHundredKilobytePathIsAnswered() async throws {
        try await SandboxHarness.with { sandbox in
            let connection = try RawConnection(port: try #require(sandbox.server.port))
            try connection.send("GET /image/" + String(repeating: "a", count: 100_000) + ".png HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            let status = try await connection.responseStatus(within: .seconds(15))
            #expect(status.map { [400, 404, 414, 431].contains($0) } == true, "status \(String(describing: status))")
        }
    }
}
