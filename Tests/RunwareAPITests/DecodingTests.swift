import Foundation
import Testing
@testable import RunwareAPI

@Suite struct DecodingTests {
    func decode(_ text: String) throws -> (ImageInferenceRequest, [ValidationIssue]) {
        let json = try #require(try JSONValue.parse(Data(text.utf8)).objectValue)
        return ImageInferenceRequest.decode(json)
    }

    @Test func wrongTypesAndUnknownKeysBecomeIssues() throws {
        let (_, issues) = try decode("""
            {"taskType":"imageInference","taskUUID":"4d2bb1bc-945b-4ae7-96a4-0eee53c529bb","model":"runware:111@1",
             "positivePrompt":"a cat","width":"wide","steps":1.5,"lora":[{"model":"a:b@c","wieght":1}],"colour":"red"}
            """)
        let byPath = Dictionary(uniqueKeysWithValues: issues.map { ($0.parameter, $0.code) })
        #expect(byPath["width"] == "invalidWidth")
        #expect(byPath["steps"] == "invalidSteps")
        #expect(byPath["lora[0].wieght"] == "unknownParameter")
        #expect(byPath["colour"] == "unknownParameter")
    }

    @Test func seedsBeyondDoublePrecisionSurvive() throws {
        let (r, issues) = try decode("""
            {"taskUUID":"4d2bb1bc-945b-4ae7-96a4-0eee53c529bb","model":"runware:111@1","positivePrompt":"a cat","seed":9007199254740993}
            """)
        #expect(issues.isEmpty)
        #expect(r.seed == 9_007_199_254_740_993)
        let (big, _) = try decode("""
            {"taskUUID":"4d2bb1bc-945b-4ae7-96a4-0eee53c529bb","model":"runware:111@1","positivePrompt":"a cat","seed":18446744073709551615}
            """)
        #expect(big.seed == UInt64.max)
        #expect(big.validate().first?.code == "invalidSeed")
        let (_, negative) = try decode("""
            {"taskUUID":"4d2bb1bc-945b-4ae7-96a4-0eee53c529bb","model":"runware:111@1","positivePrompt":"a cat","seed":-1}
            """)
        #expect(negative.first?.code == "invalidSeed")
    }

    @Test func legacySpellingsAreUnderstood() throws {
        let (r, issues) = try decode("""
            {"taskUUID":"4d2bb1bc-945b-4ae7-96a4-0eee53c529bb","model":"runware:111@1","positivePrompt":"a cat",
             "seedImage":"s","maskImage":"m","puLID":{"inputImages":["f"],"CFGStartStep":3},
             "ipAdapters":[{"model":"runware:55@1","guideImage":"g"}]}
            """)
        #expect(issues.isEmpty)
        #expect(r.inputs == .init(seedImage: "s", maskImage: "m"))
        #expect(r.pulid?.images == ["f"] && r.pulid?.cfgStartStep == 3)
        #expect(r.ipAdapters?.first?.guideImages == ["g"])
    }

    @Test func missingRequiredFieldsAreNamed() throws {
        let (_, issues) = try decode(#"{"taskUUID":"4d2bb1bc-945b-4ae7-96a4-0eee53c529bb"}"#)
        #expect(Set(issues.map(\.code)) == ["missingModel", "missingPositivePrompt"])
    }

    @Test func envelopesDecodeErrorsInEveryForm() throws {
        let e1 = try ResponseEnvelope<JSONValue>.decode(Data("""
            {"errors":[{"code":"invalidWidth","message":"bad","parameter":"width","taskType":"imageInference","taskUUID":"t","extra":1}]}
            """.utf8))
        #expect(e1.errors.first?.parameters == ["width"])
        #expect(e1.errors.first?.kind == .validation)
        let e2 = try ResponseEnvelope<JSONValue>.decode(Data(#"{"error":{"code":"invalidApiKey","message":"no"},"taskUUID":"t"}"#.utf8))
        #expect(e2.errors.first?.kind == .auth)
        let e3 = try ResponseEnvelope<JSONValue>.decode(Data(#"[{"code":"incompatibleParameters","message":"x","parameter":["a","b"]}]"#.utf8))
        #expect(e3.errors.first?.parameters == ["a", "b"])
        let items = try ResponseEnvelope<InferenceItem>.decode(Data("""
            {"data":[{"taskType":"imageInference","taskUUID":"t","status":"error","error":{"code":"inferenceError","message":"boom"}},
                     {"taskType":"imageInference","taskUUID":"t","imageUUID":"i","imageURL":"http://x/i.jpg","seed":1,"novel":true}]}
            """.utf8))
        guard case .failure(let f) = items.data[0], case .result(let r) = items.data[1] else {
            Issue.record("wrong item kinds"); return
        }
        #expect(f.code == "inferenceError" && f.taskUUID == "t")
        #expect(r.isFinished && r.imageUUID == "i")
    }
}
