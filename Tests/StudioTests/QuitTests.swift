import Generation
import Foundation
@testable import Studio
import TerminalUI
import Testing
import Workspace

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

    /// Quitting while jobs run asks first and says what happens to each: an async job sent to
    /// Runware goes on and is collected at the next start, a sync one is lost; n stays, y (or a
    /// second ctrl-q) quits.
    @Test func quittingWithJobsRunningAsksAndSaysWhatHappensToEach() {
        var s = StudioFixture()
        s.state.status.target = "Runware api.runware.ai"
        s.state.generate.focus(path: "ui.aspectLock")
        s.key(.ctrl("g"))
        s.key(.ctrl("g"))
        s.send(.job(id: 1, JobEvent(jobID: 12, taskUUID: "a", step: .submitted(delivery: .async))),
               .job(id: 2, JobEvent(jobID: 13, taskUUID: "b", step: .submitted(delivery: .sync))))
        s.effects = []
        s.key(.ctrl("q"))
        #expect(!s.state.quitRequested && s.effects.isEmpty)
        guard case .confirm(let question)? = s.state.overlay else { Issue.record("not asked"); return }
        #expect(question.question == "quit with 2 jobs running? job 12 goes on at Runware and is collected when Darkroom starts again; "
                + "job 13 will be lost (not sent async);", "\(question.question)")
        s.key(.character("n"))
        #expect(s.state.overlay == nil && !s.state.quitRequested)
        s.key(.ctrl("q"))
        s.key(.character("y"))
        #expect(s.state.quitRequested)
        // A second ctrl-q while asked quits too; with the built-in sandbox every job is lost.
        var t = StudioFixture()
        t.state.generate.focus(path: "ui.aspectLock")
        t.key(.ctrl("g"))
        t.send(.job(id: 1, JobEvent(jobID: 3, taskUUID: "c", step: .submitted(delivery: .async))))
        t.key(.ctrl("q"))
        guard case .confirm(let asked)? = t.state.overlay else { Issue.record("not asked"); return }
        #expect(asked.question.contains("job 3 will be lost (the built-in sandbox ends with the studio)"), "\(asked.question)")
        t.key(.ctrl("q"))
        #expect(t.state.quitRequested)
    }
}
