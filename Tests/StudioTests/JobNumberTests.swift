import Foundation
import Generation
import RunwareAPI
@testable import Studio
import TerminalUI
import Testing

/// A job is shown by its History id once History has recorded it.
@Suite struct JobNumberTests {
    @Test func theShownNumberIsTheHistoryIDOnceKnown() {
        var s = StudioFixture()
        s.state.jobs.recorded(99, historyID: 1)  // an unknown job changes nothing
        s.key(.ctrl("g"))
        #expect(s.state.status.notice == "sending a new job")
        let id = s.state.jobs.lines[0].id
        #expect(s.state.jobs.lines[0].number == "new")
        // The runner's first event brings History's id; the studio's own handle is never shown.
        s.send(.job(id: id, JobEvent(jobID: 42, taskUUID: "t", step: .submitted(delivery: .async))))
        #expect(s.state.jobs.lines[0].number == "42")
        #expect(s.state.status.notice == "job 42 sent")
        s.send(.job(id: id, JobEvent(jobID: 42, taskUUID: "t", step: .saved(SavedImage(
            path: "/tmp/fox.png", taskUUID: "t", imageUUID: nil, seed: 7, cost: nil, format: "PNG", bytes: 1, imageURL: nil, index: 0)))))
        let screen = StudioView(theme: .monochrome, keyMap: .defaults).draw(s.state).frame.text.joined(separator: "\n")
        #expect(screen.contains("▶ #42 ") && screen.contains("▲ #42"), "\(screen)")
        s.key(.ctrl("x"))
        #expect(s.state.status.notice == "cancelling job 42")
    }

    /// The status line says how a job ended: done with how many images (and how many failed),
    /// cancelled, or failed with its reason.
    @Test func theStatusLineSaysHowAJobEnded() {
        var s = StudioFixture()
        s.key(.ctrl("g"))
        let id = s.state.jobs.lines[0].id
        s.send(.job(id: id, JobEvent(jobID: 5, taskUUID: "t", step: .submitted(delivery: .async))),
               .job(id: id, JobEvent(jobID: 5, taskUUID: "t", step: .processing(ImagesProgress(saved: 0, failed: 1, total: 2, pending: [50])))),
               .job(id: id, JobEvent(jobID: 5, taskUUID: "t", step: .saved(SavedImage(
                   path: "/tmp/a.png", taskUUID: "t", imageUUID: nil, seed: 1, cost: nil, format: "PNG", bytes: 1, imageURL: nil, index: 0)))),
               .jobEnded(id: id, failure: nil, cancelled: false))
        #expect(s.state.status.notice == "job 5 done: 1 of 2 images, 1 failed (History has why)")
        s.key(.ctrl("g"))
        let second = s.state.jobs.lines[1].id
        s.send(.job(id: second, JobEvent(jobID: 6, taskUUID: "u", step: .submitted(delivery: .async))),
               .jobEnded(id: second, failure: nil, cancelled: true))
        #expect(s.state.status.notice == "job 6 cancelled")
    }

    @Test func retriesNotesAndHistoryFailuresReachTheStatusLine() {
        var s = StudioFixture()
        s.key(.ctrl("g"))
        let id = s.state.jobs.lines[0].id
        s.send(.job(id: id, JobEvent(jobID: 7, taskUUID: "t", step: .retrying(
            RetryEvent(attempt: 1, maxRetries: 3, delay: .milliseconds(500), reason: "HTTP 503")))))
        #expect(s.state.status.notice == "job 7: retry 1 of 3 in 0.5 s after HTTP 503")
        s.send(.job(id: id, JobEvent(jobID: 7, taskUUID: "t", step: .note("image 1 was saved without its parameters"))))
        #expect(s.state.status.notice == "job 7: image 1 was saved without its parameters")
        s.send(.job(id: id, JobEvent(jobID: 7, taskUUID: "t", step: .historyWriteFailed("disk full"))))
        #expect(s.state.status.lastError == "job 7: History could not record it: disk full")
        let screen = StudioView(theme: .monochrome, keyMap: .defaults).draw(s.state).frame.text.joined(separator: "\n")
        #expect(screen.contains("History could not record it: disk full"), "\(screen)")
    }
}
