import Foundation
import Generation
import History
import RunwareAPI
@testable import Studio
import StudioTesting
import TerminalUI
import Testing
import TestSupport

/// The app loop with the real ports: the sandbox in this process (no socket), History in SQLite,
/// chafa thumbnails, drawn on the in-memory grid terminal; `settle` waits for the studio to be idle.
@Suite struct StudioAppIntegrationTests {
    @Test func keysToAJobToAPreviewToHistoryAndAnEstimate() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        do {
            let history = try HistoryStore(path: folder.path + "/history.sqlite")
            let ports = InMemorySandbox().ports(history: history, folder: folder.url.appendingPathComponent("images"))
            let terminal = GridTerminal(columns: 140, rows: 44)
            let state = StudioState(columns: 140, rows: 44, now: Date(), document: [
                "model": .string("runware:111@1"), "positivePrompt": .string(""), "width": .int(256), "height": .int(256),
                "includeCost": .bool(true),
            ], target: "sandbox", pickerFolder: folder.path)
            let app = StudioApp(state: state, terminal: terminal, keyMap: .defaults, theme: .monochrome, ports: ports)
            app.start()
            for c in "a red fox in the snow" { app.dispatch(.terminal(.key(.character(c)))) }
            app.dispatch(.terminal(.key(.ctrl("g"))))
            // The job, its thumbnails, the spend and the estimate that follow are all answered.
            #expect(await app.settle(), "\(app.state.jobs.lines)")
            #expect(app.state.jobs.lines.first?.phase == .done)
            #expect(app.state.thumbnails.keys.contains { $0.columns == GenerateLayout.stripThumbWidth })
            #expect(app.state.status.spendToday.map { $0 > 0 } == true)
            #expect(app.state.generate.results.count == 1)
            #expect(terminal.text.joined().contains("done 1/1"))
            #expect(try history.list().first?.positivePrompt == "a red fox in the snow")
            // The finished job makes the estimate known for the same model, size and steps.
            await app.settle()
            if case .perImage(let cost, 1)? = app.state.generate.estimates[app.state.generate.estimateKey] { #expect(cost > 0) } else {
                Issue.record("no estimate from History: \(String(describing: app.state.generate.estimates[app.state.generate.estimateKey]))")
            }
            #expect(terminal.text.joined().contains("estimated"))
            // Prompt recall sees what History has.
            app.dispatch(.terminal(.key(.alt("p"))))
            #expect(app.state.generate.prompt.text == "a red fox in the snow")
        }
    }
}
