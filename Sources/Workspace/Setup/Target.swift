import Foundation
import RunwareAPI
import RunwareSandbox

/// Where requests go: the Runware API with the user's key, or the built-in sandbox.
package struct Target: Sendable {
    package var endpoint: String
    package var apiKey: String
    /// Said to the user once: why the sandbox is used and where it listens.
    package var notice: String?
    package var sandbox: SandboxServer?

    /// The endpoint given (`--endpoint`), else config.toml's, else Runware's, with the user's
    /// key; the built-in sandbox when no key is set or `forceSandbox`.
    package static func choose(env: DarkroomEnvironment, config: Configuration, endpoint: String?,
                              forceSandbox: Bool) async throws -> Target {
        let found = forceSandbox ? nil : try APIKeyStore.find(env)
        if let found {
            return Target(endpoint: endpoint ?? config.endpoint ?? RunwareClient.productionEndpoint, apiKey: found.key)
        }
        // A key that exists only in this process, for this run's sandbox.
        let key = UUID().uuidString
        // Quicker than `darkroom sandbox`'s defaults: an async job is collected about as fast as
        // a sync one was, while each image still finishes on its own.
        let server = SandboxServer(settings: .init(apiKey: key, asyncLatency: .zero, imageInterval: .milliseconds(15)))
        let port = try await server.start()
        let why = forceSandbox ? "--sandbox given" : "no API key set"
        let notice = "sandbox: \(why); using the built-in sandbox at http://127.0.0.1:\(port)/v1 (set RUNWARE_API_KEY for Runware)"
        return Target(endpoint: "http://127.0.0.1:\(port)/v1", apiKey: key, notice: notice, sandbox: server)
    }

    /// A server on this machine (the built-in sandbox, or one at 127.0.0.1, ::1 or localhost):
    /// polled as often as it can answer, not at Runware's pace.
    package var isLoopback: Bool {
        guard let host = URL(string: endpoint)?.host?.lowercased() else { return false }
        return host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
    }

    /// The name the studio shows: "sandbox" or "Runware <host>".
    package var displayName: String {
        sandbox == nil ? "Runware \(URL(string: endpoint)?.host ?? endpoint)" : "sandbox"
    }

    package func stop() async {
        await sandbox?.stop()
    }
}
