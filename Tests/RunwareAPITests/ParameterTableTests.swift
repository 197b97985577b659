import Foundation
import Testing
@testable import RunwareAPI

/// Walks `Parameters.all` and holds validation to every row: a value on a limit passes, a value
/// one step past it fails with an issue naming that field, its value and the limit.
@Suite struct ParameterTableTests {
    /// A valid task with everything a row may need around it: one item in each stack, every
    /// feature on, a seed image (outpaint and the mask need one) and the ACE++ model.
    static func context() -> [String: JSONValue] {
        let s = { (text: String) in JSONValue.string(text) }
        return [
            "taskType": s("imageInference"), "taskUUID": s("4d2bb1bc-945b-4ae7-96a4-0eee53c529bb"),
            "model": s(ImageInferenceRequest.acePlusPlusModel), "positivePrompt": s("a quiet harbour"),
            "width": .int(1024), "height": .int(1024), "steps": .int(28),
            "inputs": .object(["seedImage": s("seed.png")]),
            "lora": .array([.object(["model": s("civitai:1@1")])]),
            "controlNet": .array([.object(["model": s("runware:25@1"), "guideImage": s("guide.png")])]),
            "ipAdapters": .array([.object(["model": s("runware:55@1"), "guideImages": .array([s("ref.png")])])]),
            "hiresFix": .object(["model": s("runware:504@1")]),
            "pulid": .object(["images": .array([s("face.png")])]),
            "acePlusPlus": .object(["images": .array([s("ref.png")])]),
            "ultralytics": .object([:]),
            "acceleratorOptions": .object([:]),
        ]
    }

    /// The task with `value` at a table path (`[]` is the first item).
    static func task(_ path: String, _ value: JSONValue) -> ImageInferenceRequest {
        var root = JSONValue.object(context())
        set(&root, path.split(separator: ".").map(String.init)[...], value)
        let (request, issues) = ImageInferenceRequest.decode(root.objectValue!)
        #expect(issues.isEmpty, "\(path): \(issues)")
        return request
    }

    static func set(_ node: inout JSONValue, _ keys: ArraySlice<String>, _ value: JSONValue) {
        guard let first = keys.first else { node = value; return }
        var object = node.objectValue ?? [:]
        if first.hasSuffix("[]") {
            let key = String(first.dropLast(2))
            var items = object[key]?.arrayValue ?? [.object([:])]
            set(&items[0], keys.dropFirst(), value)
            object[key] = .array(items)
        } else {
            var child = object[first] ?? .object([:])
            set(&child, keys.dropFirst(), value)
            object[first] = child
        }
        node = .object(object)
    }

    /// Issues about this one field (rules between fields name two).
    static func issues(_ path: String, _ value: JSONValue) -> [ValidationIssue] {
        let concrete = path.replacingOccurrences(of: "[]", with: "[0]")
        return task(path, value).validate().filter { $0.parameters == [concrete] }
    }

    @Test func theContextIsValid() {
        var root = JSONValue.object(Self.context())
        Self.set(&root, ["inputs", "maskImage"], .string("mask.png"))
        #expect(ImageInferenceRequest.decode(root.objectValue!).request.validate().isEmpty)
    }

    @Test func pathsAreUniqueAndEveryItemBelongsToARow() {
        #expect(Set(Parameters.all.map(\.path)).count == Parameters.all.count)
        for row in Parameters.all {
            if let parent = row.parentPath { #expect(Parameters[parent] != nil, "\(row.path) has no parent row") }
            #expect(Parameters[row.path.replacingOccurrences(of: "[]", with: "[3]")]?.path == row.path)
            if row.kind == .choice { #expect(!row.allowed.isEmpty, "\(row.path)") }
            if row.form != nil, row.kind == .integer || row.kind == .decimal {
                #expect(row.step != nil, "\(row.path) needs a step for the form's +/-")
            }
        }
    }

    @Test(arguments: Parameters.all.filter { if case .integers? = $0.range { return $0.kind == .integer } else { return false } })
    func integerLimitsPassOnTheEdgeAndFailPastIt(_ row: Parameter) {
        guard case .integers(let min, let max)? = row.range else { return }
        #expect(Self.issues(row.path, .int(Int64(min))).isEmpty, "\(row.path) = \(min)")
        let below = Self.issues(row.path, .int(Int64(min - 1)))
        #expect(below.count == 1 && below[0].description.contains("= \(min - 1): must be"), "\(row.path): \(below)")
        #expect(below.first?.rule.contains(String(min)) == true)
        if let max {
            #expect(Self.issues(row.path, .int(Int64(max))).isEmpty, "\(row.path) = \(max)")
            let above = Self.issues(row.path, .int(Int64(max + 1)))
            #expect(above.count == 1 && above[0].rule.contains(String(max)), "\(row.path): \(above)")
        } else {
            #expect(Self.issues(row.path, .int(Int64(min) + 1_000_000)).isEmpty, "\(row.path) has no maximum")
        }
        if let multiple = row.multipleOf {
            let off = Self.issues(row.path, .int(Int64(min + 1)))
            #expect(off.count == 1 && off[0].rule.contains("multiple of \(multiple)"), "\(row.path): \(off)")
        }
    }

    @Test(arguments: Parameters.all.filter { if case .decimals? = $0.range { return true } else { return false } })
    func decimalLimitsPassOnTheEdgeAndFailPastIt(_ row: Parameter) {
        guard case .decimals(let min, let max)? = row.range else { return }
        let step = row.step ?? 0.01
        #expect(Self.issues(row.path, .double(min)).isEmpty, "\(row.path) = \(min)")
        let below = Self.issues(row.path, .double(min - step))
        #expect(below.count == 1 && below[0].rule.contains(JSONValue.format(min)), "\(row.path): \(below)")
        if let max {
            #expect(Self.issues(row.path, .double(max)).isEmpty, "\(row.path) = \(max)")
            let above = Self.issues(row.path, .double(max + step))
            #expect(above.count == 1 && above[0].rule.contains(JSONValue.format(max)), "\(row.path): \(above)")
        }
    }

    @Test(arguments: Parameters.all.filter { $0.kind == .choice })
    func choicesAllowTheirValuesAndNothingElse(_ row: Parameter) {
        for value in row.allowed { #expect(Self.issues(row.path, .string(value)).isEmpty, "\(row.path) = \(value)") }
        let wrong = Self.issues(row.path, .string("not-a-documented-value"))
        #expect(wrong.count == 1 && wrong[0].rule.hasPrefix("must be one of"), "\(row.path): \(wrong)")
    }

    @Test(arguments: Parameters.all.filter { if case .characters? = $0.range { return true } else { return false } })
    func textLengthsPassOnTheEdgeAndFailPastIt(_ row: Parameter) {
        guard case .characters(let min, let max)? = row.range else { return }
        #expect(Self.issues(row.path, .string(String(repeating: "a", count: min))).isEmpty)
        #expect(Self.issues(row.path, .string(String(repeating: "a", count: max))).isEmpty)
        for n in [min - 1, max + 1] {
            let found = Self.issues(row.path, .string(String(repeating: "a", count: n)))
            #expect(found.count == 1 && found[0].rule == "must be \(min) to \(max) characters", "\(row.path) \(n): \(found)")
        }
    }

    @Test(arguments: Parameters.all.filter { if case .items? = $0.range { return $0.kind == .images } else { return false } })
    func imageCountsFollowTheirRow(_ row: Parameter) {
        guard case .items(let min, let max)? = row.range else { return }
        #expect(Self.issues(row.path, .array(Array(repeating: JSONValue.string("a.png"), count: min))).isEmpty, "\(row.path)")
        #expect(!Self.issues(row.path, .array(Array(repeating: JSONValue.string("a.png"), count: min - 1))).isEmpty, "\(row.path)")
        if let max { #expect(!Self.issues(row.path, .array(Array(repeating: JSONValue.string("a.png"), count: max + 1))).isEmpty, "\(row.path)") }
    }

    @Test(arguments: Parameters.all.filter { $0.kind == .stack })
    func anEmptyStackIsRefused(_ row: Parameter) {
        let found = Self.issues(row.path, .array([]))
        #expect(found.count == 1 && found[0].rule.contains("at least 1 item"), "\(row.path): \(found)")
    }

    @Test func theSeedTakesUpToTheRowsMaximum() {
        #expect(Self.issues("seed", .uint(ImageInferenceRequest.maxSeed)).isEmpty)
        #expect(Self.issues("seed", .uint(ImageInferenceRequest.maxSeed + 1)).count == 1)
        #expect(ImageInferenceRequest.maxSeed == UInt64(Int64.max))
    }

    @Test func theDisagreementsOfIssue12AreSettledByTheSeedPage() {
        #expect(Parameters["acceleratorOptions.dbCacheSkipInterval"]?.range == .integers(min: 1, max: nil))
        #expect(Parameters["acceleratorOptions.dbCacheSkipInterval"]?.defaultValue == "5")
        #expect(Parameters["hiresFix.steps"]?.range == .integers(min: 1, max: nil))
        #expect(Parameters["outpaint.top"]?.multipleOf == nil)
        #expect(Parameters["outpaint.top"]?.shownLimit == ">= 0")
        #expect(Self.issues("outpaint.top", .int(50)).isEmpty)
    }
}
