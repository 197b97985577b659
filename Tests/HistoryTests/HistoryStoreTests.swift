import Foundation
import GRDB
@testable import History
import RunwareAPI
import Synchronization
import Testing
import TestSupport

final class FixedClock: Sendable {
    private let value = Mutex(Date(timeIntervalSince1970: 1_795_000_000))  // 2026-11-18
    var now: Date { value.withLock { $0 } }
    func advance(_ seconds: TimeInterval) { value.withLock { $0 += seconds } }
}

@Suite struct HistoryStoreTests {
    func store(_ folder: TempFolder, clock: FixedClock = FixedClock()) throws -> HistoryStore {
        try HistoryStore(path: folder.path + "/history.sqlite", now: { clock.now })
    }

    func request(_ prompt: String, lora: String? = nil, seed: UInt64? = nil, size: Int = 1024) -> ImageInferenceRequest {
        var r = ImageInferenceRequest(taskUUID: TaskID.make(), positivePrompt: prompt)
        r.width = size; r.height = size; r.seed = seed
        if let lora { r.lora = [.init(model: lora, weight: 0.8)] }
        return r
    }

    func result(_ i: Int, seed: UInt64, cost: Double) -> HistoryResult {
        HistoryResult(index: i, imageUUID: TaskID.make(), seed: seed, path: "/img/\(i).jpg", width: 1024, height: 1024,
                      format: "JPG", bytes: 1000, nsfw: nil, cost: cost, responseJSON: "{}")
    }

    @Test func aJobGoesFromPendingToDoneWithItsResults() throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let clock = FixedClock()
        let s = try store(folder, clock: clock)
        let r = request("a lighthouse at dusk", seed: 42)
        let id = try s.createPending(r)
        #expect(try s.job(id).status == .pending)
        #expect(try s.unfinished().map(\.id) == [id])
        try s.markRunning(id)
        try s.addResult(result(0, seed: 42, cost: 0.002), to: id)
        try s.addResult(result(1, seed: 43, cost: 0.003), to: id)
        clock.advance(5)
        try s.finish(id, status: .done)
        let job = try s.job(id)
        #expect(job.status == .done && job.results.map(\.seed) == [42, 43])
        #expect(abs((job.cost ?? 0) - 0.005) < 1e-9)
        #expect(job.finishedAt == clock.now)
        #expect(job.requestJSON == String(decoding: try RunwareJSON.encode(r), as: UTF8.self))
        #expect(try s.unfinished().isEmpty)
        #expect(try s.job(taskUUID: r.taskUUID)?.id == id)
    }

    @Test func theDatabaseIsInWALMode() throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let s = try store(folder)
        #expect(try s.pool.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "wal")
    }

    @Test func searchUnderstandsWordsPhrasesAndFilters() throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let clock = FixedClock()
        let s = try store(folder, clock: clock)
        let a = try s.createPending(request("a red fox in deep snow", lora: "civitai:667004@746484", seed: 7))
        clock.advance(86_400 * 3)
        let b = try s.createPending(request("foxes running through a snowy forest", seed: 8, size: 512))
        clock.advance(86_400 * 3)
        let c = try s.createPending(request("a lighthouse at dusk, film photo", seed: 9))
        try s.setFavourite([c], true)
        try s.tag(a, add: ["winter", "keep"])
        try s.finish(b, status: .failed, reason: "HTTP 500")
        func ids(_ q: String) throws -> [Int64] { try s.search(HistoryQuery.parse(q)).map(\.id) }
        // Porter stemming: "fox" finds "foxes"; "snowy" stems to "snowi", so only a prefix finds it.
        #expect(try ids("fox") == [b, a])
        #expect(try ids("snow") == [a])
        #expect(try ids("snow*") == [b, a])
        #expect(try ids("red fox") == [a])
        #expect(try ids("\"film photo\"") == [c])
        #expect(try ids("lora:667004") == [a])
        #expect(try ids("civitai") == [a])
        #expect(try ids("seed:8") == [b])
        #expect(try ids("tag:winter") == [a])
        #expect(try ids("fav") == [c])
        #expect(try ids("status:failed") == [b])
        #expect(try ids("size:512x512") == [b])
        #expect(try ids("before:2026-11-21") == [a])
        #expect(try ids("after:2026-11-23") == [c])
        #expect(try ids("fox* status:pending") == [a])
        #expect(try ids("model:runware:111@1").count == 3)
        // As you type, the word being typed is a prefix; a space after it makes it whole.
        func typing(_ q: String) throws -> [Int64] { try s.search(HistoryQuery.parse(q, typing: true)).map(\.id) }
        #expect(try typing("ligh") == [c])
        #expect(try typing("ligh ") == [])
        #expect(try typing("red f") == [a])
        #expect(try typing("sno") == [b, a])
        #expect(try typing("\"film pho\"") == [])
        #expect(try typing("seed:8") == [b])
        #expect(try HistoryQuery.parse("fox*", typing: true).terms == ["fox*"])
    }

    @Test func badQueriesAreExplained() throws {
        #expect(throws: HistoryError.badQuery("seed:abc is not a whole number")) { try HistoryQuery.parse("seed:abc") }
        #expect(throws: HistoryError.self) { try HistoryQuery.parse("status:lost") }
        #expect(throws: HistoryError.self) { try HistoryQuery.parse("before:yesterday") }
        #expect(throws: HistoryError.self) { try HistoryQuery.parse("size:big") }
        // Quotes and FTS syntax in words are searched literally, never as syntax.
        #expect(try HistoryQuery.parse("NEAR^ AND* \"a\"\"b").matchExpression == "\"NEAR^\" AND \"AND\"* AND \"a\" AND \"b\"")
        // OR and parentheses are the search's own: unbalanced ones are explained.
        #expect(throws: HistoryError.badQuery("a \"(\" is not closed")) { try HistoryQuery.parse("(fox OR owl") }
        #expect(throws: HistoryError.badQuery("OR needs a term after it")) { try HistoryQuery.parse("fox OR") }
    }

    @Test func deletingRemovesResultsAndTagsAndReturnsTheFiles() throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let s = try store(folder)
        let id = try s.createPending(request("a cat"))
        try s.addResult(result(0, seed: 1, cost: 0), to: id)
        try s.tag(id, add: ["x"])
        let deletion = try s.delete(id)
        #expect(deletion.alreadyGone == ["/img/0.jpg"] && deletion.removed.isEmpty && deletion.failed.isEmpty)
        #expect(throws: HistoryError.noSuchJob(id)) { try s.job(id) }
        #expect(try s.pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM result") } == 0)
        #expect(try s.pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM tag") } == 0)
    }

    @Test func aFileThatIsNotADatabaseIsRefusedAndLeftAlone() throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let path = folder.path + "/history.sqlite"
        let junk = Data("this is not sqlite, it is a shopping list".utf8)
        try junk.write(to: URL(fileURLWithPath: path))
        #expect { try HistoryStore(path: path) } throws: { error in
            "\(error)".contains("is not a Darkroom history database") && "\(error)".contains("left untouched")
        }
        #expect(FileManager.default.contents(atPath: path) == junk)
    }

    @Test func someoneElsesDatabaseIsRefused() throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let path = folder.path + "/other.sqlite"
        try DatabaseQueue(path: path).write { try $0.execute(sql: "CREATE TABLE invoices (id INTEGER)") }
        #expect { try HistoryStore(path: path) } throws: { "\($0)".contains("invoices") }
    }

    @Test func twoStoresOnOneFileBothWrite() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let one = try store(folder), two = try store(folder)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for s in [one, two] {
                group.addTask { for i in 0..<50 { try s.createPending(self.request("prompt number \(i)")) } }
            }
            try await group.waitForAll()
        }
        #expect(try one.count == 100 && two.list(limit: 500).count == 100)
    }

    @Test func lineageIsKept() throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let s = try store(folder)
        let parent = try s.createPending(request("a cat"))
        let child = try s.createPending(request("a cat, watercolor"), parent: JobParent(id: parent, lineage: .fork))
        let job = try s.job(child)
        #expect(job.parentID == parent && job.lineage == .fork)
        #expect(job.parent == JobParent(id: parent, lineage: .fork))
        #expect(try s.job(parent).parent == nil)
    }
}
