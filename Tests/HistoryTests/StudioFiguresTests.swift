import Foundation
@testable import History
import RunwareAPI
import Testing
import TestSupport

/// What the studio asks History while a request is edited: past prompts, comparable costs, spend.
@Suite struct StudioFiguresTests {
    let base = HistoryStoreTests()

    @Test func costPerImageComesFromJobsWithTheSameModelSizeAndSteps() throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let clock = FixedClock()
        let s = try base.store(folder, clock: clock)
        var a = base.request("a fox")
        a.steps = 20
        let first = try s.createPending(a)
        try s.addResult(base.result(0, seed: 1, cost: 0.002), to: first)
        try s.addResult(base.result(1, seed: 2, cost: 0.004), to: first)
        try s.finish(first, status: .done)
        var b = base.request("a hare")
        b.steps = 20
        let second = try s.createPending(b)
        try s.addResult(base.result(0, seed: 3, cost: 0.006), to: second)
        try s.finish(second, status: .done)
        // Different steps, different size: not comparable.
        var c = base.request("a wolf", size: 512)
        c.steps = 20
        let third = try s.createPending(c)
        try s.addResult(base.result(0, seed: 4, cost: 0.1), to: third)

        let found = try #require(try s.costPerImage(model: a.model, width: 1024, height: 1024, steps: 20))
        #expect(abs(found.cost - 0.004) < 1e-9)
        #expect(found.jobs == 2)
        #expect(try s.costPerImage(model: a.model, width: 1024, height: 1024, steps: 28) == nil)
        #expect(try s.costPerImage(model: "runware:100@1", width: 1024, height: 1024, steps: 20) == nil)
        #expect(abs(try s.spend(since: clock.now.addingTimeInterval(-60)) - 0.112) < 1e-9)
        #expect(try s.spend(since: clock.now.addingTimeInterval(60)) == 0)
    }

    @Test func promptsComeBackNewestFirstWithoutRepeats() throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let s = try base.store(folder)
        for prompt in ["one", "two", "one", "three"] { _ = try s.createPending(base.request(prompt)) }
        #expect(try s.recentPrompts() == ["three", "one", "two"])
    }
}
