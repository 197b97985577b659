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
        #expect(rerun.requests[0].seed == 42 && rerun.requests[0].taskUUID == Self.uuid && rerun.note == nil)
        #expect(rerun.parent.id == 11 && rerun.parent.lineage == .rerun)
        let variation = try HistoryLibrary.again(Self.job(), as: .variation)
        #expect(variation.requests[0].seed == nil && variation.parent.lineage == .variation)
        let fork = try HistoryLibrary.again(Self.job(), as: .fork)
        #expect(fork.requests[0].seed == 42 && fork.requests[0].taskUUID != Self.uuid && TaskID.isV4(fork.requests[0].taskUUID))
    }

    /// A job sent without a seed is remade with the seeds its images got: one request when they
    /// follow each other, one per image when they do not (a re-run drew new seeds).
    @Test func aJobWithoutASeedIsRemadeWithItsImagesSeeds() throws {
        func unseeded(_ seeds: [UInt64]) -> HistoryJob {
            var job = ReportTextTests.job(id: 12)
            job.seed = nil
            job.requestJSON = #"{"taskType":"imageInference","taskUUID":"\#(Self.uuid)","model":"runware:111@1","positivePrompt":"a fox","numberResults":\#(seeds.count)}"#
            job.results = seeds.enumerated().map { i, seed in
                HistoryResult(index: i, imageUUID: nil, seed: seed, path: "/x/\(i).png", width: 8, height: 8, format: "PNG", bytes: 1,
                              nsfw: nil, cost: nil, responseJSON: "{}")
            }
            return job
        }
        let following = try HistoryLibrary.again(unseeded([7, 8, 9]), as: .rerun)
        #expect(following.requests.map(\.seed) == [7] && following.requests[0].numberResults == 3)
        let unrelated = try HistoryLibrary.again(unseeded([7, 99]), as: .rerun)
        #expect(unrelated.requests.map(\.seed) == [7, 99] && unrelated.requests.allSatisfy { $0.numberResults == 1 })
        let fork = try HistoryLibrary.again(unseeded([7, 99]), as: .fork)
        #expect(fork.requests.map(\.seed) == [7] && fork.note?.contains("this fork remakes image 1") == true)
        #expect(try HistoryLibrary.again(unseeded([7, 99]), as: .variation).requests.map(\.seed) == [nil])
    }
}
