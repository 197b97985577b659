import Foundation
import Generation
import Imaging
import Preview
import RunwareAPI
@testable import Studio
import TerminalUI
import Testing
import Workspace

/// The Generate screen driven by keys, with the state checked and the frames compared with the
/// text snapshots next to this file.
@Suite struct ReducerAndViewTests {
    static let clock = Date(timeIntervalSince1970: 1_790_000_000)

    struct Screen {
        var state: StudioState
        let reducer = StudioReducer()
        let view = StudioView(theme: .monochrome, keyMap: .defaults)
        var effects: [StudioEffect] = []

        init(columns: Int = 120, rows: Int = 40) {
            state = StudioState(columns: columns, rows: rows, now: ReducerAndViewTests.clock,
                                document: ["model": .string("runware:111@1"), "positivePrompt": .string(""),
                                           "width": .int(1024), "height": .int(1024)],
                                target: "sandbox", pickerFolder: "/tmp")
            effects = reducer.reduce(&state, .tick(ReducerAndViewTests.clock))
        }

        mutating func send(_ events: StudioEvent...) {
            for e in events { effects += reducer.reduce(&state, e) }
        }
        mutating func type(_ text: String) { for c in text { send(.terminal(.key(.character(c)))) } }
        mutating func key(_ k: Key, times: Int = 1) { for _ in 0..<times { send(.terminal(.key(k))) } }
        mutating func focus(_ path: String) {
            let i = state.generate.form.fields.firstIndex { $0.path == JSONPath(path) }!
            state.generate.setFocus(i)
        }
        var lines: [String] { view.draw(state).frame.text }
    }

    @Test func typingAPromptAndGeneratingSendsTheDraft() {
        var s = Screen()
        #expect(Availability.whileFormInvalid.reason(in: s.state) != nil)
        s.type("a lighthouse at dusk")
        #expect(s.state.generate.form.draft.positivePrompt == "a lighthouse at dusk")
        s.effects = []
        s.key(.ctrl("g"))
        guard case .run(let id, let request, let parent)? = s.effects.first else { Issue.record("no generate effect"); return }
        #expect(id == 1 && parent == nil)
        #expect(request.positivePrompt == "a lighthouse at dusk" && request.width == 1024)
        #expect(s.state.jobs.inFlight == 1)
        #expect(s.state.generate.recall.prompts.first == "a lighthouse at dusk")
        Snapshot.check(s.lines, named: "generate-sent")
    }

    @Test func generateIsRefusedWhileAnyViolationStands() {
        var s = Screen()
        s.type("a fox")
        s.focus("steps")
        s.type("99")
        s.effects = []
        s.key(.ctrl("g"))
        #expect(s.effects.isEmpty)
        #expect(s.state.status.notice?.contains("fix the 1 problem") == true)
        #expect(s.lines.contains { $0.contains("! 99: must be between 1 and 50") })
        Snapshot.check(s.lines, named: "validation-beside-field")
    }

    /// Each image of a job has its own mark while the job runs: ✓ saved, ✗ failed, its progress.
    @Test func eachImageOfAJobShowsWhereItIs() {
        var s = Screen()
        s.type("a fox")
        s.key(.ctrl("g"))
        s.send(.job(id: 1, JobEvent(jobID: 1, taskUUID: "t", step: .processing(ImagesProgress(saved: 2, failed: 1, total: 4, pending: [70])))),
               .tick(Self.clock.addingTimeInterval(2.5)))
        #expect(s.lines.contains { $0.contains("▶ #1 2.5s ✓ ✓ ✗ 70%") }, "\(s.lines.joined(separator: "\n"))")
        #expect(ImagesProgress(saved: 2, failed: 1, total: 4, pending: [70]).description == "2 of 4 saved, 1 failed, 1 at 70%")
        #expect(ImagesProgress(saved: 0, failed: 0, total: 3, pending: [99, 99, 99]).description == "0 of 3 saved, 3 at 99%")
        #expect(ImagesProgress(saved: 0, failed: 0, total: 2, pending: [40, 70]).description == "0 of 2 saved, 2 at 40%, 70%")
        #expect(ImagesProgress(saved: 0, failed: 0, total: 2, pending: [40, nil]).description == "0 of 2 saved, 2 at 40%, …")
        #expect(ImagesProgress(saved: 0, failed: 0, total: 2, pending: [nil, nil]).marks == "… …")
    }

    @Test func jobProgressResultsAndFailuresShowInThePane() {
        var s = Screen()
        s.type("a fox")
        s.key(.ctrl("g"))
        s.send(.job(id: 1, JobEvent(jobID: 1, taskUUID: "t", step: .submitted(delivery: .async))),
               .job(id: 1, JobEvent(jobID: 1, taskUUID: "t", step: .processing(ImagesProgress(saved: 0, failed: 0, total: 1, pending: [40])))),
               .tick(Self.clock.addingTimeInterval(2.5)))
        #expect(s.lines.contains { $0.contains("▶ #1 2.5s 40%") }, "one mark per image: the one being made at 40%")
        s.send(.job(id: 1, JobEvent(jobID: 1, taskUUID: "t", step: .saved(SavedImage(
                   path: "/tmp/x-1.png", taskUUID: "t", imageUUID: "i", seed: 42, cost: 0.0019, format: "PNG", bytes: 10,
                   imageURL: nil, index: 0)))),
               .jobEnded(id: 1, failure: nil, cancelled: false))
        #expect(s.state.jobs.inFlight == 0)
        #expect(s.state.generate.lastSeed == 42)
        #expect(s.effects.contains(.refreshSpend))
        #expect(s.effects.contains(.thumbnail(ThumbnailKey(path: "/tmp/x-1.png", columns: GenerateLayout.stripThumbWidth,
                                                           rows: GenerateLayout.stripThumbHeight))))
        s.key(.ctrl("g"))
        s.send(.job(id: 2, JobEvent(jobID: 2, taskUUID: "u", step: .validated)),
               .jobEnded(id: 2, failure: "the API refused the request: insufficientCredits", cancelled: false))
        #expect(s.state.status.lastError == "job 2: the API refused the request: insufficientCredits")
        Snapshot.check(s.lines, named: "jobs-and-failure")
    }

    @Test func cancelAsksForTheNewestJobInFlight() {
        var s = Screen()
        s.key(.ctrl("x"))
        #expect(s.state.status.notice == "cancel the newest job: no job is running")
        s.type("a fox")
        s.key(.ctrl("g"))
        s.key(.ctrl("g"))
        s.effects = []
        s.key(.ctrl("x"))
        #expect(s.effects == [.cancel(jobID: 2)])
        s.send(.jobEnded(id: 2, failure: nil, cancelled: true))
        #expect(s.state.jobs.last?.phase == .cancelled)
    }

    @Test func promptRecallWalksHistoryLikeAShell() {
        var s = Screen()
        s.send(.generate(.promptHistory(["third", "second", "first"])))
        s.type("draft")
        s.key(.alt("p"))
        #expect(s.state.generate.prompt.text == "third")
        s.key(.alt("p"))
        #expect(s.state.generate.prompt.text == "second")
        s.key(.alt("n"))
        s.key(.alt("n"))
        #expect(s.state.generate.prompt.text == "draft")
        s.key(.ctrl("r"))
        s.type("fir")
        #expect(s.lines.contains { $0.contains("1 of 3 prompts") })
        s.key(.enter)
        #expect(s.state.generate.prompt.text == "first")
        #expect(s.state.generate.form.draft.positivePrompt == "first")
    }

    @Test func aLoRAComesFromThePickerThatSearchesAsYouType() {
        var s = Screen()
        s.focus("lora")
        s.effects = []
        s.key(.enter)
        // LoRAs for the form's model's architecture: FLUX.1 [dev] SRPO is flux1d.
        #expect(s.effects == [.picker(.searchModels(query: "", kind: .lora, architecture: "flux1d"))])
        s.type("water")
        #expect(s.effects.last == .picker(.searchModels(query: "water", kind: .lora, architecture: "flux1d")))
        var entry = ModelEntry(air: "civitai:667004@746484", name: "Watercolor Illustration")
        entry.architecture = "flux1d"
        s.send(.picker(.models(query: "wat", results: [], error: nil)))  // a stale answer is ignored
        s.send(.picker(.models(query: "water", results: [entry], error: nil)))
        Snapshot.check(s.lines, named: "lora-picker")
        s.key(.enter)
        #expect(s.state.generate.form.draft.lora?.first?.model == "civitai:667004@746484")
        #expect(s.state.generate.focusedField?.path == JSONPath("lora[0].model"))
        s.key(.down)
        s.key(.right, times: 3)
        #expect(s.state.generate.form.draft.lora?.first?.weight == 0.3)
        s.key(.ctrl("d"))
        #expect(s.state.generate.form.draft.lora == nil)
    }

    @Test func theFilePickerListsImagesAndAsksForAThumbnail() {
        var s = Screen()
        s.focus("inputs.seedImage")
        s.effects = []
        s.key(.enter)
        #expect(s.effects == [.picker(.listFolder("/tmp"))])
        s.send(.picker(.folder(path: "/tmp", entries: [FileEntry(name: "shots", isDirectory: true, bytes: 0),
                                               FileEntry(name: "cat.png", isDirectory: false, bytes: 100)], error: nil)))
        s.key(.down)
        #expect(s.effects.contains { if case .thumbnail(let k) = $0 { k.path == "/tmp/cat.png" } else { false } })
        s.key(.enter)
        #expect(s.state.generate.form.draft.inputs?.seedImage == "/tmp/cat.png")
        #expect(!s.state.generate.form.issues.contains { $0.parameter.contains("seedImage") })
    }

    /// A filter picks its best match with Enter (not `..`); a typed path opens or chooses; f2
    /// goes to the images folder; the title names the field by its label.
    @Test func theFilePickerTakesTypedPathsAndTheBestMatch() {
        var s = Screen()
        s.state.imagesFolder = "/data/images/2026/12"
        s.state.homeFolder = "/home/ann"
        s.focus("inputs.seedImage")
        s.key(.enter)
        s.send(.picker(.folder(path: "/tmp", entries: [FileEntry(name: "tmux-0", isDirectory: true, bytes: 0),
                                               FileEntry(name: "ux", isDirectory: true, bytes: 0),
                                               FileEntry(name: "a-ux-shot.png", isDirectory: false, bytes: 100)], error: nil)))
        #expect(s.lines.joined().contains("Image for Seed image"))
        s.type("ux")
        guard case .files(let picker)? = s.state.overlay else { Issue.record("no picker"); return }
        #expect(picker.visible.map(\.name) == ["ux", "tmux-0", "a-ux-shot.png"], "a name that starts with the filter first, no ..")
        s.effects = []
        s.key(.enter)
        #expect(s.effects.contains(.picker(.listFolder("/tmp/ux"))), "\(s.effects)")
        // f2: the images folder.
        s.key(.function(2))
        #expect(s.effects.contains(.picker(.listFolder("/data/images/2026/12"))))
        // A typed path: a folder opens, an image is chosen.
        s.type("~/pics")
        #expect(s.lines.joined().contains("Enter: open /home/ann/pics"))
        s.key(.enter)
        #expect(s.effects.contains(.picker(.listFolder("/home/ann/pics"))))
        s.type("/srv/in/cat.PNG")
        s.key(.enter)
        #expect(s.state.overlay == nil)
        #expect(s.state.generate.form.draft.inputs?.seedImage == "/srv/in/cat.PNG")
        #expect(s.state.pickerFolder == "/srv/in")
    }

    @Test func helpIsGeneratedFromTheKeyMap() throws {
        var s = Screen()
        s.focus("ui.aspectLock")
        s.key(.character("?"))
        #expect(s.state.overlay == .help(HelpOverlay(screen: .generate)))
        let text = s.lines.joined(separator: "\n")
        // The first screenful of help, as listed, is on screen.
        let listed = HelpView.lines(.defaults, screen: .generate, state: s.state)
        for line in listed.prefix(s.state.rows - 4) where !line.heading && !line.keys.isEmpty {
            #expect(text.contains(line.keys) && text.contains(String(line.text.prefix(40))), "help lacks \(line.keys)")
        }
        #expect(!text.contains("fork into the Generate form"), "History's keys are listed on the History screen")
        #expect(text.contains("(now: no job is running)"))
        Snapshot.check(s.lines, named: "help")
        s.key(.escape)
        #expect(s.state.overlay == nil)
        // In a text field `?` is typed, not help.
        s.focus("positivePrompt")
        s.key(.character("?"))
        #expect(s.state.overlay == nil && s.state.generate.prompt.text == "?")
        // Rebinding changes help and footer alike.
        let map = try KeyMap.defaults.overridden(by: "[keys]\ngenerate = [\"f9\"]", file: "keys.toml")
        let footer = StudioView(theme: .monochrome, keyMap: map).draw(s.state).frame.text.last ?? ""
        #expect(footer.contains("f9 generate"))
    }

    @Test func untrustedTextIsShownWithControlsVisible() {
        var s = Screen()
        s.send(.terminal(.paste("evil \u{1B}[2J prompt")))
        s.send(.error("server said \u{1B}]52;c;AAAA\u{07}"))
        let text = s.lines.joined()
        #expect(!text.contains("\u{1B}"))
        // Typed or pasted controls are dropped from the prompt; server text shows them as marks.
        #expect(s.state.generate.prompt.text == "evil [2J prompt")
        #expect(text.contains("server said ^[]52;c;AAAA^G"))
    }

    @Test func resizeRedrawsForTheNewSizeAndNarrowScreensDropThePreview() {
        var s = Screen()
        s.send(.terminal(.resize(columns: 80, rows: 24)))
        #expect(GenerateLayout(columns: 80, rows: 24).right == nil)
        Snapshot.check(s.lines, named: "narrow-80x24")
        s.send(.terminal(.resize(columns: 200, rows: 60)))
        #expect(s.lines.count == 60 && s.lines[0].count == 200)
    }

    /// At 80x24 only the form fits beside nothing; f3 gives the preview, the jobs and the strip
    /// the whole screen and back, and the form's title says so. Below 60x16 a message says the size.
    @Test func aCompactLayoutReachesThePreviewAndTooSmallSaysTheSizeNeeded() {
        var s = Screen(columns: 80, rows: 24)
        s.type("a fox")
        #expect(s.lines[0].contains("Generate · f3: preview and jobs"), "\(s.lines[0])")
        s.key(.ctrl("g"))
        s.send(.job(id: 1, JobEvent(jobID: 9, taskUUID: "t", step: .saved(SavedImage(
                   path: "/r/9.png", taskUUID: "t", imageUUID: "i", seed: 5, cost: nil, format: "PNG", bytes: 10, imageURL: nil, index: 0)))),
               .jobEnded(id: 1, failure: nil, cancelled: false))
        #expect(s.state.status.notice?.hasSuffix("f3 shows it") == true, "\(s.state.status.notice ?? "")")
        s.key(.function(3))
        #expect(s.state.generate.previewZoomed)
        let zoomed = s.lines
        #expect(zoomed[0].hasPrefix("┌─ Preview · esc: back to the form"), "\(zoomed[0])")
        #expect(zoomed.joined(separator: "\n").contains("9.png  seed 5"), "\(zoomed.joined(separator: "\n"))")
        #expect(!zoomed.joined().contains("Negative"), "the form is not drawn under the preview")
        // The zoom's own keys in the footer, the six rating keys as one entry.
        #expect(zoomed.last?.contains("esc back") == true && zoomed.last?.contains("0-5 rate") == true, "\(zoomed.last ?? "")")
        // Typing does not go into the hidden prompt; q goes back.
        s.key(.character("q"))
        #expect(!s.state.generate.previewZoomed && s.state.generate.prompt.text == "a fox")
        // Wide terminals zoom too: the preview over the whole width.
        s.send(.terminal(.resize(columns: 160, rows: 50)))
        s.key(.function(3))
        #expect(s.state.generate.layout(columns: 160, rows: 50).preview?.width == 158)
        s.key(.escape)
        #expect(!s.state.generate.previewZoomed)

        s.send(.terminal(.resize(columns: 50, rows: 12)))
        let small = s.lines.joined(separator: " ")
        #expect(small.contains("at least 60x16") && small.contains("50x12"), "\(small)")
    }

    /// A long failure is cut in the job row and on the status line; f8 shows it whole.
    @Test func theWholeReasonIsAKeyAway() {
        var s = Screen()
        let reason = "the server said: " + String(repeating: "a very long explanation ", count: 12) + "THE END"
        s.state.status.lastError = reason
        s.key(.function(8))
        guard case .message(let message)? = s.state.overlay else { Issue.record("no message pop-up"); return }
        #expect(message.entries.first?.text == reason)
        let text = s.lines.joined(separator: "\n")
        #expect(text.contains("THE END") && text.contains("Last error"), "\(text)")
        s.key(.escape)
        #expect(s.state.overlay == nil)
    }

    @Test func mouseClicksFocusFieldsAndPickResults() {
        var s = Screen()
        let layout = GenerateLayout(columns: 120, rows: 40)
        let rows = FormRow.build(s.state.generate.form)
        let stepsIndex = s.state.generate.form.fields.firstIndex { $0.path == "steps" }!
        let top = FormRow.span(of: stepsIndex, in: rows)!.top
        s.send(.terminal(.mouse(button: .left, x: layout.formBody.x + 2, y: layout.formBody.y + top - s.state.generate.formScroll, pressed: true)))
        #expect(s.state.generate.focusedField?.path == "steps")
    }

    @Test func copyUsesOSC52() {
        var s = Screen()
        s.type("a fox")
        s.key(.alt("c"))
        #expect(s.effects.contains(.copy("a fox")))
        #expect(s.state.status.notice == "copied the prompt")
        #expect(OSC52.sequence(copying: "a fox") == "\u{1B}]52;c;YSBmb3g=\u{07}")
    }

    /// Inside a tmux that drops an application's OSC 52 (`set-clipboard external`, its default)
    /// the copy goes into tmux's paste buffer, and the status line says so: it said "copied the
    /// prompt" while nothing was copied.
    @Test func aCopyInsideTmuxSaysWhereItWent() {
        var s = Screen()
        s.state.clipboard = .tmuxBuffer
        s.type("a fox")
        s.key(.alt("c"))
        #expect(s.effects.contains(.copy("a fox")))
        #expect(s.state.status.notice?.hasPrefix("copied the prompt into tmux's paste buffer (prefix ] pastes it") == true)
        #expect(ClipboardRoute.detect(environment: ["TMUX": "/tmp/t,1,0"], setClipboard: { "external" }) == .tmuxBuffer)
        #expect(ClipboardRoute.detect(environment: ["TMUX": "/tmp/t,1,0"], setClipboard: { "on" }) == .terminal)
        #expect(ClipboardRoute.detect(environment: [:], setClipboard: { Issue.record("asked tmux outside tmux"); return nil }) == .terminal)
    }
}

/// Typing into a number field replaces its value on the first digit; an edit key first keeps it.
@Suite struct NumberFieldTests {
    @Test func theFirstDigitTypedReplacesTheNumber() {
        var s = ReducerAndViewTests.Screen()
        s.focus("width")
        #expect(s.state.generate.form.text(s.state.generate.focusedField!) == "1024")
        s.type("768")
        #expect(s.state.generate.form.draft.width == 768, "1024 then 768 typed gives 768, not 1024768")
        s.type("0")
        #expect(s.state.generate.form.draft.width == 7680, "later digits are added")
        s.focus("height")
        s.key(.end)
        s.key(.backspace)
        s.type("8")
        #expect(s.state.generate.form.draft.height == 1028, "after an edit key the value is kept: 1024, backspace, 8")
    }
}

/// F4 (or ctrl-o) goes to the next field with a problem, round to the first; with none it says so.
@Suite struct NextProblemTests {
    @Test func f4VisitsEachProblemInTurn() {
        var s = ReducerAndViewTests.Screen()
        s.focus("width")
        s.type("100")  // not a multiple of 16, below 128
        s.focus("ui.aspectLock")
        s.key(.function(4))
        #expect(s.state.generate.focusedField?.path == "width", "the first problem after the focus")
        s.key(.function(4))
        #expect(s.state.generate.focusedField?.path == "positivePrompt", "round to the prompt, which is required")
        s.type("a fox in the snow")
        s.focus("width")
        s.type("512")
        s.key(.function(4))
        #expect(s.state.status.notice == "next field with a problem: the form has no problem")
    }
}
