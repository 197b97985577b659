import Foundation
@testable import History
import RunwareAPI
@testable import Studio
import Synchronization
import TerminalUI
import Testing
import TestSupport

/// A History action that writes goes key → History's reducer → `HistoryEffect.batch` → the
/// screen's runner → its port → `HistoryAnswer` → History's reducer, and the shell only routes.
/// The guide (docs/CODEBASE.md, "Adding a History action") lists the files one touches.
@Suite struct HistoryActionPortsTests {
    /// A History port in memory: it records each write and says what it was asked.
    final class RecordingPort: HistoryPort {
        let batches = Mutex<[HistoryBatch]>([])
        func page(query: String, page: Int, stacked: Bool) throws -> (total: Int, jobs: [HistoryJob], matching: Int?) { (0, [], nil) }
        func apply(_ batch: HistoryBatch) throws -> BatchOutcome {
            batches.withLock { $0.append(batch) }
            return BatchOutcome(said: "recorded \(batch.action)")
        }
        func measure(_ target: HistoryBatch.Target) throws -> (ids: [Int64], files: Int, userFiles: [String]) { ([], 0, []) }
        func lineage(of id: Int64) throws -> LineageTree { throw HistoryError.noSuchJob(id) }
        func saveSweep(_ sweep: SweepGrid) throws -> [String] { [] }
        func savedSearches() throws -> [String: String] { [:] }
        func saveSearch(name: String, query: String) throws {}
        func version() throws -> Int { 0 }
    }

    /// Answers a runner gave, in order.
    final class Answers: Sendable {
        private let all = Mutex<[HistoryAnswer]>([])
        func add(_ answer: HistoryAnswer) { all.withLock { $0.append(answer) } }
        var list: [HistoryAnswer] { all.withLock { $0 } }
    }

    /// The History effects among what the reducer asked for.
    static func historyEffects(_ effects: [StudioEffect]) -> [HistoryEffect] {
        effects.compactMap { if case .history(let effect) = $0 { effect } else { nil } }
    }

    @Test func aWriteGoesThroughHistorysPortAndComesBackAsHistorysAnswer() async throws {
        var s = StudioFixture()
        s.openHistory([20, 19, 18])
        s.effects = []
        s.key(.character("*"))
        let batch = HistoryBatch(.jobs([20]), .favourite(true))
        let effects = Self.historyEffects(s.effects)
        #expect(effects == [.batch(batch)], "one write, History's own: \(s.effects)")

        let port = RecordingPort(), answers = Answers()
        await HistoryRunner(port: port).perform(.batch(batch)) { answers.add($0) }
        #expect(port.batches.withLock { $0 } == [batch])
        #expect(answers.list == [.changed("recorded favourite(true)")])

        let generation = s.state.history.generation
        s.effects = []
        for answer in answers.list { s.send(.history(answer)) }
        #expect(s.state.status.notice == "recorded favourite(true)")
        #expect(s.state.history.generation > generation, "what is shown is read again")
        #expect(Self.historyEffects(s.effects).contains { if case .load = $0 { true } else { false } })
    }

    @Test func theRealStoreWritesAndSaysTheSentenceTheCLISays() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let store = try HistoryStore(path: folder.path + "/history.sqlite")
        try store.importBatch([(ImageInferenceRequest(taskUUID: TaskID.make(), positivePrompt: "a fox"), Date(), [])])
        let id = try #require(try store.list(limit: 1, offset: 0).first?.id)
        let port = LiveHistoryPort(history: store, sweepFolder: folder.url)
        let answers = Answers()
        await HistoryRunner(port: port).perform(.batch(HistoryBatch(.jobs([id]), .favourite(true)))) { answers.add($0) }
        #expect(answers.list == [.changed("job \(id) is a favourite")])
        #expect(try store.job(id).favourite)
        // A job that is not there is refused whole, and said as an error.
        let refused = Answers()
        await HistoryRunner(port: port).perform(.batch(HistoryBatch(.jobs([id, 999]), .rate(4)))) { refused.add($0) }
        #expect(refused.list.count == 1)
        if case .failed(let why)? = refused.list.first { #expect(why.contains("999")) } else { Issue.record("\(refused.list)") }
        #expect(try store.job(id).rating == 0, "nothing of a refused batch is written")
    }

    /// The files the favourite key (a real History action that writes) is named in: its action,
    /// its binding (and footer place), the reducer's case, the batch action with its sentence,
    /// and the store's write. A new action of its kind touches the same five.
    @Test func aHistoryActionThatWritesTouchesFiveFiles() throws {
        let sources = Binary.packageRoot.appendingPathComponent("Sources")
        let tokens = ["historyFavourite", "favourite(", "func setFavourite("]
        var found: [String] = []
        for target in ["Studio", "History"] {
            let root = sources.appendingPathComponent(target)
            let walker = FileManager.default.enumerator(atPath: root.path)
            while let name = walker?.nextObject() as? String {
                guard name.hasSuffix(".swift"),
                      let text = try? String(contentsOf: root.appendingPathComponent(name), encoding: .utf8),
                      tokens.contains(where: text.contains) else { continue }
                found.append(target + "/" + name)
            }
        }
        #expect(found.sorted() == [
            "History/HistoryBatch.swift",
            "History/HistoryStore+Batch.swift",
            "Studio/History/HistoryReducer+Jobs.swift",
            "Studio/Keys/KeyMap+Defaults.swift",
            "Studio/Keys/StudioAction.swift",
        ])
        #expect(found.allSatisfy { $0.hasPrefix("Studio/Keys/") || $0.hasPrefix("Studio/History/") || $0.hasPrefix("History/") })
    }

    /// The shell routes: it never names a screen's state fields to write them.
    @Test func theShellNeverWritesAScreensState() throws {
        let shell = Binary.packageRoot.appendingPathComponent("Sources/Studio/Shell")
        var writes: [String] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: shell.path) where name.hasSuffix(".swift") {
            let text = try String(contentsOf: shell.appendingPathComponent(name), encoding: .utf8)
            for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                // `state.history.x = …`, `state.generate.x[…] = …`, `state.history.x.y()` mutations, `+=`.
                if line.range(of: #"state\.(history|generate)\.[A-Za-z_.?\[\]0-9]+ *(=[^=]|\+=|-=)"#, options: .regularExpression) != nil {
                    writes.append("\(name):\(n + 1): \(line.trimmingCharacters(in: .whitespaces))")
                }
            }
        }
        #expect(writes.isEmpty, "\(writes)")
    }
}
