import Foundation
import RunwareAPI
import RunwareSandbox
import Testing
import TestSupport

/// Requests the HTTP decoder cannot read get an answer, and an image is served under the one
/// name its URL gave it.
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

    @Test func anImageIsServedOnlyUnderItsOwnExtension() async throws {
        try await SandboxHarness.with { sandbox in
            var r = request(width: 128, height: 128)
            r.outputFormat = .png
            let url = try #require(try await sandbox.client().imageInference(r).first?.imageURL)
            #expect(url.hasSuffix(".png"))
            let transport = CurlTransport()
            #expect(try await transport.send(HTTPRequest(method: "GET", url: url)).status == 200)
            let stem = String(url.dropLast(".png".count))
            for other in [stem + ".jpg", stem, stem + ".png.png", stem + ".PNG"] {
                #expect(try await transport.send(HTTPRequest(method: "GET", url: other)).status == 404, "\(other)")
            }
        }
    }
}
