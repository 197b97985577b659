import Foundation
import Generation
import History
import Preview
import RunwareAPI
import RunwareSandbox
@testable import Studio
import TerminalUI
import Testing
import TestSupport

/// The app loop with the real services: the sandbox on a loopback port, History in SQLite, chafa
/// thumbnails, drawn on the in-memory grid terminal.
@Suite struct StudioAppIntegrationTests {
    @Test func keysToAJobToAPreviewToHistoryAndAnEstimate() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        try await SandboxHarness.with { sandbox in
            let history = try HistoryStore(path: folder.path + "/history.sqlite")
            let runner = JobRunner(client: sandbox.client(), history: history)
            let ports = StudioPorts.live(runner: runner, history: history, folder: folder.url.appendingPathComponent("images"),
                                        thumbnailer: Thumbnailer(), previewOptions: PreviewOptions(colors: .colors256))
            let terminal = GridTerminal(columns: 140, rows: 44)
            let state = StudioState(columns: 140, rows: 44, now: Date(), document: [
                "model": .string("runware:111@1"), "positivePrompt": .string(""), "width": .int(256), "height": .int(256),
                "includeCost": .bool(true),
            ], target: "sandbox", pickerFolder: folder.path)
            let app = StudioApp(state: state, terminal: terminal, keyMap: .defaults, theme: .monochrome, ports: ports)
            app.start()
            for c in "a red fox in the snow" { app.dispatch(.terminal(.key(.character(c)))) }
            app.dispatch(.terminal(.key(.ctrl("g"))))
            // The result lands, the strip and preview get their cells. The whole suite runs in
            // parallel on two cores, so the job may wait a while for a pool thread: wait for the
            // state, with a generous bound.
            let done = await app.settle(timeout: .seconds(60)) { s in
                s.jobs.lines.first?.phase == .done && s.thumbnails.keys.contains { $0.columns == GenerateLayout.stripThumbWidth }
                    && s.status.spendToday.map { $0 > 0 } == true
            }
            #expect(done, "\(app.state.jobs.lines)")
            #expect(app.state.generate.results.count == 1)
            #expect(terminal.text.joined().contains("done 1/1"))
            #expect(try history.list().first?.positivePrompt == "a red fox in the snow")
            // The finished job makes the estimate known for the same model, size and steps.
            let known = await app.settle { s in
                if case .perImage(let cost, 1)? = s.generate.estimates[s.generate.estimateKey] { return cost > 0 }
                return false
            }
            #expect(known)
            #expect(terminal.text.joined().contains("estimated"))
            // Prompt recall sees what History has.
            app.dispatch(.terminal(.key(.alt("p"))))
            #expect(app.state.generate.prompt.text == "a red fox in the snow")
        }
    }
}
