import Foundation
@testable import Studio
import TerminalUI
import Testing

/// One quit path: the quit binding works on every screen and from inside every pop-up.
@Suite struct QuitTests {
    static let popUps: [(String, Overlay)] = [
        ("help", .help(HelpOverlay(screen: .generate))),
        ("input", .input(InputPrompt(.exportFolder(jobID: 1), title: "Export"))),
        ("choice", .choice(ChoicePicker(path: "scheduler", options: ["default", "Euler"], current: nil))),
        ("models", .models(ModelPicker(target: .field("model"), kind: .checkpoint))),
        ("files", .files(FilePicker(target: "inputs.seedImage", folder: "/tmp"))),
        ("prompt search", .promptSearch(PromptSearch(prompts: ["a fox"]))),
        ("confirm", .confirm(Confirmation(.deleteJob(7), question: "delete job 7?"))),
    ]

    @Test(arguments: popUps.indices)
    func ctrlQQuitsFromInsideAPopUp(_ index: Int) {
        let (name, overlay) = Self.popUps[index]
        var s = StudioFixture()
        s.state.overlay = overlay
        s.effects = []
        s.key(.ctrl("q"))
        #expect(s.state.quitRequested, "ctrl-q did nothing in \(name)")
        #expect(s.effects.contains(.quit), "\(name)")
    }

    @Test func ctrlQQuitsFromEveryScreenAndPane() {
        var s = StudioFixture()
        s.key(.ctrl("q"))
        #expect(s.state.quitRequested)
        var h = StudioFixture()
        h.openHistory([3, 2, 1])
        h.key(.enter)
        guard case .detail = h.state.history.pane else { Issue.record("no detail"); return }
        h.key(.ctrl("q"))
        #expect(h.state.quitRequested)
        // Opening help the ordinary way and quitting from it.
        var p = StudioFixture()
        p.state.generate.focus(path: "ui.aspectLock")
        p.key(.function(1))
        #expect(p.state.overlay == .help(HelpOverlay(screen: .generate)))
        p.key(.ctrl("q"))
        #expect(p.state.quitRequested)
    }

    @Test func aQuitRebindingWorksInPopUpsToo() throws {
        let map = try KeyMap.defaults.overridden(by: "[keys]\nquit = [\"f10\"]", file: "keys.toml")
        var s = StudioFixture(keyMap: map)
        s.state.overlay = .models(ModelPicker(target: .field("model"), kind: .checkpoint))
        s.key(.ctrl("q"))
        #expect(!s.state.quitRequested)
        s.key(.function(10))
        #expect(s.state.quitRequested)
    }
}
