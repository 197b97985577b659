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

    /// A third parameter makes pages: the cells go page by page, each page row-major, and the
    /// sheet turns within its pages.
    @Test func aThirdAxisIsPages() throws {
        let axes = try SweepGrid.axes("steps=20,28 CFGScale=2,4,6 seed=1,2", fields: fields)
        #expect(axes.map(\.name) == ["steps", "CFGScale", "seed"])
        let base: [String: JSONValue] = ["model": .string("runware:111@1"), "positivePrompt": .string("a fox")]
        let cells = try SweepGrid.requests(base: base, axes: axes)
        #expect(cells.count == 12)
        #expect(cells.map(\.request.seed) == Array(repeating: 1, count: 6) + Array(repeating: 2, count: 6))
        #expect(cells[7].label == "steps=28 CFGScale=2 seed=2")
        var grid = SweepGrid(baseJobID: 1, axes: axes, cells: cells.map { SweepCell(label: $0.label) })
        #expect(grid.pages == 2 && grid.rows == 3 && grid.columns == 2 && grid.pageLabels == ["seed=1", "seed=2"])
        #expect(grid.cell(page: 1, row: 2, column: 1).label == "steps=28 CFGScale=6 seed=2")
        #expect(grid.cells(ofPage: 1).map(\.label) == cells[6...].map(\.label))
        grid.turn(by: 1)
        grid.turn(by: 1)
        #expect(grid.page == 1)
        grid.turn(by: -5)
        #expect(grid.page == 0)
        let tooMany = #expect(throws: SweepGrid.ParseError.self) {
            try SweepGrid.axes("steps=20,24,28,32 CFGScale=2,3,4 seed=1,2,3,4", fields: fields)
        }
        #expect(tooMany?.description == "48 cells; a sweep holds at most 36")
    }

    @Test func unclearLinesSayWhatToWrite() {
        #expect(throws: SweepGrid.ParseError.self) { try SweepGrid.axes("steps", fields: fields) }
        #expect(throws: SweepGrid.ParseError.self) { try SweepGrid.axes("steps=1 cfgscale=2 seed=3 scheduler=Euler", fields: fields) }
        let twice = #expect(throws: SweepGrid.ParseError.self) { try SweepGrid.axes("steps=20,28 CFGScale=2 Steps=30", fields: fields) }
        #expect(twice?.description == "steps is given twice; give each parameter once, with all its values")
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
