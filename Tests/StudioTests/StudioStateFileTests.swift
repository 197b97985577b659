import Foundation
@testable import Studio
import TerminalUI
import Testing

/// What a restart brings back: the draft, the focused field, the screen and the strip, from a
/// file written atomically; a damaged file is named and ignored.
@Suite struct StudioStateFileTests {
    func folder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("darkroom-state-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func theDraftTheFocusTheScreenAndTheStripComeBack() throws {
        var s = StudioFixture()
        s.state.generate.setPrompt("a lighthouse at dusk")
        s.state.generate.setField("steps", text: "31")
        s.state.generate.focus(path: "steps")
        s.state.generate.add(RecentResult(path: "/kept.png", seed: 7, historyID: 12, index: 0))
        s.state.generate.add(RecentResult(path: "/gone.png", seed: 8, historyID: 13, index: 0))
        s.key(.function(2))
        #expect(s.state.screen == .history)

        let file = StudioStateFile(url: folder().appendingPathComponent("studio.json"))
        #expect(file.read() == .none)
        #expect(file.flush(StudioSnapshot(s.state)) == nil)
        guard case .snapshot(let snapshot) = file.read() else { Issue.record("not read back"); return }

        var fresh = StudioFixture().state
        snapshot.restore(into: &fresh) { $0 == "/kept.png" }
        #expect(fresh.generate.prompt.text == "a lighthouse at dusk")
        #expect(fresh.generate.form.value("positivePrompt") == .string("a lighthouse at dusk"))
        #expect(fresh.generate.form.value("steps") == .int(31))
        #expect(fresh.generate.focusedField?.path == "steps")
        #expect(fresh.screen == .history)
        #expect(fresh.generate.results.map(\.path) == ["/kept.png"], "a result whose file is gone is left out")
        #expect(fresh.generate.lastSeed == 7)
        fresh.screen = .generate
        let screen = StudioView(theme: .monochrome, keyMap: .defaults).draw(fresh).frame.text.joined(separator: "\n")
        let hint = screen.split(separator: "\n").first { $0.contains("No job") }.map(String.init) ?? "(no hint)"
        #expect(hint.contains("No job running yet; the strip holds"), "the restored strip is not called empty: \(hint)")
    }

    @Test func aDamagedFileIsNamedAndIgnored() throws {
        let url = folder().appendingPathComponent("studio.json")
        try Data("{\"version\": 1, \"draft\": ".utf8).write(to: url)
        guard case .damaged(let why) = StudioStateFile(url: url).read() else { Issue.record("damage not seen"); return }
        #expect(why.contains(url.path) && why.contains("starts fresh"))
        try Data("{\"version\": 99}".utf8).write(to: url)
        guard case .damaged(let other) = StudioStateFile(url: url).read() else { Issue.record("version not seen"); return }
        #expect(other.contains("version 99"))
    }

    @Test func writesAreAtomicAndOnlyWhenSomethingChanged() throws {
        let dir = folder()
        let url = dir.appendingPathComponent("studio.json")
        let file = StudioStateFile(url: url, minimumInterval: .zero)
        var s = StudioFixture()
        #expect(file.flush(StudioSnapshot(s.state)) == nil)
        let first = try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date
        let inode = try FileManager.default.attributesOfItem(atPath: url.path)[.systemFileNumber] as? Int
        #expect(file.flush(StudioSnapshot(s.state)) == nil)
        #expect(try FileManager.default.attributesOfItem(atPath: url.path)[.systemFileNumber] as? Int == inode,
                "the same state is not written again")
        s.state.generate.setPrompt("changed")
        #expect(file.flush(StudioSnapshot(s.state)) == nil)
        #expect(try FileManager.default.attributesOfItem(atPath: url.path)[.systemFileNumber] as? Int != inode,
                "a new state replaces the file by renaming a new one over it")
        #expect(first != nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["studio.json"], "no temporary file is left")
    }

    @Test func aFolderThatCannotBeWrittenIsSaidOnce() throws {
        let dir = folder()
        let blocker = dir.appendingPathComponent("not-a-folder")
        try Data().write(to: blocker)
        let file = StudioStateFile(url: blocker.appendingPathComponent("studio.json"))
        var s = StudioFixture()
        let said = file.flush(StudioSnapshot(s.state))
        #expect(said?.contains("the studio's state is not kept") == true)
        s.state.generate.setPrompt("again")
        #expect(file.flush(StudioSnapshot(s.state)) == nil, "said once, not at every write")
    }
}

/// The form's own names in the studio's messages, stack items counted from 1.
@Suite struct FieldNamesTests {
    @Test func pathsReadAsTheFormsLabels() {
        #expect(FieldNames.name(of: "ui.size") == "Size")
        #expect(FieldNames.name(of: "inputs.seedImage") == "Seed image")
        #expect(FieldNames.name(of: "lora[0].weight") == "LoRA 1 weight")
        #expect(FieldNames.name(of: "lora[1].model") == "LoRA 2")
        #expect(FieldNames.name(of: "steps") == "Steps")
        #expect(FieldNames.name(of: "no.such.thing") == "no.such.thing")
    }

    @Test func theStudiosProblemMessagesUseThem() {
        var s = StudioFixture()
        s.state.generate.setField("steps", text: "0")
        s.key(.function(4))
        let notice = s.state.status.notice ?? ""
        #expect(notice.hasPrefix("Steps = 0:"), "\(notice)")
    }
}

/// From History, one key puts the selected job's image into the form as an input image.
@Suite struct UseHistoryImageTests {
    @Test func aHistoryImageBecomesTheSeedImageTheMaskOrAGuideImage() {
        var s = StudioFixture()
        s.openHistory([7, 6])
        s.key(.character("i"))
        #expect(s.state.screen == .generate)
        #expect(s.state.generate.form.draft.inputs?.seedImage == "/img/7.png")
        #expect(s.state.generate.focusedField?.path == "inputs.seedImage")
        #expect(s.state.status.notice?.hasPrefix("job 7's image is the form's seed image") == true)
        s.key(.function(2))
        s.key(.character("k"))
        #expect(s.state.generate.form.draft.inputs?.maskImage == "/img/7.png")
        s.key(.function(2))
        s.key(.character("g"))
        #expect(s.state.generate.form.draft.controlNet?.first?.guideImage == "/img/7.png")
        #expect(s.state.generate.focusedField?.path == "controlNet[0].guideImage")
        // A second guide image goes into a new ControlNet, named from 1.
        s.key(.function(2))
        s.key(.character("g"))
        #expect(s.state.generate.form.draft.controlNet?.count == 2)
        #expect(s.state.generate.focusedField?.path == "controlNet[1].guideImage")
        #expect(s.state.generate.form.issues.contains { FieldNames.message($0).hasPrefix("ControlNet 2") })
    }
}
