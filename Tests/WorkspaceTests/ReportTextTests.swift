import Foundation
import Generation
import History
import RunwareAPI
import Testing
import Workspace

/// The lines `generate` and the `history` subcommands print, built in Workspace.
@Suite struct ReportTextTests {
    static func job(id: Int64 = 7, prompt: String = "a fox", path: String = "/nonexistent/fox.png") -> HistoryJob {
        HistoryJob(id: id, taskUUID: "4d2bb1bc-945b-4ae7-96a4-0eee53c529bb", createdAt: Date(timeIntervalSince1970: 0),
                   finishedAt: nil, status: .done, reason: nil, model: "runware:111@1", positivePrompt: prompt,
                   negativePrompt: nil, width: 1024, height: 768, seed: 42, delivery: "sync",
                   requestJSON: #"{"taskType":"imageInference"}"#, cost: 0.0123, favourite: true, parentID: 3, lineage: .rerun,
                   tags: ["harbour"], results: [HistoryResult(index: 0, imageUUID: nil, seed: 42, path: path, width: 1024,
                                                              height: 768, format: "PNG", bytes: 10, nsfw: nil, cost: nil,
                                                              responseJSON: "{}")])
    }

    @Test func anEmptyListIsANoteAndAJobARowUnderTheHeading() throws {
        #expect(HistoryText.list([], json: false) == [.note("no jobs")])
        let lines = HistoryText.list([Self.job()], json: false)
        #expect(lines.count == 2)
        guard case .out(let row) = lines[1] else { Issue.record("not a stdout line"); return }
        #expect(row.hasPrefix("    7* "))
        #expect(row.contains("done         1024x768  1   -     a fox [missing files]"), "\(row)")
        var rated = Self.job()
        rated.rating = 4
        #expect(HistoryText.list([rated], json: false)[1] == .out(row.replacingOccurrences(of: "1   -  ", with: "1   4  ")))
    }

    @Test func detailsNameTheParentAndTheMissingImage() {
        let lines = HistoryText.detail(Self.job())
        #expect(lines.contains(.out("parent    3 (rerun)")))
        #expect(lines.contains(.out("image 1   /nonexistent/fox.png  seed 42  [missing]")))
        #expect(lines.contains(.out("cost      $0.0123")))
    }

    @Test func aJSONLineCarriesTheRecordedTaskObject() throws {
        guard case .json(let text) = HistoryText.list([Self.job()], json: true)[0] else { Issue.record("not JSON"); return }
        let o = try #require(try JSONValue.parse(Data(text.utf8)).objectValue)
        #expect(o["request"]?.objectValue?["taskType"]?.stringValue == "imageInference")
        #expect(o["lineage"]?.stringValue == "rerun")
    }

    @Test func quietRunsKeepResultsAndFailuresOnly() {
        let image = SavedImage(jobID: 5, path: "/out/a.png", taskUUID: "t", imageUUID: nil, seed: 9, cost: 0.5, format: "PNG",
                               bytes: 1, imageURL: nil, index: 0)
        let saved = JobEvent(jobID: 5, taskUUID: "t", step: .saved(image))
        #expect(RunReport.lines(saved, quiet: false, json: false)
                == [.out("/out/a.png"), .note("job 5: saved image 1 (seed 9, $0.5000)")])
        #expect(RunReport.lines(saved, quiet: true, json: false) == [.out("/out/a.png")])
        let retry = JobEvent(jobID: nil, taskUUID: "t", step: .retrying(RetryEvent(attempt: 1, maxRetries: 3, delay: .milliseconds(1500),
                                                                                      reason: "HTTP 503")))
        #expect(RunReport.lines(retry, quiet: false, json: false) == [.note("task t: retry 1 in 1.5 s after HTTP 503 (at most 3)")])
        #expect(RunReport.lines(retry, quiet: true, json: false).isEmpty)
        // Progress while images are being made; none once the saved and failed lines said it all.
        let making = JobEvent(jobID: 5, taskUUID: "t", step: .processing(ImagesProgress(saved: 1, failed: 0, total: 2, pending: [40])))
        #expect(RunReport.lines(making, quiet: false, json: false) == [.note("job 5: processing: 1 of 2 saved, 1 at 40%")])
        let made = JobEvent(jobID: 5, taskUUID: "t", step: .processing(ImagesProgress(saved: 1, failed: 1, total: 2, pending: [])))
        #expect(RunReport.lines(made, quiet: false, json: false).isEmpty)
        let failed = JobEvent(jobID: 5, taskUUID: "t", step: .historyWriteFailed("disk full"))
        #expect(RunReport.lines(failed, quiet: true, json: false) == [.error("job 5: History: disk full")])
    }
}
