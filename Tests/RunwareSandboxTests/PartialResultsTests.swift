import Foundation
import RunwareAPI
import RunwareSandbox
import Testing
import TestSupport

/// Each image of a task has its own fate, as on Runware: some arrive while others fail, in either
/// of the two shapes the sources show for a failed image, and an async task's images finish one
/// at a time. The content checker flags images of an "nsfw" prompt when safety is on.
@Suite struct PartialResultsTests {
    static func four(_ delivery: DeliveryMethod, prompt: String = "a harbour at dawn") -> ImageInferenceRequest {
        var r = request(prompt, width: 128, height: 128)
        r.numberResults = 4
        r.seed = 100
        r.deliveryMethod = delivery
        return r
    }

    static func settings(_ shape: SandboxEngine.FailedImageShape) -> SandboxEngine.Settings {
        .init(apiKey: SandboxHarness.key, asyncLatency: .milliseconds(30), faults: try! FaultPlan(specs: ["partial=1"]), failedImages: shape)
    }

    @Test(arguments: SandboxEngine.FailedImageShape.allCases)
    func aSyncAnswerHoldsTheGoodImagesAndTheBlockedOne(shape: SandboxEngine.FailedImageShape) async throws {
        try await SandboxHarness.with(Self.settings(shape)) { sandbox in
            let answer = try await sandbox.client().submit(Self.four(.sync))
            #expect(answer.status == 200)
            #expect(answer.results.count == 3 && answer.results.allSatisfy { $0.isFinished && $0.status == nil })
            #expect(answer.imageFailures.count == 1 && answer.taskFailures.isEmpty)
            #expect(answer.imageFailures.first?.code == "contentPolicyViolation")
            #expect(answer.imageFailures.first?.message.contains("Image 4 of 4 was blocked") == true)
            let raw = try await sandbox.post(String(decoding: try RunwareJSON.encode([Self.four(.sync)]), as: UTF8.self))
            let body = String(decoding: raw.body, as: UTF8.self)
            #expect(body.contains("\"errors\"") == (shape == .inErrors), "\(body.prefix(300))")
        }
    }

    @Test(arguments: SandboxEngine.FailedImageShape.allCases)
    func anAsyncTasksImagesFinishOneAtATime(shape: SandboxEngine.FailedImageShape) async throws {
        try await SandboxHarness.with(Self.settings(shape)) { sandbox in
            let client = sandbox.client()
            let r = Self.four(.async)
            _ = try await client.submit(r)
            var seen: [(finished: Int, failed: Int, processing: Int)] = []
            for _ in 0..<300 {
                let answer = try await client.poll(taskUUID: r.taskUUID)
                let state = (answer.results.filter(\.isFinished).count, answer.imageFailures.count,
                             answer.results.filter { $0.status == "processing" }.count)
                #expect(state.0 + state.1 + state.2 == 4, "one item per image: \(state)")
                if seen.last.map({ $0 != state }) ?? true { seen.append(state) }
                if state.0 + state.1 == 4 { break }
                try await Task.sleep(for: .milliseconds(5))
            }
            #expect(seen.last.map { $0 == (3, 1, 0) } == true, "\(seen)")
            #expect(seen.contains { $0.0 > 0 && $0.2 > 0 }, "some images were done while others were still being made: \(seen)")
        }
    }

    @Test func theContentCheckerFlagsOneImageInFourOfAnNSFWPrompt() async throws {
        try await SandboxHarness.with { sandbox in
            var r = Self.four(.sync, prompt: "an nsfw test picture")
            r.safety = .init(checkContent: true)
            let results = try await sandbox.client().imageInference(r)
            #expect(results.map(\.nsfwContent) == [true, false, false, false], "seed 100 is a multiple of 4")
            var off = Self.four(.sync, prompt: "an nsfw test picture")
            off.safety = .init(checkContent: true, mode: .init(rawValue: "none"))
            #expect(try await sandbox.client().imageInference(off).allSatisfy { $0.nsfwContent == nil }, "mode none wins")
            var clean = Self.four(.sync)
            clean.safety = .init(checkContent: true)
            #expect(try await sandbox.client().imageInference(clean).allSatisfy { $0.nsfwContent == false })
        }
    }
}
