import Foundation
import RunwareAPI
import RunwareSandbox

/// A running sandbox on an OS-chosen loopback port with a libcurl client pointed at it.
package struct SandboxHarness: Sendable {
    package static let key = "test-key-0123456789"
    package let server: SandboxServer
    package let endpoint: String

    package var engine: SandboxEngine { server.engine }

    package func client(key: String = SandboxHarness.key, retries: Int = 0,
                       options: CurlTransport.Options = CurlTransport.Options()) -> RunwareClient {
        let policy = RetryPolicy(maxRetries: retries, baseDelay: .milliseconds(5), maxDelay: .milliseconds(20),
                                 jitter: .milliseconds(2), maxRetryAfter: .milliseconds(20))
        return RunwareClient(endpoint: endpoint, apiKey: key,
                             transport: RetryingTransport(base: CurlTransport(options: options), policy: policy))
    }

    /// Posts raw bytes, bypassing client-side validation, to see what the server says.
    package func post(_ body: String, key: String? = SandboxHarness.key, headers: [(String, String)] = []) async throws -> HTTPResponse {
        var all = headers + [("Content-Type", "application/json")]
        if let key { all.append(("Authorization", "Bearer \(key)")) }
        return try await CurlTransport().send(HTTPRequest(method: "POST", url: endpoint, headers: all, body: Data(body.utf8)))
    }

    /// Starts a sandbox, runs `body`, stops the sandbox.
    package static func with<T: Sendable>(_ settings: SandboxEngine.Settings = .init(apiKey: key, asyncLatency: .milliseconds(30)),
                                         _ body: (SandboxHarness) async throws -> T) async throws -> T {
        let server = SandboxServer(settings: settings)
        let port = try await server.start()
        let harness = SandboxHarness(server: server, endpoint: "http://127.0.0.1:\(port)/v1")
        do {
            let result = try await body(harness)
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }
}

package func request(_ prompt: String = "a red fox in the snow", width: Int = 256, height: Int = 256) -> ImageInferenceRequest {
    var r = ImageInferenceRequest(taskUUID: TaskID.make(), positivePrompt: prompt)
    r.width = width
    r.height = height
    return r
}

/// A fresh temporary folder, removed by `remove()`.
package struct TempFolder: Sendable {
    package let url: URL
    package init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("darkroom-test-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    package var path: String { url.path }
    package func files() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
    }
    package func remove() { try? FileManager.default.removeItem(at: url) }
}

extension TempFolder {
    package func files(in sub: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path + "/" + sub)) ?? []).sorted()
    }
}
