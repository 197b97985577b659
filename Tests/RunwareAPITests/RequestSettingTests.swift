import Testing
import RunwareAPI

/// `ImageInferenceRequest.set(_:to:)`, the setters `darkroom generate` lays its options with, and
/// `HiresFix.given`.
@Suite struct RequestSettingTests {
    static func request() -> ImageInferenceRequest {
        ImageInferenceRequest(taskUUID: "4d2bb1bc-945b-4ae7-96a4-0eee53c529bb", model: "runware:111@1", positivePrompt: "a fox")
    }

    /// Paths set whole, by `StackSpec` or `HiresFix.given`, or read on their own (`seed`).
    static let setWhole: Set<String> = ["seed", "lora", "controlNet", "ipAdapters", "outpaint", "hiresFix", "hiresFix.model",
                                        "hiresFix.steps", "hiresFix.strength"]

    @Test func everyOptionAndFlagRowHasASetter() {
        for row in Parameters.all where !Self.setWhole.contains(row.path) {
            switch row.cli {
            case .argument?, .option?:
                var r = Self.request()
                let value: GivenValue = switch row.kind {
                case .integer: .integer(1)
                case .decimal: .number(0.5)
                case .images: .texts(["a.png"])
                default: .text("x")
                }
                let set = r.set(row.path, to: value)
                #expect(set, "\(row.path) has no setter")
            case .flag?:
                var r = Self.request()
                let set = r.set(row.path, to: .on)
                #expect(set, "\(row.path) has no setter")
            default: break
            }
        }
    }

    @Test func aPathThatIsNoRowIsNotSet() {
        var r = Self.request()
        let set = r.set("stepz", to: .integer(3))
        #expect(!set)
        #expect(r == Self.request())
    }

    @Test func aFieldOfAnAbsentObjectMakesTheObjectAndKeepsItsOtherFields() {
        var r = Self.request()
        r.set("ultralytics.steps", to: .integer(20))
        r.set("ultralytics.strength", to: .number(0.4))
        #expect(r.ultralytics?.steps == 20 && r.ultralytics?.strength == 0.4)
        r.set("acePlusPlus.type", to: .text("portrait"))
        #expect(r.acePlusPlus?.images == [] && r.acePlusPlus?.type?.rawValue == "portrait")
        r.set("acceleratorOptions.fbCache", to: .on)
        #expect(r.acceleratorOptions?.fbCache == true && r.acceleratorOptions?.teaCache == nil)
        r.set("inputs.maskImage", to: .text("mask.png"))
        #expect(r.inputs?.maskImage == "mask.png" && r.inputs?.seedImage == nil)
    }

    @Test func hiresFixIsTrueAloneAndAnObjectWithSettings() {
        typealias H = ImageInferenceRequest.HiresFix
        #expect(H.given(on: false, model: nil, steps: nil, strength: nil) == nil)
        #expect(H.given(on: true, model: nil, steps: nil, strength: nil) == .on)
        #expect(H.given(on: false, model: nil, steps: 12, strength: nil) == .custom(model: "", steps: 12, strength: nil))
        #expect(H.given(on: true, model: "runware:504@1", steps: nil, strength: 0.3)
                == .custom(model: "runware:504@1", steps: nil, strength: 0.3))
    }
}
