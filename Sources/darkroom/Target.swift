import Foundation
import Generation
import RunwareAPI
import RunwareSandbox

/// Where requests go: the Runware API with the user's key, or the built-in sandbox.
struct Target: Sendable {
    var endpoint: String
    var apiKey: String
    var notice: String?
    var sandbox: SandboxServer?

    static func choose(env: DarkroomEnvironment, config: Configuration, endpoint: String?, forceSandbox: Bool) async throws -> Target {
        let found = forceSandbox ? nil : try APIKeyStore.find(env)
        if let found {
            return Target(endpoint: endpoint ?? config.endpoint ?? RunwareClient.productionEndpoint, apiKey: found.key)
        }
        // A key that exists only in this process, for this run's sandbox.
        let key = UUID().uuidString
        let server = SandboxServer(settings: .init(apiKey: key))
        let port = try await server.start()
        let why = forceSandbox ? "--sandbox given" : "no API key set"
        let notice = "sandbox: \(why); using the built-in sandbox at http://127.0.0.1:\(port)/v1 (set RUNWARE_API_KEY for Runware)"
        return Target(endpoint: "http://127.0.0.1:\(port)/v1", apiKey: key, notice: notice, sandbox: server)
    }

    func stop() async {
        await sandbox?.stop()
    }
}
