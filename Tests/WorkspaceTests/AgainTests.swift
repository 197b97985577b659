import Foundation
import History
import RunwareAPI
import Testing
import Workspace

/// `HistoryLibrary.again`: what `history rerun`, `rerun --new-seeds` and `fork` send.
@Suite struct AgainTests {
    static let uuid = "4d2bb1bc-945b-4ae7-96a4-0eee53c529bb"

    static func job() -> HistoryJob {
        var job = ReportTextTests.job(id: 11)
        job.requestJSON = #"{"taskType":"imageInference","taskUUID":"\#(uuid)","model":"runware:111@1","positivePrompt":"a fox","seed":42,"width":1024,"height":768}"#
        return job
    }

    @Test func aRerunIsTheExactRequestAVariationDropsTheSeedAForkGetsANewTask() throws {
        let rerun = try HistoryLibrary.again(Self.job(), as: .rerun)
        #expect(rerun.request.seed == 42 && rerun.request.taskUUID == Self.uuid && rerun.note == nil)
        #expect(rerun.parent.id == 11 && rerun.parent.lineage == .rerun)
        let variation = try HistoryLibrary.again(Self.job(), as: .variation)
        #expect(variation.request.seed == nil && variation.parent.lineage == .variation)
        let fork = try HistoryLibrary.again(Self.job(), as: .fork)
        #expect(fork.request.seed == 42 && fork.request.taskUUID != Self.uuid && TaskID.isV4(fork.request.taskUUID))
    }
}
