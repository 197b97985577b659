import Foundation
@testable import History
@testable import Studio
import TerminalUI
import Testing

/// Reviewing on the History screen: rating from the home row, marks and batch actions, the
/// loupe, saved searches, and jobs written by another process appearing by themselves.
@Suite struct HistoryReviewTests {
    @Test func numberKeysRateTheJobAndMoveOn() {
        var s = StudioFixture()
        s.openHistory([9, 8, 7])
        s.effects = []
        s.key(.character("4"))
        #expect(s.effects.contains(.history(.batch(HistoryBatch(.jobs([9]), .rate(4))))))
        #expect(s.state.history.job(at: 0)?.rating == 4, "shown before History answers")
        #expect(s.state.history.selectedJob?.id == 8, "on to the next job")
        s.key(.character("0"))
        #expect(s.effects.contains(.history(.batch(HistoryBatch(.jobs([8]), .rate(0))))))
        #expect(s.state.history.selectedJob?.id == 7)
    }

    /// In the detail too: the job is rated, and the detail moves on with the selection; Left and
    /// Right walk the search in it.
    @Test func theDetailRatesAndFollowsTheSelection() {
        var s = StudioFixture()
        s.openHistory([9, 8, 7])
        s.key(.enter)
        #expect(s.state.history.selectedRow?.id == 9)
        s.effects = []
        s.key(.character("3"))
        #expect(s.effects.contains(.history(.batch(HistoryBatch(.jobs([9]), .rate(3))))))
        guard case .detail(let detail) = s.state.history.pane else { Issue.record("the detail closed"); return }
        #expect(detail.row.id == 8, "the detail shows the next job")
        s.key(.right)
        #expect(s.state.history.selectedRow?.id == 7)
        s.key(.character("5"))
        guard case .detail(let last) = s.state.history.pane else { Issue.record("the detail closed"); return }
        #expect(last.row.id == 7 && last.lines.contains { $0.label == "rating" && $0.value.hasPrefix("★★★★★") },
                "the last job stays, its new rating shown")
        s.key(.left)
        #expect(s.state.history.selectedRow?.id == 8)
    }

    /// In the Generate zoom (F3) the number keys rate the shown result's job and go on to the
    /// older result.
    @Test func theGenerateZoomRatesItsResults() {
        var s = StudioFixture()
        s.state.generate.add(RecentResult(path: "/a.png", seed: 1, historyID: 12, index: 0))
        s.state.generate.add(RecentResult(path: "/b.png", seed: 2, historyID: 13, index: 0))
        let prompt = s.state.generate.prompt.text
        s.key(.function(3))
        #expect(s.state.generate.selected?.job == "13")
        s.effects = []
        s.key(.character("4"))
        #expect(s.effects.contains(.history(.batch(HistoryBatch(.jobs([13]), .rate(4))))))
        #expect(s.state.generate.selected?.job == "12", "on to the older result")
        s.key(.character("0"))
        #expect(s.effects.contains(.history(.batch(HistoryBatch(.jobs([12]), .rate(0))))))
        #expect(s.state.generate.selected?.job == "12", "the oldest stays")
        #expect(s.state.generate.prompt.text == prompt, "no digit typed into the prompt")
    }

    @Test func marksMakeTheJobKeysActOnTheMarkedJobs() {
        var s = StudioFixture()
        s.openHistory([9, 8, 7, 6])
        s.key(.character(" "))
        s.key(.character(" "))
        #expect(s.state.history.marks == [9, 8])
        #expect(s.state.status.notice?.hasPrefix("2 marked jobs") == true)
        s.effects = []
        s.key(.character("5"))
        #expect(s.effects.contains(.history(.batch(HistoryBatch(.jobs([9, 8]), .rate(5))))))
        // Delete: History counts what the marked jobs hold, then asks naming it.
        s.effects = []
        s.key(.character("d"))
        #expect(s.effects.contains(.history(.prepareDelete(.jobs([9, 8]), what: "2 marked jobs"))))
        s.send(.history(.deleteReady(ids: [9, 8], files: 3, userFiles: [], what: "2 marked jobs")))
        guard case .confirm(let question)? = s.state.overlay else { Issue.record("not asked"); return }
        #expect(question.question == "delete 2 marked jobs: 2 jobs and 3 image files?")
        s.effects = []
        s.key(.character("y"))
        #expect(s.effects.contains(.history(.batch(HistoryBatch(.jobs([9, 8]), .delete(userFiles: .keep))))))
        #expect(s.state.history.marks.isEmpty)
    }

    @Test func theWholeSearchIsMarkedWithOneKey() {
        var s = StudioFixture()
        s.key(.function(2))
        s.key(.character("/"))
        s.type("rating:0")
        s.key(.enter)
        s.answerHistory([5, 4])
        s.key(.character("a"))
        #expect(s.state.history.batchTarget == .search("rating:0"))
        s.effects = []
        s.key(.character("d"))
        #expect(s.effects.contains(.history(.prepareDelete(.search("rating:0"), what: "every job of this search (2)"))))
        s.key(.character("a"))
        #expect(s.state.history.batchTarget == nil)
    }

    @Test func theLoupeShowsOneJobAndWalksTheSearch() {
        var s = StudioFixture(columns: 100, rows: 30)
        s.openHistory([9, 8, 7])
        s.key(.character("z"))
        #expect(s.state.history.pane == .loupe)
        #expect(s.state.wantedThumbnails.contains { $0.path == "/img/9.png" && $0.columns == 100 })
        let text = StudioView(theme: .monochrome, keyMap: .defaults).draw(s.state).frame.text.joined(separator: "\n")
        #expect(text.contains("#9  unrated") && text.contains("seed 9") && text.contains("job 9") && text.contains("1 of 3"), "\(text)")
        s.key(.right)
        #expect(s.state.history.selectedJob?.id == 8 && s.state.history.pane == .loupe)
        s.key(.character("3"))
        #expect(s.state.history.selectedJob?.id == 7, "rated and on, still in the loupe")
        #expect(s.state.history.pane == .loupe)
        s.key(.escape)
        #expect(s.state.history.pane == .browse)
    }

    /// A picture that cannot be made (its file is gone or damaged) shows a marked cell with why,
    /// where the cell stayed blank for good.
    @Test func aPictureThatCannotBeMadeIsAMarkedCell() {
        var s = StudioFixture(columns: 100, rows: 30)
        s.openHistory([9, 8])
        guard let key = s.state.wantedThumbnails.first(where: { $0.path == "/img/9.png" }) else {
            Issue.record("no picture asked: \(s.state.wantedThumbnails)")
            return
        }
        s.send(.thumbnailFailed(key, reason: "damaged PNG image: end of stream"))
        let text = StudioView(theme: .monochrome, keyMap: .defaults).draw(s.state).frame.text.joined(separator: "\n")
        #expect(text.contains("x no picture"), "\(text)")
        #expect(text.contains("damaged"), "the reason, cut to the cell")
        let grid = CellGrid.unreadable(columns: 6, rows: 3, reason: "\u{1B}]0;title\u{07} 狐狸 gone")
        #expect(grid.text.allSatisfy { $0.count == 6 }, "\(grid.text)")
        #expect(!grid.text.joined().contains("\u{1B}"), "outside text made safe")
    }

    @Test func savedSearchesAreListedAndUsedByName() {
        var s = StudioFixture()
        s.send(.history(.savedSearches(["keepers": "rating:>=4"])))
        s.key(.function(2))
        s.key(.character("/"))
        s.type("@keepers -fox")
        #expect(s.state.history.queryError == nil)
        s.key(.enter)
        s.key(.character("@"))
        guard case .choice(let picker)? = s.state.overlay else { Issue.record("no list"); return }
        #expect(picker.list.all == ["@keepers  rating:>=4"])
        s.key(.enter)
        #expect(s.state.history.query.text == "@keepers")
        // = keeps the search line under a name.
        s.effects = []
        s.key(.character("="))
        s.type("best")
        s.key(.enter)
        #expect(s.effects.contains(.history(.saveSearch(name: "best", query: "@keepers"))))
        s.key(.character("/"))
        s.type(" @nope")
        #expect(s.state.history.queryError?.contains("no saved search called @nope") == true)
    }

    @Test func anotherProcessesJobsAppearByThemselves() {
        var s = StudioFixture()
        s.openHistory([3, 2])
        s.send(.history(.version(7)))
        let generation = s.state.history.generation
        s.send(.history(.version(7)))
        #expect(s.state.history.generation == generation, "nothing changed: nothing read")
        s.effects = []
        s.send(.history(.version(8)))
        #expect(s.state.history.generation > generation)
        #expect(s.effects.contains { if case .history(.load) = $0 { true } else { false } })
    }
}

@Suite struct StackKeysTests {
    @Test func eOpensTheSelectedStackAndGoesBack() {
        var s = StudioFixture()
        s.key(.function(2))
        var top = StudioFixture.job(9)
        top.stackCount = 3
        s.send(.history(.page(generation: s.state.history.generation, page: 0, total: 2, jobs: [top, StudioFixture.job(5)], matching: 4)))
        let text = StudioView(theme: .monochrome, keyMap: .defaults).draw(s.state).frame.text.joined(separator: "\n")
        #expect(text.contains("4 jobs in 2 stacks") && text.contains("▣3#9 "), "\(text)")
        // The list says it too, before the prompt.
        s.key(.character("m"))
        let list = StudioView(theme: .monochrome, keyMap: .defaults).draw(s.state).frame.text
        #expect(list.contains { $0.contains("    9  ") && $0.contains("▣3 ") }, "\(list.joined(separator: "|"))")
        #expect(list.contains { $0.contains("    5  ") && !$0.contains("▣") })
        s.key(.character("m"))
        s.effects = []
        s.key(.character("e"))
        #expect(s.state.history.query.text == "stack:9")
        #expect(s.effects.contains { if case .history(.load(let q, _, _, let stacked)) = $0 { q == "stack:9" && !stacked } else { false } })
        s.key(.character("e"))
        #expect(s.state.history.query.text == "")
        s.effects = []
        s.key(.character("u"))
        #expect(!s.state.history.stacked)
        #expect(s.effects.contains { if case .history(.load(_, _, _, let stacked)) = $0 { !stacked } else { false } })
    }
}

@Suite struct ExportFolderTests {
    /// `~` in a typed export folder is the studio's home (`$HOME`, as a shell has it), for one
    /// job and for the marked ones.
    @Test func aTildeIsTheHomeFolder() {
        var s = StudioFixture()
        s.state.homeFolder = "/home/ann"
        s.key(.function(2))
        s.send(.history(.page(generation: s.state.history.generation, page: 0, total: 2, jobs: [StudioFixture.job(9), StudioFixture.job(5)],
                            matching: 2)))
        s.effects = []
        s.key(.character("x"))
        s.key(.ctrl("u"))
        s.type("~/out")
        s.key(.enter)
        #expect(s.effects.contains(.history(.batch(HistoryBatch(.jobs([9]), .export(folder: "/home/ann/out"))))), "\(s.effects)")
        s.key(.character("a"))
        s.effects = []
        s.key(.character("x"))
        s.key(.ctrl("u"))
        s.type("~")
        s.key(.enter)
        #expect(s.effects.contains { if case .history(.batch(let b)) = $0 { b.action == .export(folder: "/home/ann") } else { false } }, "\(s.effects)")
        #expect(InputPrompt.folder("/srv/out", home: "/home/ann") == "/srv/out")
    }
}
