import Foundation
import GRDB
@testable import History
import RunwareAPI
import Testing
import TestSupport

/// `HistoryJob.request`: the recorded task parsed once, for rows written now and rows an older
/// Darkroom (or a damaged file) left.
@Suite struct RecordedRequestTests {
    @Test func aNewRowGivesBackTheExactRequest() throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let store = try HistoryStore(path: folder.path + "/history.sqlite")
        var r = ImageInferenceRequest(taskUUID: TaskID.make(), positivePrompt: "a lighthouse at dusk")
        r.width = 768; r.height = 512; r.seed = 42; r.steps = 20
        r.lora = [.init(model: "civitai:667004@746484", weight: 0.8)]
        let job = try store.job(try store.createPending(r))
        #expect(try job.request == r)
        #expect(job.taskObject?["steps"] == .int(20))
        #expect(job.taskObject?["taskUUID"] == .string(r.taskUUID))
        #expect(!job.isImported)
    }

    /// A row an older Darkroom wrote: a legacy spelling the decoder still understands, and a key it does not.
    @Test func anOldRowDecodesLikeTheAPIWouldAndListsWhatItCouldNotRead() throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let store = try HistoryStore(path: folder.path + "/history.sqlite")
        let id = try store.createPending(ImageInferenceRequest(taskUUID: TaskID.make(), positivePrompt: "placeholder"))
        let old = """
            {"taskType":"imageInference","taskUUID":"6f1c3a52-0f4e-4a8e-9a39-3c1f1f6b2c11","model":"runware:101@1",
             "positivePrompt":"a fox in snow","seedImage":"https://example.com/fox.png","strength":0.6,"someRetiredField":3}
            """
        try store.pool.write { db in try db.execute(sql: "UPDATE job SET requestJSON = ? WHERE id = ?", arguments: [old, id]) }
        let job = try store.job(id)
        let request = try job.request
        #expect(request.positivePrompt == "a fox in snow" && request.model == "runware:101@1")
        #expect(request.inputs?.seedImage == "https://example.com/fox.png")
        let recorded = try job.recorded.get()
        #expect(recorded.issues.contains { $0.parameters.contains("someRetiredField") })
        #expect(job.taskObject?["someRetiredField"] == .int(3))
    }

    @Test func aRowWhoseJSONCannotBeReadIsNamedWhenItsRequestIsAskedFor() throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let store = try HistoryStore(path: folder.path + "/history.sqlite")
        let id = try store.createPending(ImageInferenceRequest(taskUUID: TaskID.make(), positivePrompt: "a cat"))
        try store.pool.write { db in try db.execute(sql: "UPDATE job SET requestJSON = '[1, 2' WHERE id = ?", arguments: [id]) }
        let job = try store.job(id)
        #expect(job.taskObject == nil)
        #expect { try job.request } throws: { error in
            guard case HistoryError.unreadableRequest(let jobID, let reason) = error else { return false }
            return jobID == id && reason.contains("not JSON")
        }
    }

    @Test func changingTheJSONParsesItAgain() throws {
        var job = HistoryJob(id: 1, taskUUID: "t", createdAt: Date(), finishedAt: nil, status: .done, reason: nil, model: "m",
                             positivePrompt: "p", negativePrompt: nil, width: nil, height: nil, seed: nil, delivery: "sync",
                             requestJSON: "{}", cost: nil, favourite: false, parentID: nil, lineage: nil, tags: [], results: [])
        #expect(job.taskObject == [:])
        job.requestJSON = #"{"positivePrompt":"a cat"}"#
        #expect(job.taskObject?["positivePrompt"] == .string("a cat"))
    }

    @Test func anImportedJobSaysSo() throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let store = try HistoryStore(path: folder.path + "/history.sqlite")
        let id = try store.importImage(ImageInferenceRequest(taskUUID: TaskID.make(), positivePrompt: "a cat"),
                                       result: HistoryResult(index: 0, imageUUID: nil, seed: nil, path: "/x/cat.png", width: nil,
                                                             height: nil, format: "PNG", bytes: 1, nsfw: nil, cost: nil,
                                                             responseJSON: "{}"))
        #expect(try store.job(id).isImported)
    }

    @Test func whatTheAPIAnsweredForAnImageIsParsedOnceToo() throws {
        var result = HistoryResult(index: 0, imageUUID: "i", seed: 1, path: "/x.png", width: 8, height: 8, format: "PNG", bytes: 1,
                                   nsfw: nil, cost: nil, responseJSON: #"{"imageUUID":"i","NSFWContent":false}"#)
        #expect(result.response?["NSFWContent"] == .bool(false))
        result.responseJSON = "not json"
        #expect(result.response == nil)
    }
}
