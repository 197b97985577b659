import RunwareAPI
@testable import Studio
import Testing

/// What a sweep line means: axes with values that may hold spaces, quotes, and every broken cell named.
@Suite struct SweepParseTests {
    let fields = GenerateForm(document: ["model": .string("runware:111@1"), "positivePrompt": .string("a fox"),
                                         "width": .int(1024), "height": .int(1024)]).fields

    @Test func schedulerNamesWithSpacesAreValues() throws {
        let axes = try SweepGrid.axes("scheduler=Euler,DPM++ 2M Karras steps=20,28", fields: fields)
        #expect(axes == [SweepAxis(name: "scheduler", values: ["Euler", "DPM++ 2M Karras"]),
                         SweepAxis(name: "steps", values: ["20", "28"])])
        let quoted = try SweepGrid.axes("scheduler=\"DPM++ 2M Karras\",Euler by CFGScale=2,4", fields: fields)
        #expect(quoted[0].values == ["DPM++ 2M Karras", "Euler"] && quoted[1].values == ["2", "4"])
    }

    /// `prompt:fox/cat,owl`: the prompt as it is, then with "cat" and "owl" in the place of "fox".
    @Test func aPromptSearchAndReplaceAxis() throws {
        let axes = try SweepGrid.axes("prompt:fox/cat,snow owl steps=20,28", fields: fields)
        #expect(axes[0] == SweepAxis(name: "prompt", values: ["fox", "cat", "snow owl"], replacing: "fox"))
        let base: [String: JSONValue] = ["model": .string("runware:111@1"), "positivePrompt": .string("a red fox at dusk")]
        let cells = try SweepGrid.requests(base: base, axes: axes)
        #expect(cells.map(\.request.positivePrompt) == ["a red fox at dusk", "a red cat at dusk", "a red snow owl at dusk",
                                                         "a red fox at dusk", "a red cat at dusk", "a red snow owl at dusk"])
        #expect(cells.map(\.request.steps) == [20, 20, 20, 28, 28, 28])
        let missing = #expect(throws: SweepGrid.ParseError.self) {
            try SweepGrid.requests(base: base, axes: SweepGrid.axes("prompt:wolf/cat", fields: fields))
        }
        #expect(missing?.description == "the prompt has no \"wolf\" to replace")
    }

    @Test func unclearLinesSayWhatToWrite() {
        #expect(throws: SweepGrid.ParseError.self) { try SweepGrid.axes("steps", fields: fields) }
        #expect(throws: SweepGrid.ParseError.self) { try SweepGrid.axes("steps=1 cfgscale=2 seed=3", fields: fields) }
        #expect(throws: SweepGrid.ParseError.self) { try SweepGrid.axes("scheduler=\"Euler", fields: fields) }
    }

    @Test func everyBrokenCellIsNamed() throws {
        let axes = try SweepGrid.axes("CFGScale=2,40 steps=0,28", fields: fields)
        let base: [String: JSONValue] = ["model": .string("runware:111@1"), "positivePrompt": .string("a fox")]
        let error = #expect(throws: SweepGrid.ParseError.self) { try SweepGrid.requests(base: base, axes: axes) }
        let text = error?.description ?? ""
        #expect(text.hasPrefix("3 of 4 cells break a limit"), "\(text)")
        #expect(text.contains("CFGScale=40 steps=28") && text.contains("Steps = 0"), "\(text)")
    }
}
