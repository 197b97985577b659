import Foundation
@testable import History
@testable import Studio
import TerminalUI

/// A studio state and reducer driven by events, with no app loop: what the shell tests share.
struct StudioFixture {
    static let clock = Date(timeIntervalSince1970: 1_790_000_000)

    var state: StudioState
    var reducer: StudioReducer
    var effects: [StudioEffect] = []

    init(columns: Int = 120, rows: Int = 40, keyMap: KeyMap = .defaults) {
        state = StudioState(columns: columns, rows: rows, now: Self.clock,
                            document: ["model": .string("runware:111@1"), "positivePrompt": .string("a fox"),
                                       "width": .int(1024), "height": .int(1024)],
                            target: "sandbox", pickerFolder: "/tmp")
        reducer = StudioReducer(keyMap: keyMap)
        effects = reducer.reduce(&state, .tick(Self.clock))
    }

    mutating func send(_ events: StudioEvent...) {
        for e in events { effects += reducer.reduce(&state, e) }
    }
    mutating func key(_ k: Key, times: Int = 1) { for _ in 0..<times { send(.terminal(.key(k))) } }
    mutating func type(_ text: String) { for c in text { key(.character(c)) } }

    /// A History job with a request that can be sent again.
    static func job(_ id: Int64, prompt: String? = nil) -> HistoryJob {
        let text = prompt ?? "job \(id)"
        let request = "{\"taskType\":\"imageInference\",\"model\":\"runware:111@1\",\"positivePrompt\":\"\(text)\",\"width\":512,\"height\":512,\"seed\":\(id)}"
        return HistoryJob(id: id, taskUUID: "t\(id)", createdAt: clock.addingTimeInterval(Double(id) * 60), finishedAt: nil,
                          status: .done, reason: nil, model: "runware:111@1", positivePrompt: text, negativePrompt: nil,
                          width: 512, height: 512, seed: UInt64(id), delivery: "sync", requestJSON: request, cost: 0.002,
                          favourite: id % 3 == 0, parentID: nil, lineage: nil, tags: [],
                          results: [HistoryResult(index: 0, imageUUID: nil, seed: UInt64(id), path: "/img/\(id).png", width: 512,
                                                  height: 512, format: "PNG", bytes: 1, nsfw: nil, cost: 0.002, responseJSON: "{}")])
    }

    /// Opens History and answers its first page with these jobs (newest first), as History would.
    mutating func openHistory(_ ids: [Int64]) {
        key(.function(2))
        answerHistory(ids)
    }

    /// Answers the page History asks for next with these jobs.
    mutating func answerHistory(_ ids: [Int64]) {
        send(.history(.page(generation: state.history.generation, page: 0, total: ids.count, jobs: ids.map { Self.job($0) })))
    }
}
