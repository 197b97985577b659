import Foundation
import Generation
import History
import Preview
import RunwareAPI
import RunwareSandbox
import Studio
import TerminalUI

/// A sandbox engine in this process and a client that reaches it without a socket
/// (`SandboxTransport`): the studio's tests and the bench run real jobs, History and pictures
/// on it, with no port, no server and no HTTP in between.
package struct InMemorySandbox: Sendable {
    package static let key = "test-key-0123456789"
    package let engine: SandboxEngine
    package let transport: SandboxTransport

    package init(_ settings: SandboxEngine.Settings = .init(apiKey: InMemorySandbox.key, asyncLatency: .milliseconds(30))) {
        engine = SandboxEngine(settings: settings)
        transport = SandboxTransport(engine: engine)
    }

    package func client(key: String = InMemorySandbox.key) -> RunwareClient {
        RunwareClient(endpoint: transport.endpoint, apiKey: key, transport: transport)
    }

    /// The studio's ports on this sandbox: jobs saved into `folder` and recorded in `history`,
    /// thumbnails in 256 colours.
    package func ports(history: HistoryStore?, folder: URL) -> StudioPorts {
        .live(runner: JobRunner(client: client(), history: history), history: history, folder: folder,
              thumbnailer: Thumbnailer(), previewOptions: PreviewOptions(colors: .colors256))
    }
}
