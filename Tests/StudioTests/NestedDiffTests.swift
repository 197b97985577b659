import Foundation
@testable import History
@testable import Studio
import TerminalUI
import Testing

/// Detail and compare open every nested value; compare marks a nested difference and the words
/// that changed between two prompts.
@Suite struct NestedDiffTests {
    static func row(_ id: Int64, prompt: String, weight: Double) -> HistoryRow {
        var job = StudioFixture.job(id, prompt: prompt)
        job.requestJSON = "{\"taskType\":\"imageInference\",\"model\":\"runware:111@1\",\"positivePrompt\":\"\(prompt)\","
            + "\"lora\":[{\"model\":\"civitai:1@1\",\"weight\":\(weight)}],\"acceleratorOptions\":{\"teaCache\":true}}"
        return HistoryRow(job)
    }

    @Test func aLoRAWeightAloneIsADifference() {
        let comparison = Comparison(Self.row(1, prompt: "a red fox in snow", weight: 0.8), Self.row(2, prompt: "a grey fox in snow", weight: 0.5))
        let weight = comparison.rows.first { $0.name == "lora[0].weight" }
        #expect(weight?.a == "0.8" && weight?.b == "0.5" && weight?.differs == true)
        #expect(comparison.rows.first { $0.name == "lora[0].model" }?.differs == false)
        let words = comparison.rows.first { $0.name == "  words" }
        #expect(words?.a == "-red" && words?.b == "+grey")
    }

    @Test func theDetailOpensEveryNestedValueAndWrapsTheWholePrompt() {
        let long = String(repeating: "a very long prompt about a lighthouse ", count: 8) + "END"
        let detail = JobDetail(Self.row(3, prompt: long, weight: 0.7))
        #expect(detail.lines.contains { $0.label == "lora[0].weight" && $0.value == "0.7" })
        #expect(detail.lines.contains { $0.label == "acceleratorOptions.teaCache" && $0.value == "on" })
        let rows = HistoryDetailView.wrapped(detail.lines, width: 40)
        #expect(rows.contains { $0.value.contains("END") }, "the prompt is there to its last word")
        #expect(rows.allSatisfy { $0.value.count <= 40 })
    }

    @Test func wordDiffKeepsTheCommonWords() {
        #expect(WordDiff.summary("a red fox in deep snow", "a grey fox in snow at dusk") == "-red +grey -deep +at +dusk")
        #expect(WordDiff.summary("same", "same") == "")
    }
}
