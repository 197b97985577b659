import Foundation
@testable import History
@testable import Studio
import TerminalUI
import Testing

/// Scrolling the History screen through 100,000 jobs keeps only the pages around the view.
@Suite struct HistoryPagingTests {
    static func page(_ index: Int) -> [HistoryJob] {
        (0..<HistoryBrowser.pageSize).map { i in
            let n = Int64(100_000 - index * HistoryBrowser.pageSize - i)
            return HistoryJob(id: n, taskUUID: "t\(n)", createdAt: Date(timeIntervalSince1970: 1_790_000_000), finishedAt: nil,
                              status: .done, reason: nil, model: "runware:111@1", positivePrompt: "job \(n)", negativePrompt: nil,
                              width: 1024, height: 1024, seed: UInt64(n), delivery: "sync", requestJSON: "{}", cost: nil,
                              favourite: false, parentID: nil, lineage: nil, tags: [],
                              results: [HistoryResult(index: 0, imageUUID: nil, seed: UInt64(n), path: "/img/\(n).jpg", width: 1024,
                                                      height: 1024, format: "JPG", bytes: 1, nsfw: nil, cost: nil, responseJSON: "{}")])
        }
    }

    @Test func pagesLoadAroundTheViewAndFarOnesGo() {
        let reducer = StudioReducer()
        var state = StudioState(columns: 160, rows: 48, now: Date(), document: ["model": .string("runware:111@1"),
                                                                                "positivePrompt": .string("")],
                                target: "sandbox", pickerFolder: "/tmp")
        var effects = reducer.reduce(&state, .terminal(.key(.function(2))))
        #expect(effects.contains(.history(.load(query: "", generation: state.history.generation, page: 0, stacked: true))))
        var maxPages = 0
        for _ in 0..<400 {
            // Answer every page asked for, as History would.
            for case .history(.load(_, let generation, let page, _)) in effects {
                effects = reducer.reduce(&state, .history(.page(generation: generation, page: page, total: 100_000, jobs: Self.page(page))))
            }
            maxPages = max(maxPages, state.history.pages.count)
            effects += reducer.reduce(&state, .terminal(.key(.pageDown)))
        }
        let layout = HistoryLayout(columns: 160, rows: 48)
        #expect(state.history.selected == 400 * layout.pageCount(.sheet))
        #expect(state.history.job(at: state.history.selected)?.positivePrompt == "job \(100_000 - state.history.selected)")
        #expect(maxPages <= 2 * HistoryBrowser.keptPages + 2, "\(maxPages) pages held")
        #expect(state.history.pages[0] == nil)
        // Thumbnails asked for are only those on screen.
        let wanted = state.wantedThumbnails
        #expect(wanted.count == layout.pageCount(.sheet))
        // A late answer for an old query is dropped.
        let old = state.history.generation - 1
        _ = reducer.reduce(&state, .history(.page(generation: old, page: 0, total: 5, jobs: [])))
        #expect(state.history.total == 100_000)
    }

    @Test func theMouseSelectsOpensAndScrolls() {
        let reducer = StudioReducer()
        var state = StudioState(columns: 160, rows: 48, now: Date(), document: ["model": .string("runware:111@1"),
                                                                                "positivePrompt": .string("")],
                                target: "sandbox", pickerFolder: "/tmp")
        _ = reducer.reduce(&state, .terminal(.key(.function(2))))
        _ = reducer.reduce(&state, .history(.page(generation: state.history.generation, page: 0, total: 100_000, jobs: Self.page(0))))
        let layout = HistoryLayout(columns: 160, rows: 48)
        let second = (x: layout.body.x + HistoryLayout.cellWidth + 3, y: layout.body.y + 2)
        _ = reducer.reduce(&state, .terminal(.mouse(button: .left, x: second.x, y: second.y, pressed: true)))
        #expect(state.history.selected == 1 && state.history.pane == .browse)
        _ = reducer.reduce(&state, .terminal(.mouse(button: .left, x: second.x, y: second.y, pressed: true)))
        guard case .detail(let detail) = state.history.pane else { Issue.record("no detail open"); return }
        #expect(detail.row.job.positivePrompt == "job 99999")
        _ = reducer.reduce(&state, .terminal(.key(.escape)))
        _ = reducer.reduce(&state, .terminal(.mouse(button: .wheelDown, x: 5, y: 5, pressed: true)))
        #expect(state.history.selected == 1 + layout.perRow(.sheet))
    }
}
