import Foundation
import Generation
import History
import Imaging
import Preview
import RunwareAPI
import RunwareSandbox
@testable import Studio
import StudioTesting
import TerminalUI
import Testing
import TestSupport

/// The History screen on the app loop with a real History of 300 jobs: pages load around what
/// is on screen, search narrows as typed, and the actions reach History and the sandbox.
@Suite struct HistoryScreenTests {
    static func populate(_ history: HistoryStore, in folder: TempFolder) throws {
        let png = try ImageEncoder.encode(RGBAImage(width: 64, height: 64, fill: (200, 80, 40, 255)), as: .png)
        var items: [(request: ImageInferenceRequest, createdAt: Date, results: [HistoryResult])] = []
        for n in 0..<300 {
            var r = ImageInferenceRequest(taskUUID: TaskID.make(), positivePrompt: "\(n % 2 == 0 ? "a fox" : "an owl") number \(n)")
            r.width = 256
            r.height = 256
            r.seed = UInt64(1000 + n)
            let path = folder.path + "/job-\(n).png"
            if n >= 290 { try png.write(to: URL(fileURLWithPath: path)) }
            let result = HistoryResult(index: 0, imageUUID: TaskID.make(), seed: UInt64(1000 + n), path: path, width: 256, height: 256,
                                       format: "PNG", bytes: png.count, nsfw: nil, cost: 0.001, responseJSON: "{}")
            items.append((r, Date(timeIntervalSince1970: 1_790_000_000 + Double(n) * 60), [result]))
        }
        try history.importBatch(items)
    }

    func key(_ app: StudioApp, _ k: Key, times: Int = 1) { for _ in 0..<times { app.dispatch(.terminal(.key(k))) } }
    func type(_ app: StudioApp, _ text: String) { for c in text { key(app, .character(c)) } }

    // The sandbox runs in this process (`InMemorySandbox`): no port, no server thread.
    @Test func browseSearchOpenFavouriteDeleteForkAndRerun() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        do {
            let history = try HistoryStore(path: folder.path + "/history.sqlite")
            try Self.populate(history, in: folder)
            let ports = InMemorySandbox().ports(history: history, folder: folder.url.appendingPathComponent("images"))
            let terminal = GridTerminal(columns: 120, rows: 40)
            let state = StudioState(columns: 120, rows: 40, now: Date(), document: ["model": .string("runware:111@1"),
                                                                                    "positivePrompt": .string("")],
                                    target: "sandbox", pickerFolder: folder.path + "/images")
            let app = StudioApp(state: state, terminal: terminal, keyMap: .defaults, theme: .monochrome, ports: ports)
            app.start()
            key(app, .function(2))
            #expect(await app.settle { $0.history.total == 300 && $0.history.pages[0] != nil })
            // The newest first, with thumbnails of the ones that have files.
            #expect(await app.settle { s in s.thumbnails.keys.contains { $0.path.hasSuffix("job-299.png") } })
            #expect(terminal.text.joined().contains("300 jobs"))
            #expect(terminal.text.joined().contains("#300 an owl"))

            // Paging down loads the pages it reaches and lets far ones go.
            key(app, .pageDown, times: 40)
            #expect(await app.settle { s in s.history.job(at: s.history.selected) != nil })
            #expect(app.state.history.selected > 200)
            key(app, .home)
            #expect(await app.settle { $0.history.job(at: 0) != nil })

            // List mode has the columns.
            key(app, .character("m"))
            app.render()
            #expect(terminal.text[1].contains("status") && terminal.text[1].contains("seed") && terminal.text[1].contains("prompt"))
            #expect(terminal.text.contains { $0.contains("done") && $0.contains("1299") && $0.contains("$0.0010") })
            key(app, .character("m"))

            // Search as you type.
            key(app, .character("/"))
            type(app, "owl")
            key(app, .enter)
            #expect(await app.settle { $0.history.total == 150 && $0.history.pages[0] != nil })
            #expect(app.state.history.job(at: 0)?.positivePrompt == "an owl number 299")
            type(app, "/")
            type(app, " model:")
            #expect(app.state.history.queryError?.contains("model:") == true, "\(app.state.history.queryError ?? "")")
            key(app, .backspace, times: 7)
            key(app, .enter)
            #expect(await app.settle { $0.history.total == 150 && $0.history.pages[0] != nil })

            // Detail: every parameter, the seed.
            key(app, .enter)
            app.render()
            let detail = terminal.text.joined(separator: "\n")
            #expect(detail.contains("positivePrompt") && detail.contains("an owl number 299") && detail.contains("1299"))
            key(app, .escape)

            // Favourite, then it shows in a `fav` search.
            key(app, .character("*"))
            #expect(await app.settle { $0.history.job(at: 0)?.favourite == true })
            #expect(try history.search(HistoryQuery.parse("fav")).map(\.positivePrompt) == ["an owl number 299"])

            // Delete asks first, naming what goes; then the job and its file are gone.
            let doomed = try #require(app.state.history.job(at: 0))
            key(app, .character("d"))
            #expect(app.state.status.notice?.contains("delete job \(doomed.id) and its 1 image file") == true)
            key(app, .character("y"))
            // Done once the selection has settled on the job that took the deleted one's place (the
            // pages around where it was have arrived; until then no job is selected).
            #expect(await app.settle { $0.history.total == 149 && $0.history.selectedJob != nil })
            #expect(!FileManager.default.fileExists(atPath: doomed.results[0].path))
            #expect(throws: HistoryError.noSuchJob(doomed.id)) { try history.job(doomed.id) }

            // Every job on its own from here (a fork with a new seed would stack with its parent).
            key(app, .character("u"))
            #expect(await app.settle { !$0.history.stacked && $0.history.pages[0] != nil && $0.history.selectedJob != nil })

            // Fork into the form, change the seed, generate: recorded as a fork of that job.
            let parent = try #require(app.state.history.job(at: 0))
            #expect(app.state.history.selectedJob?.id == parent.id, "the selection moves to the job now in the deleted one's place")
            key(app, .character("f"))
            #expect(app.state.screen == .generate)
            #expect(app.state.generate.prompt.text == parent.positivePrompt)
            #expect(app.state.generate.form.draft.seed == parent.seed)
            key(app, .alt("r"))
            key(app, .ctrl("g"))
            #expect(await app.settle { $0.jobs.last?.phase == .done })
            let forked = try #require(try history.list(limit: 1).first)
            #expect(forked.parentID == parent.id && forked.lineage == .fork && forked.positivePrompt == parent.positivePrompt)

            // Re-run from History: the same request, recorded as a rerun.
            key(app, .function(2))
            #expect(await app.settle { $0.history.total == 150 && $0.history.pages[0] != nil })
            // The selection stayed on the job it was on; the fork is the newest, above it.
            #expect(app.state.history.selectedJob?.id == parent.id)
            key(app, .home)
            #expect(app.state.history.selectedJob?.id == forked.id)
            key(app, .character("r"))
            #expect(await app.settle { $0.jobs.last?.phase == .done && $0.jobs.count == 2 })
            let rerun = try #require(try history.list(limit: 1).first)
            #expect(rerun.lineage == .rerun && rerun.parentID == forked.id)

            // Lineage: from the re-run up to the fork, whose tree shows its parent and the re-run.
            #expect(await app.settle { $0.history.job(at: 0)?.id == rerun.id })
            #expect(app.state.history.selectedJob?.id == forked.id, "the selection follows its job down a row")
            key(app, .home)
            key(app, .character("l"))
            #expect(await app.settle { $0.history.lineageTree?.job.id == rerun.id })
            #expect(app.state.history.lineageTree?.parent?.id == forked.id)
            key(app, .up)
            key(app, .enter)
            #expect(await app.settle { $0.history.lineageTree?.job.id == forked.id })
            app.render()
            let tree = terminal.text.joined(separator: "\n")
            #expect(tree.contains("↑ parent #\(parent.id)") && tree.contains("├ rerun #\(rerun.id)"), "\(tree)")
            key(app, .escape)

            // Compare the two newest: the differing parameters are marked.
            key(app, .character("c"))
            key(app, .right)
            key(app, .character("c"))
            app.render()
            let compared = terminal.text.joined(separator: "\n")
            #expect({ if case .compare = app.state.history.pane { true } else { false } }())
            #expect(compared.contains("≠ job") && compared.contains("  model"), "\(compared)")
            key(app, .escape)

            // Tag, then find it by tag.
            key(app, .home)
            key(app, .character("t"))
            type(app, " best")
            key(app, .enter)
            #expect(await app.settle { $0.history.job(at: 0)?.tags == ["best"] })
            #expect(try history.search(HistoryQuery.parse("tag:best")).map(\.id) == [rerun.id])

            // Export to a folder: the images and the request.
            key(app, .character("x"))
            key(app, .ctrl("u"))
            type(app, folder.path + "/out")
            key(app, .enter)
            #expect(await app.settle { $0.status.notice?.hasPrefix("exported job \(rerun.id)") == true })
            #expect(FileManager.default.fileExists(atPath: folder.path + "/out/job-\(rerun.id).json"))

            // Open an image file from disk: its parameters land in the form.
            key(app, .character("o"))
            #expect(await app.settle { s in if case .files(let p)? = s.overlay { !p.loading && p.entries.count >= 2 } else { false } })
            key(app, .enter)
            #expect(await app.settle { $0.screen == .generate })
            #expect(app.state.generate.prompt.text == parent.positivePrompt)
            #expect(app.state.status.notice?.hasPrefix("loaded the parameters of") == true)

            // A 3x2 sweep over the newest job: six labelled cells, then one PNG with the labels.
            key(app, .function(2))
            #expect(await app.settle { $0.history.job(at: 0)?.id == rerun.id })
            key(app, .character("s"))
            key(app, .ctrl("u"))
            type(app, "CFGScale=99")
            key(app, .enter)
            #expect(app.state.status.notice?.contains("cell CFGScale=99: CFG scale = 99: must be between 0 and 20") == true, "\(app.state.status.notice ?? "")")
            key(app, .character("s"))
            key(app, .ctrl("u"))
            type(app, "CFGScale=2,4,6 steps=20,28")
            key(app, .enter)
            #expect(app.state.history.sweep?.cells.count == 6)
            #expect(await app.settle { s in s.history.sweep?.cells.allSatisfy { $0.path != nil } == true
                && s.thumbnails.count >= 6 })
            app.render()
            let sheet = terminal.text.joined(separator: "\n")
            #expect(sheet.contains("6 of 6 cells") && sheet.contains("CFGScale=4") && sheet.contains("steps=28"), "\(sheet)")
            key(app, .character("p"))
            #expect(await app.settle { $0.history.sweep?.savedPNGs.isEmpty == false })
            let png = try #require(app.state.history.sweep?.savedPNGs.first)
            let size = try ImageDecoder.dimensions(try Data(contentsOf: URL(fileURLWithPath: png)))
            #expect(size.width > 3 * 256 && size.height > 2 * 256)
            let cells = try history.children(of: rerun.id).filter { $0.lineage == .sweep }
            #expect(cells.count == 6)
            #expect(Set(cells.compactMap { try? JSONValue.parse(Data($0.requestJSON.utf8)).objectValue?["steps"] }) == [.int(20), .int(28)])
        }
    }
}
