import Foundation
import Imaging
import RunwareAPI
@testable import RunwareSandbox
import Testing
import TestSupport

/// The sandbox reached in this process, without a socket: the same client answers as it does
/// over HTTP, for every path the client uses.
@Suite struct SandboxTransportTests {
    static let key = "test-key-0123456789"

    func client(_ transport: SandboxTransport, key: String = Self.key) -> RunwareClient {
        RunwareClient(endpoint: transport.endpoint, apiKey: key, transport: transport)
    }

    @Test func aJobItsPictureItsPriceAndTheAccountComeThroughMemory() async throws {
        let transport = SandboxTransport(engine: SandboxEngine(settings: .init(apiKey: Self.key, asyncLatency: .milliseconds(5))))
        let client = client(transport)
        let results = try await client.imageInference(request("a lighthouse", width: 256, height: 256))
        let url = try #require(results.first?.imageURL)
        #expect(url.hasPrefix(SandboxTransport.base + "/image/"))
        let bytes = try await client.download(url)
        #expect(try ImageDecoder.decode(bytes).width == 256)
        #expect(try await client.pricing(model: "runware:111@1")?.pricePerImage != nil)
        #expect(try await client.accountDetails().balance != nil)
        #expect(transport.engine.requestCount >= 2)
    }

    @Test func aWrongKeyAndAFaultAreAnsweredAsOverHTTP() async throws {
        let engine = SandboxEngine(settings: .init(apiKey: Self.key, asyncLatency: .milliseconds(5)))
        let transport = SandboxTransport(engine: engine)
        await #expect { try await client(transport, key: "wrong-key-0123456789").imageInference(request()) } throws: { error in
            if case RunwareError.api(let status, let errors) = error { return status == 401 && !errors.isEmpty }
            return false
        }
        // Over HTTP the same fault cuts the answer; here the client reads the same cut bytes.
        let reply = try SandboxTransport.response(SandboxReply(status: 200, body: Data(#"{"data":[]}"#.utf8)).faulted([.truncate]))
        #expect(reply.body == Data(#"{"dat"#.utf8), "half of the 11 bytes")
        #expect(throws: TransportError.self) { try SandboxTransport.response(SandboxReply(status: 200, body: Data("{}".utf8)).faulted([.drop])) }
        // Only the sandbox's own address is reached: nothing leaves the process.
        await #expect(throws: TransportError.self) { try await transport.send(HTTPRequest(method: "GET", url: "http://127.0.0.1:9/v1")) }
    }
}

extension SandboxReply {
    func faulted(_ faults: [Fault]) -> SandboxReply {
        var reply = self
        reply.faults = faults
        return reply
    }
}
