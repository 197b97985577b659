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
        // `type`, the JSON type a parameter should have had, is kept and said.
        let typed = try ResponseEnvelope<JSONValue>.decode(Data(#"{"errors":[{"code":"invalidApiKey","message":"Invalid api key","parameter":"apiKey","type":"string"}]}"#.utf8))
        #expect(typed.errors.first?.type == "string" && typed.errors.first?.description.hasSuffix("(expected string)") == true)
        // A `data` object where an array belongs (an imageUpload answer in Runware's docs) is the one item.
        let upload = try ResponseEnvelope<UploadResult>.decode(Data(#"{"data":{"taskType":"imageUpload","taskUUID":"u","imageUUID":"img-1"}}"#.utf8))
        #expect(upload.data.first?.imageUUID == "img-1")
    }

    /// `routing` (listed on every task in the 2026 schemas) is passed through as given; ttl with
    /// base64 output is accepted and has no effect, as Runware documents.
    @Test func routingPassesThroughAndTtlWithBase64IsAccepted() throws {
        let (r, issues) = try decode("""
            {"taskType":"imageInference","taskUUID":"6f1c2b9e-3d4a-4c5b-9e8f-1a2b3c4d5e6f","model":"runware:111@1","positivePrompt":"a fox","width":512,"height":512,
             "routing":{"provider":"fast","fallback":["a","b"]},"ttl":600,"outputType":"base64Data"}
            """)
        #expect(issues.isEmpty && r.validate().isEmpty, "\(issues) \(r.validate())")
        #expect(r.routing?["provider"] == .string("fast"))
        let sent = try #require(try JSONValue.parse(RunwareJSON.encode(r)).objectValue)
        #expect(sent["routing"] == .object(["provider": .string("fast"), "fallback": .array([.string("a"), .string("b")])]))
        let (_, bad) = try decode(#"{"taskType":"imageInference","taskUUID":"t","model":"m","positivePrompt":"a fox","routing":"fast"}"#)
        #expect(bad.contains { $0.parameters == ["routing"] })
    }
}
