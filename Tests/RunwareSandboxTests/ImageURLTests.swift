import Foundation
import Imaging
import RunwareAPI
@testable import RunwareSandbox
import Testing
import TestSupport

/// Image URLs in tasks are fetched as Runware fetches them: http and https only, from public
/// addresses only (tests allow loopback to serve their own images), within a size limit, each
/// redirect checked like the first URL.
@Suite struct ImageURLTests {
    func png() throws -> Data { try ImageEncoder.encode(RGBAImage(width: 32, height: 32), as: .png) }

    func uploadError(_ sandbox: SandboxHarness, _ image: String) async throws -> APIErrorObject? {
        let r = try await sandbox.post(#"[{"taskType":"imageUpload","taskUUID":"\#(TaskID.make())","image":"\#(image)"}]"#)
        return try ResponseEnvelope<JSONValue>.decode(r.body).errors.first
    }

    @Test func aLoopbackImageURLIsNotFetched() async throws {
        let picture = try png()
        let server = try HostileServer { _ in .init(headers: [("Content-Type", "image/png")], body: picture) }
        defer { server.stop() }
        try await SandboxHarness.with { sandbox in
            let error = try #require(try await uploadError(sandbox, server.base + "/x.png"))
            #expect(error.code == "invalidImage")
            #expect(error.message.contains("127.0.0.1") && error.message.contains("loopback"))
            #expect(server.requests.isEmpty)
        }
    }

    @Test func onlyHTTPAndHTTPSAreFetched() async throws {
        try await SandboxHarness.with { sandbox in
            for url in ["file:///etc/passwd", "ftp://127.0.0.1/x.png", "gopher://127.0.0.1:70/x"] {
                let error = try #require(try await uploadError(sandbox, url))
                #expect(error.message.contains("only http and https"), "\(url): \(error.message)")
            }
        }
    }

    @Test func allowedURLsAreFetchedWithinTheSizeLimitAndRedirects() async throws {
        let picture = try png()
        let server = try HostileServer { request in
            switch request.path {
            case "/x.png": return .init(headers: [("Content-Type", "image/png")], body: picture)
            case "/moved": return .init(status: 302, headers: [("Location", "/x.png")], body: Data())
            case "/loop": return .init(status: 302, headers: [("Location", "/loop")], body: Data())
            default: return .init(headers: [("Content-Type", "image/png")], body: picture + Data(count: 200_000))
            }
        }
        defer { server.stop() }
        var settings = SandboxEngine.Settings(apiKey: SandboxHarness.key, fetchesPrivateImageURLs: true)
        settings.limits.imageURLBytes = 100_000
        try await SandboxHarness.with(settings) { sandbox in
            let client = sandbox.client()
            #expect(try await client.upload(image: server.base + "/x.png").imageUUID.isEmpty == false)
            #expect(try await client.upload(image: server.base + "/moved").imageUUID.isEmpty == false)
            let large = try #require(try await uploadError(sandbox, server.base + "/large.png"))
            #expect(large.message.contains("larger than 100000 bytes"))
            let loop = try #require(try await uploadError(sandbox, server.base + "/loop"))
            #expect(loop.message.contains("redirected more than 5 times"))
        }
    }

    @Test func aRedirectIsCheckedLikeTheFirstURL() async throws {
        let server = try HostileServer { _ in .init(status: 302, headers: [("Location", "http://127.0.0.2:9/x.png")], body: Data()) }
        defer { server.stop() }
        let fetcher = ImageURLFetcher(maxBytes: 1 << 20, allowsAddress: { $0.description == "127.0.0.1" })
        await #expect { try await fetcher.fetch(server.base + "/x.png") } throws: { error in
            guard case ImageURLFetcher.Failure.refusedAddress(_, let address, let kind)? = error as? ImageURLFetcher.Failure else { return false }
            return address == "127.0.0.2" && kind == "loopback"
        }
        #expect(server.requests.count == 1)
    }

    /// The client's own time limits: a server that stops sending is left at the stall limit, one
    /// that trickles at the total limit. The limits are shortened here; the sandbox's are the client's.
    @Test func aStalledOrTrickledImageIsGivenUpAtTheClientsTimeLimits() async throws {
        let client = CurlTransport.Options()
        let sandbox = SandboxEngine(settings: .init(apiKey: SandboxHarness.key)).imageURLFetcher
        #expect(sandbox.connectTimeout == client.connectTimeout)
        #expect(sandbox.stallTimeout == client.stallTimeout)
        #expect(sandbox.totalTimeout == client.totalTimeout)
        #expect(sandbox.maxBytes == ImageFile.defaultMaxBytes)

        let picture = try png()
        let server = try HostileServer { request in
            request.path == "/stalled.png"
                ? .init(headers: [("Content-Type", "image/png")], body: picture, trickle: (chunk: 1, pause: .seconds(10)))
                : .init(headers: [("Content-Type", "image/png")], body: picture, trickle: (chunk: 1, pause: .milliseconds(200)))
        }
        defer { server.stop() }
        func reason(_ error: any Error) -> String {
            guard case ImageURLFetcher.Failure.transfer(let reason)? = error as? ImageURLFetcher.Failure else { return "\(error)" }
            return reason
        }
        var stalling = ImageURLFetcher(maxBytes: 1 << 20, allowsAddress: { _ in true })
        stalling.stallTimeout = .seconds(1)
        await #expect { try await stalling.fetch(server.base + "/stalled.png") } throws: { error in
            // libcurl's words for the stall limit (the total limit would say "timed out", after 300 s).
            reason(error).contains("too slow") && reason(error).contains("the last 1 seconds")
        }
        var trickled = ImageURLFetcher(maxBytes: 1 << 20, allowsAddress: { _ in true })
        trickled.totalTimeout = .seconds(2)
        await #expect { try await trickled.fetch(server.base + "/trickled.png") } throws: { error in
            reason(error).contains("timed out")
        }
    }

    @Test func addressesAreSortedIntoPublicAndNot() {
        let kinds: [String: String?] = [
            "127.0.0.1": "loopback", "10.1.2.3": "private", "172.16.0.1": "private", "172.32.0.1": nil, "192.168.1.1": "private",
            "169.254.169.254": "link-local", "100.64.0.1": "shared (carrier-grade NAT)", "0.0.0.0": "unspecified",
            "224.0.0.1": "multicast", "255.255.255.255": "reserved", "8.8.8.8": nil, "93.184.216.34": nil,
            "::1": "loopback", "::": "unspecified", "::ffff:127.0.0.1": "loopback", "::ffff:8.8.8.8": nil,
            "64:ff9b::a00:1": "private", "2002:7f00:1::": "loopback", "fd00::1": "private (unique local)",
            "fe80::1": "link-local", "ff02::1": "multicast", "2001:db8::1": "documentation", "2606:4700::1111": nil,
        ]
        for (text, kind) in kinds {
            let address = IPAddress(text)
            #expect(address != nil, "\(text)")
            #expect(address?.nonPublicKind == kind, "\(text)")
        }
        #expect(IPAddress("not an address") == nil)
    }
}
