import Foundation
import RunwareAPI
@testable import Studio
import Testing

@Suite struct GenerateFormTests {
    static let start: [String: JSONValue] = [
        "model": .string("runware:111@1"), "positivePrompt": .string("a lighthouse"), "width": .int(1024), "height": .int(1024),
    ]

    func field(_ form: GenerateForm, _ path: String) throws -> FieldSpec {
        try #require(form.fields.first { $0.path == JSONPath(path) })
    }

    @Test func pathsReadAndWriteNestedValues() {
        var v = JSONValue.object([:])
        v[JSONPath("lora[1].weight")] = .double(0.5)
        #expect(v[JSONPath("lora[1].weight")] == .double(0.5))
        #expect(v[JSONPath("lora[0]")] == .null)
        v[JSONPath("lora[0]")] = nil
        #expect(v[JSONPath("lora")]?.arrayValue?.count == 1)
        #expect(JSONPath("pulid.images[0]").description == "pulid.images[0]")
        #expect(JSONPath("lora[2].model").parent == JSONPath("lora[2]"))
    }

    @Test func everyViolationSitsBesideItsField() throws {
        var form = GenerateForm(document: Self.start)
        #expect(form.issues.isEmpty)
        form.set(try field(form, "steps"), text: "80")
        form.set(try field(form, "width"), text: "1000")
        form.set(try field(form, "CFGScale"), text: "abc")
        let steps = form.issues(for: try field(form, "steps"))
        #expect(steps.map(\.description) == ["steps = 80: must be between 1 and 50"])
        #expect(form.issues(for: try field(form, "width")).first?.rule.contains("multiple of 16") == true)
        #expect(form.issues(for: try field(form, "CFGScale")).map(\.rule) == ["must be a number"])
        #expect(form.issues.count == 3)
        #expect(form.unplacedIssues.isEmpty)
        // Fixing it clears it.
        form.set(try field(form, "steps"), text: "28")
        #expect(form.issues(for: try field(form, "steps")).isEmpty)
    }

    /// 400 LoRAs, each out of range: each item's issue on its own row, none on another's, none
    /// unplaced (the issues are looked up by path; scanning them for every row cost 6.3 s a key,
    /// see `darkroom-bench studio`).
    @Test func manyInvalidStackItemsEachShowTheirOwnIssue() throws {
        var document = Self.start
        document["lora"] = .array((0..<400).map { .object(["model": .string("civitai:\($0)@1"), "weight": .double(9)]) })
        let form = GenerateForm(document: document)
        #expect(form.issues.count == 400)
        #expect(form.unplacedIssues.isEmpty)
        for i in [0, 1, 199, 399] {
            let weight = form.issues(for: try field(form, "lora[\(i)].weight"))
            #expect(weight.map(\.parameters) == [["lora[\(i)].weight"]], "\(weight)")
            #expect(form.issues(for: try field(form, "lora[\(i)].model")).isEmpty)
        }
    }

    /// Delivery cycles async and sync only: "default" is sync at the API, so offering it too made
    /// the same choice twice under two names. A choice with no documented default keeps "default".
    @Test func aChoiceWithAnAPIDefaultIsNotOfferedTwice() throws {
        var document = Self.start
        document["deliveryMethod"] = .string("async")
        var form = GenerateForm(document: document)
        let delivery = try field(form, "deliveryMethod")
        #expect(GenerateForm.choices(delivery) == ["sync", "async"])
        form.step(delivery, by: 1)
        #expect(form.value("deliveryMethod") == .string("sync"))
        form.step(delivery, by: 1)
        #expect(form.value("deliveryMethod") == .string("async"))
        form.set(delivery, text: "")
        #expect(GenerateForm.unsetChoice(delivery) == "sync (API default)")
        #expect(GenerateForm.choices(try field(form, "scheduler")).first == "default")
    }

    @Test func emptyTextGoesBackToTheAPIDefault() throws {
        var form = GenerateForm(document: Self.start)
        form.set(try field(form, "steps"), text: "20")
        #expect(form.draft.steps == 20)
        form.set(try field(form, "steps"), text: "")
        #expect(form.draft.steps == nil)
        #expect(form.value("steps") == nil)
    }

    @Test func stepsStayInsideTheDocumentedLimits() throws {
        var form = GenerateForm(document: Self.start)
        let steps = try field(form, "steps")
        form.step(steps, by: 1)
        #expect(form.draft.steps == 1)
        form.set(steps, text: "50")
        form.step(steps, by: 3)
        #expect(form.draft.steps == 50)
        let cfg = try field(form, "CFGScale")
        form.set(cfg, text: "3.5")
        form.step(cfg, by: 1)
        #expect(form.draft.cfgScale == 4)
        let scheduler = try field(form, "scheduler")
        form.step(scheduler, by: 1)
        #expect(form.draft.scheduler?.rawValue == Scheduler.allowed[0])
        form.step(scheduler, by: -1)
        #expect(form.draft.scheduler == nil)
    }

    @Test func sizePresetsAndTheAspectLock() throws {
        var form = GenerateForm(document: Self.start)
        form.set(try field(form, "ui.size"), text: "1344x768")
        #expect(form.draft.width == 1344 && form.draft.height == 768)
        form.toggle(try field(form, "ui.aspectLock"))
        form.set(try field(form, "width"), text: "896")
        #expect(form.draft.height == 512)
        form.set(try field(form, "height"), text: "1024")
        #expect(form.draft.width == 1792)
        #expect(form.text(try field(form, "ui.size")) == "custom 1792x1024")
    }

    @Test func stacksAddMoveAndRemoveItemsWithTheirRows() throws {
        var form = GenerateForm(document: Self.start)
        _ = form.addStackItem("lora", after: nil, model: "civitai:667004@746484")
        let second = form.addStackItem("lora", after: 0, model: "civitai:631986@706528")
        #expect(second == 1)
        #expect(form.fields.contains { $0.path == JSONPath("lora[1].weight") })
        form.set(try field(form, "lora[0].weight"), text: "0.8")
        #expect(form.moveStackItem("lora", at: 0, by: 1) == 1)
        #expect(form.draft.lora?.map(\.model) == ["civitai:631986@706528", "civitai:667004@746484"])
        #expect(form.draft.lora?[1].weight == 0.8)
        form.removeStackItem("lora", at: 0)
        form.removeStackItem("lora", at: 0)
        #expect(form.draft.lora == nil)
        #expect(!form.fields.contains { $0.path == JSONPath("lora[0].model") })
        // A ControlNet without a guide image names the missing field.
        _ = form.addStackItem("controlNet", after: nil, model: "runware:25@1")
        #expect(form.issues(for: try field(form, "controlNet[0].guideImage")).first?.code == "missingGuideImage")
    }

    @Test func featuresShowTheirSettingsAndEncodeAsDocumented() throws {
        var form = GenerateForm(document: Self.start)
        form.toggle(try field(form, "hiresFix"))
        #expect(form.draft.hiresFix == .on)
        form.set(try field(form, "hiresFix.steps"), text: "10")
        #expect(form.issues.map(\.parameter) == ["hiresFix.model"])
        form.set(try field(form, "hiresFix.model"), text: "runware:504@1")
        #expect(form.draft.hiresFix == .custom(model: "runware:504@1", steps: 10, strength: nil))
        form.toggle(try field(form, "pulid"))
        #expect(form.issues(for: try field(form, "pulid.images[0]")).count == 1)
        form.toggle(try field(form, "pulid"))
        form.toggle(try field(form, "advancedFeatures.layerDiffuse"))
        #expect(form.issues.first?.parameters.contains("advancedFeatures.layerDiffuse") == true)
        form.set(try field(form, "outputFormat"), text: "png")
        #expect(form.issues.isEmpty)
        #expect(form.draft.outputFormat?.canonical == .png)
    }

    /// Every feature on and one item in each stack, so that every row of the table shows.
    static let everything: [String: JSONValue] = start.merging([
        "steps": .int(28),
        "inputs": .object(["seedImage": .string("seed.png")]),
        "lora": .array([.object(["model": .string("civitai:1@1")])]),
        "controlNet": .array([.object(["model": .string("runware:25@1"), "guideImage": .string("guide.png")])]),
        "ipAdapters": .array([.object(["model": .string("runware:55@1"), "guideImages": .array([.string("ref.png")])])]),
        "hiresFix": .object(["model": .string("runware:504@1")]),
        "pulid": .object(["images": .array([.string("face.png")])]),
        "acePlusPlus": .object(["images": .array([.string("ref.png")])]),
        "ultralytics": .object([:]),
        "acceleratorOptions": .object([:]),
    ]) { $1 }

    /// The form's row for a table row (stack items at index 0, an image list at its first image).
    static func formPath(_ row: Parameter) -> JSONPath {
        let path = JSONPath(row.path.replacingOccurrences(of: "[]", with: "[0]"))
        return row.kind == .images ? path.appending(index: 0) : path
    }

    /// The parameter table and the form agree on every row: label, section, the range and step of
    /// +/-, the limit shown; and stepping past either end stays on a value validation accepts.
    @Test func everyTableRowIsAFormRowWithTheTablesLimits() throws {
        var form = GenerateForm(document: Self.everything)
        for row in Parameters.all {
            guard let placement = row.form else { continue }
            let path = Self.formPath(row)
            let spec = try #require(form.fields.first { $0.path == path }, "\(row.path) has no form row")
            #expect(spec.section == placement.section.rawValue, "\(row.path)")
            #expect(spec.label.hasPrefix(placement.label), "\(row.path)")
            #expect(spec.limit == row.shownLimit, "\(row.path)")
            let ownIssues = { (f: GenerateForm) in f.issues.filter { $0.parameters == [path.description] } }
            switch (spec.kind, row.range) {
            case (.integer(let range, let step), .integers(let min, let max)?):
                #expect(range == min...(max ?? Int.max), "\(row.path)")
                #expect(Double(step) == row.step, "\(row.path)")
                form.set(spec, text: String(min))
                form.step(spec, by: -1)
                #expect(form.value(path)?.intValue == min, "\(row.path)")
                #expect(ownIssues(form).isEmpty, "\(row.path): \(ownIssues(form))")
                if let max {
                    form.set(spec, text: String(max))
                    form.step(spec, by: 1)
                    #expect(form.value(path)?.intValue == max, "\(row.path)")
                    #expect(ownIssues(form).isEmpty, "\(row.path): \(ownIssues(form))")
                }
                form.set(spec, text: "")
            case (.decimal(let range, let step), .decimals(let min, let max)?):
                #expect(range == min...(max ?? Double.greatestFiniteMagnitude), "\(row.path)")
                #expect(step == row.step, "\(row.path)")
                form.set(spec, text: String(min))
                form.step(spec, by: -1)
                #expect(ownIssues(form).isEmpty, "\(row.path): \(ownIssues(form))")
                form.set(spec, text: "")
            case (.choice(let options), _):
                #expect(options == row.allowed, "\(row.path)")
            case (.decimal(let range, _), nil):
                #expect(range == -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude, "\(row.path)")
            case (.integer, _), (.decimal, _):
                Issue.record("\(row.path): a number row of the form needs a range in the table")
            default:
                break
            }
        }
        for spec in form.fields where !spec.path.description.hasPrefix("ui.") {
            #expect(Parameters[spec.path.description]?.form != nil, "\(spec.path) is a form row with no table row")
        }
    }

    @Test func aNumberWithoutADocumentedMaximumStepsPastTheOldFormLimit() throws {
        var form = GenerateForm(document: Self.everything)
        let skip = try field(form, "acceleratorOptions.dbCacheSkipInterval")
        form.set(skip, text: "50")
        form.step(skip, by: 1)
        #expect(form.value("acceleratorOptions.dbCacheSkipInterval")?.intValue == 51)
        #expect(form.issues(for: skip).isEmpty)
        let top = try field(form, "outpaint.top")
        form.set(top, text: "50")
        #expect(form.issues(for: top).isEmpty)
        #expect(top.limit == ">= 0")
    }
}
