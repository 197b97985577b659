import Foundation
@testable import History
import RunwareAPI
import Testing
import TestSupport

/// NOT, OR, parentheses, ratings, saved searches, the effective size and status:cancelled, over a
/// real History file; and the batch actions a search feeds.
@Suite struct SearchLanguageTests {
    func store(_ folder: TempFolder) throws -> HistoryStore { try HistoryStore(path: folder.path + "/history.sqlite") }

    func request(_ prompt: String, size: Int? = 1024) -> ImageInferenceRequest {
        var r = ImageInferenceRequest(taskUUID: TaskID.make(), positivePrompt: prompt)
        r.width = size; r.height = size
        return r
    }

    @Test func notOrAndParenthesesCombineWordsAndFilters() throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let s = try store(folder)
        let fox = try s.createPending(request("a red fox"))
        let owl = try s.createPending(request("a grey owl"))
        let frog = try s.createPending(request("a green frog"))
        let failedFox = try s.createPending(request("a fox that failed"))
        try s.finish(failedFox, status: .failed, reason: "HTTP 500")
        try s.finish(fox, status: .done)
        try s.finish(owl, status: .cancelled, reason: "cancelled")
        func ids(_ q: String) throws -> [Int64] { try s.search(s.parse(q)).map(\.id) }
        #expect(try ids("fox -status:failed") == [fox])
        #expect(try ids("fox NOT status:failed") == [fox])
        #expect(try ids("-fox") == [frog, owl])
        #expect(try ids("fox OR owl") == [failedFox, owl, fox])
        #expect(try ids("(fox OR owl) -status:failed") == [owl, fox])
        #expect(try ids("-(fox OR owl)") == [frog])
        #expect(try ids("green OR (fox status:done)") == [frog, fox])
        #expect(try ids("status:cancelled") == [owl])
        #expect(try s.count(matching: s.parse("-\"grey owl\"")) == 3)
        // As typed, the last word of a tree is a prefix too.
        #expect(try s.search(s.parse("-status:failed fro", typing: true)).map(\.id) == [frog])
    }

    @Test func ratingsAreKeptAndSearched() throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let s = try store(folder)
        let ids = try (0..<6).map { try s.createPending(request("job \($0)")) }
        for (n, id) in ids.enumerated() { try s.rate([id], n) }
        #expect(try s.job(ids[4]).rating == 4)
        func found(_ q: String) throws -> [Int64] { try s.search(s.parse(q)).map(\.id) }
        #expect(try found("rating:>=4") == [ids[5], ids[4]])
        #expect(try found("rating:0") == [ids[0]])
        #expect(try found("rating:<2") == [ids[1], ids[0]])
        #expect(try found("rating:3") == [ids[3]])
        #expect(throws: HistoryError.badRating(6)) { try s.rate([ids[0]], 6) }
        #expect(throws: HistoryError.self) { try HistoryQuery.parse("rating:9") }
        #expect(throws: HistoryError.noSuchJob(999)) { try s.rate([ids[1], 999], 2) }
        #expect(try s.job(ids[1]).rating == 1, "a refused batch changes nothing")
    }

    @Test func savedSearchesAreUsedByName() throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let s = try store(folder)
        let fox = try s.createPending(request("a red fox"))
        _ = try s.createPending(request("a grey owl"))
        try s.rate([fox], 5)
        try s.saveSearch("best", query: "rating:>=4")
        #expect(try s.savedSearches().map(\.name) == ["best"])
        #expect(try s.search(s.parse("@best")).map(\.id) == [fox])
        #expect(try s.search(s.parse("fox @best")).map(\.id) == [fox])
        #expect(try s.search(s.parse("-@best")).count == 1)
        #expect(throws: HistoryError.badQuery("no saved search called @nope")) { try s.parse("@nope") }
        // A saved search must read as a search, with the names it uses already saved.
        #expect(throws: HistoryError.badQuery("no saved search called @loop")) { try s.saveSearch("loop", query: "@loop") }
        #expect(throws: HistoryError.self) { try s.saveSearch("broken", query: "(fox") }
        #expect(throws: HistoryError.self) { try s.saveSearch("bad name", query: "fox") }
        try s.forgetSearch("best")
        #expect(throws: HistoryError.self) { try s.parse("@best") }
    }

    @Test func sizeFindsJobsSentWithoutOneByTheirImages() throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let s = try store(folder)
        let sized = try s.createPending(request("sized"))
        let unsized = try s.createPending(request("made at the default", size: nil))
        try s.addResult(HistoryResult(index: 0, imageUUID: nil, seed: 1, path: "/x.png", width: 1024, height: 1024, format: "PNG",
                                      bytes: 1, nsfw: nil, cost: nil, responseJSON: "{}"), to: unsized)
        #expect(try s.search(s.parse("size:1024x1024")).map(\.id) == [unsized, sized])
    }

    @Test func aBatchDeleteRemovesTheJobsAndTheirFilesOnly() throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let s = try store(folder)
        var ids: [Int64] = []
        for n in 0..<5 {
            let id = try s.createPending(request("job \(n)"))
            let path = folder.path + "/\(n).png"
            try Data([1]).write(to: URL(fileURLWithPath: path))
            try s.addResult(HistoryResult(index: 0, imageUUID: nil, seed: 1, path: path, width: 8, height: 8, format: "PNG",
                                          bytes: 1, nsfw: nil, cost: nil, responseJSON: "{}"), to: id)
            ids.append(id)
        }
        try s.rate([ids[0], ids[2]], 4)
        let doomed = try s.ids(matching: s.parse("rating:0"))
        #expect(doomed == [ids[4], ids[3], ids[1]])
        #expect(try s.files(of: doomed).count == 3)
        let batch = try s.delete(doomed)
        #expect(batch.jobs == 3 && batch.removed == 3 && batch.failed.isEmpty)
        #expect(batch.summary == "deleted 3 jobs and 3 image files")
        #expect(try s.list().map(\.id) == [ids[2], ids[0]])
        #expect(FileManager.default.fileExists(atPath: folder.path + "/0.png") && FileManager.default.fileExists(atPath: folder.path + "/2.png"))
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/1.png"))
        let again = try s.delete([ids[1]])
        #expect(again.jobsAlreadyGone == 1 && again.jobs == 0)
    }
}

/// Jobs that differ only in seed are one stack: read stacked, the newest with the count.
@Suite struct StackTests {
    @Test func variationsAndRerunsStackAndStackOpensThem() throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let s = try HistoryStore(path: folder.path + "/history.sqlite")
        func request(_ prompt: String, seed: UInt64?, results: Int? = nil) -> ImageInferenceRequest {
            var r = ImageInferenceRequest(taskUUID: TaskID.make(), positivePrompt: prompt)
            r.width = 512; r.height = 512; r.seed = seed; r.numberResults = results
            return r
        }
        let a = try s.createPending(request("a fox", seed: 1))
        let b = try s.createPending(request("a fox", seed: 2))
        let other = try s.createPending(request("an owl", seed: 1))
        let c = try s.createPending(request("a fox", seed: nil, results: 4))
        for (all, empty) in [(HistoryQuery(), true), (try s.parse("status:pending"), false)] {
            _ = empty
            let stacked = try s.searchStacked(all)
            #expect(stacked.map(\.id) == [c, other])
            #expect(stacked.map(\.stackCount) == [3, 1])
            #expect(try s.countStacked(matching: all) == (jobs: 4, stacks: 2))
        }
        #expect(try s.search(s.parse("stack:\(a)")).map(\.id) == [c, b, a])
        #expect(try s.search(s.parse("stack:\(other)")).map(\.id) == [other])
        #expect(try s.searchStacked(s.parse("fox")).first?.stackCount == 3)
    }

    /// A stack whose newest job has no picture (a cancelled or failed re-run) is shown by its
    /// newest job with one; the stack keeps its place and its count.
    @Test func aStacksCoverIsNeverAJobWithoutAPicture() throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let s = try HistoryStore(path: folder.path + "/history.sqlite")
        func job(_ prompt: String, seed: UInt64, picture: Bool) throws -> Int64 {
            var r = ImageInferenceRequest(taskUUID: TaskID.make(), positivePrompt: prompt)
            r.width = 512; r.height = 512; r.seed = seed
            let id = try s.createPending(r)
            if picture {
                try s.addResult(HistoryResult(index: 0, imageUUID: nil, seed: seed, path: folder.path + "/\(id).png", width: 8, height: 8,
                                              format: "PNG", bytes: 1, nsfw: nil, cost: nil, responseJSON: "{}"), to: id)
            }
            return id
        }
        let fox = try job("a fox", seed: 1, picture: true)
        let owl = try job("an owl", seed: 1, picture: true)
        _ = try job("a fox", seed: 2, picture: false)  // the re-run, cancelled
        let alone = try job("a cat", seed: 1, picture: false)
        for query in [HistoryQuery(), try s.parse("status:pending")] {
            let stacked = try s.searchStacked(query)
            #expect(stacked.map(\.id) == [alone, fox, owl], "\(query)")
            #expect(stacked.map(\.stackCount) == [1, 2, 1])
        }
        // A text search (the full-text index's join) finds the same cover.
        #expect(try s.searchStacked(s.parse("fox")).map(\.id) == [fox])
        do {
            let stacked = try s.searchStacked(HistoryQuery())
            #expect(stacked[1].stackKey == HistoryStore.variantKey(stacked[1].requestJSON))
        }
    }
}
