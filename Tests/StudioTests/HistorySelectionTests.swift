import Foundation
@testable import History
@testable import Studio
import TerminalUI
import Testing

/// The History selection is a job, not a place: it stays on its job when rows are added above
/// it or removed, and every action goes to that job.
@Suite struct HistorySelectionTests {
    @Test func theSelectionFollowsItsJobWhenARowIsAddedAbove() {
        var s = StudioFixture()
        s.openHistory([20, 19, 18, 17])
        s.key(.right, times: 2)
        #expect(s.state.history.selectedJob?.id == 18)
        // A re-run finishes: History has a new newest job, and answers again.
        s.send(.history(.changed("job 21 finished")))
        s.answerHistory([21, 20, 19, 18, 17])
        #expect(s.state.history.selected == 3)
        #expect(s.state.history.selectedJob?.id == 18)
        // The actions go to that job.
        s.effects = []
        s.key(.character("v"))
        guard case .run(_, _, let parent)? = s.effects.first(where: { if case .run = $0 { true } else { false } }) else {
            Issue.record("no job sent: \(s.effects)")
            return
        }
        #expect(parent == JobParent(id: 18, lineage: .variation))
        s.key(.character("d"))
        #expect(s.state.overlay == .confirm(Confirmation(.deleteJob(18), question: "delete job 18 and its 1 image file (18.png)?")))
    }

    /// A re-run joins its job's stack and becomes its cover: the selection stays on that stack,
    /// not on the job that slid into the old row.
    @Test func theSelectionFollowsItsJobIntoItsStack() {
        var s = StudioFixture()
        func stacked(_ id: Int64, _ stack: String) -> HistoryJob {
            var job = StudioFixture.job(id, prompt: stack)
            job.stackKey = stack
            return job
        }
        s.key(.function(2))
        s.send(.history(.page(generation: s.state.history.generation, page: 0, total: 3,
                            jobs: [stacked(20, "owl"), stacked(19, "fox"), stacked(18, "cat")])))
        s.key(.right)
        #expect(s.state.history.selectedJob?.positivePrompt == "fox")
        s.key(.character("r"))
        s.send(.history(.changed("job 21 finished")))
        var rerun = stacked(21, "fox")
        rerun.stackCount = 2
        s.send(.history(.page(generation: s.state.history.generation, page: 0, total: 3,
                            jobs: [rerun, stacked(20, "owl"), stacked(18, "cat")])))
        #expect(s.state.history.selectedJob?.id == 21, "the fox stack, under its new cover")
        s.effects = []
        s.key(.character("*"))
        // Job 21 is a favourite in the fixture (every third id): `*` takes it off, on that job.
        #expect(s.effects.contains(.history(.batch(HistoryBatch(.jobs([21]), .favourite(false))))), "never the cat that slid into the row: \(s.effects)")
    }

    /// `z` on a Generate result opens that result's own job, even inside a stack whose cover is
    /// another job.
    @Test func theLoupeOfAGenerateResultIsItsOwnJob() {
        var s = StudioFixture()
        s.state.generate.add(RecentResult(path: "/img/12.png", seed: 12, historyID: 12, index: 0))
        s.key(.function(3))
        s.key(.character("z"))
        #expect(s.state.screen == .history && s.state.history.pane == .loupe)
        #expect(s.state.history.query.text == "stack:12", "its own stack, each job a cell")
        s.answerHistory([14, 13, 12])
        #expect(s.state.history.selectedJob?.id == 12)
        s.effects = []
        s.key(.character("4"))
        #expect(s.effects.contains(.history(.batch(HistoryBatch(.jobs([12]), .rate(4))))))
        s.key(.escape)
        s.key(.character("e"))
        #expect(s.state.history.query.text == "", "e goes back to all of History")
    }

    @Test func whileTheNewPagesAreOnTheirWayNothingActsOnAnotherJob() {
        var s = StudioFixture()
        s.openHistory([20, 19, 18])
        s.key(.right)
        s.send(.history(.changed("job 21 finished")))
        // The pages on show stay until the fresh ones come: the keys still act on the selected
        // job (found by its id, never by its place), so a key typed meanwhile is not lost.
        #expect(s.state.history.selectedJob?.id == 19)
        #expect(s.effects.contains { if case .history(.load) = $0 { true } else { false } }, "asked again")
        s.effects = []
        s.key(.character("r"))
        guard case .run(_, _, let parent)? = s.effects.first(where: { if case .run = $0 { true } else { false } }) else {
            Issue.record("no job sent: \(s.effects)")
            return
        }
        #expect(parent == JobParent(id: 19, lineage: .rerun))
        s.answerHistory([21, 20, 19, 18])
        #expect(s.state.history.selectedJob?.id == 19)
        #expect(s.state.history.selected == 2)
    }

    /// An imported job's file is the user's own: `d` names it and keeps it (y), `f` deletes it too.
    @Test func deletingAnImportedJobKeepsTheUsersFileUnlessAskedByName() {
        var s = StudioFixture()
        var imported = StudioFixture.job(30)
        imported.results[0].owned = false
        imported.results[0].path = "/home/me/Downloads/mine.jpg"
        s.key(.function(2))
        s.send(.history(.page(generation: s.state.history.generation, page: 0, total: 2, jobs: [imported, StudioFixture.job(29)])))
        s.key(.character("d"))
        guard case .confirm(let question)? = s.state.overlay else { Issue.record("not asked"); return }
        #expect(question.question == "delete job 30? Your own file /home/me/Downloads/mine.jpg stays where it is (f: delete it too).")
        s.effects = []
        s.key(.character("y"))
        #expect(s.effects.contains(.history(.batch(HistoryBatch(.jobs([30]), .delete(userFiles: .keep))))))
        s.key(.character("d"))
        s.effects = []
        s.key(.character("f"))
        #expect(s.effects.contains(.history(.batch(HistoryBatch(.jobs([30]), .delete(userFiles: .remove))))))
        // A job of Darkroom's own files has no f: the question is y or n.
        s.key(.right)
        s.key(.character("d"))
        guard case .confirm(let ours)? = s.state.overlay else { Issue.record("not asked"); return }
        #expect(ours.userFiles.isEmpty && !ours.question.contains("f:"))
        s.effects = []
        s.key(.character("f"))
        #expect(!s.effects.contains { if case .history(.batch(let b)) = $0, case .delete = b.action { true } else { false } }, "f deletes nothing of a job without the user's files")
    }

    @Test func whenItsJobIsDeletedTheSelectionTakesTheNextOne() {
        var s = StudioFixture()
        s.openHistory([22, 21, 20, 19])
        s.key(.right, times: 2)
        s.key(.character("d"))
        #expect(s.state.overlay == .confirm(Confirmation(.deleteJob(20), question: "delete job 20 and its 1 image file (20.png)?")))
        s.effects = []
        s.key(.character("y"))
        #expect(s.effects.contains(.history(.batch(HistoryBatch(.jobs([20]), .delete(userFiles: .keep))))))
        #expect(s.state.overlay == nil)
        s.send(.history(.changed("deleted job 20 and 1 image file")))
        s.answerHistory([22, 21, 19])
        #expect(s.state.history.selected == 2)
        #expect(s.state.history.selectedJob?.id == 19)
        // Deleting the oldest leaves the selection on the new oldest.
        s.key(.end)
        s.key(.character("d"))
        s.key(.character("y"))
        s.send(.history(.changed("deleted job 19")))
        s.answerHistory([22, 21])
        #expect(s.state.history.selectedJob?.id == 21)
    }

    @Test func aJobMovedToTheNextPageIsFoundThere() {
        var s = StudioFixture()
        let first = (0..<HistoryBrowser.pageSize).map { Int64(1000 - $0) }
        s.key(.function(2))
        s.send(.history(.page(generation: s.state.history.generation, page: 0, total: 1000, jobs: first.map { StudioFixture.job($0) })))
        // The last job of the first page.
        s.state.history.select(index: HistoryBrowser.pageSize - 1)
        let id = s.state.history.selectedJob?.id
        #expect(id == first.last)
        // A new job arrives on top: the selected one is now the first of page 1.
        s.send(.history(.changed("new job")))
        let shifted = [Int64(1001)] + first
        s.send(.history(.page(generation: s.state.history.generation, page: 0, total: 1001,
                            jobs: Array(shifted.prefix(HistoryBrowser.pageSize)).map { StudioFixture.job($0) })))
        #expect(s.state.history.selectedJob == nil, "not on page 0 any more; page 1 is asked for")
        #expect(s.effects.contains(.history(.load(query: "", generation: s.state.history.generation, page: 1, stacked: true))))
        let second = (0..<HistoryBrowser.pageSize).map { Int64(1001 - HistoryBrowser.pageSize - $0) }
        s.send(.history(.page(generation: s.state.history.generation, page: 1, total: 1001, jobs: second.map { StudioFixture.job($0) })))
        #expect(s.state.history.selectedJob?.id == id)
        #expect(s.state.history.selected == HistoryBrowser.pageSize)
    }
}
