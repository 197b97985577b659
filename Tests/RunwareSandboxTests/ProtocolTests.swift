import Foundation
import Imaging
import RunwareAPI
import RunwareSandbox
import Testing
import TestSupport

@Suite struct ProtocolTests {
    func errors(_ response: HTTPResponse) throws -> [APIErrorObject] {
        try ResponseEnvelope<JSONValue>.decode(response.body).errors
    }

    @Test func missingAndWrongKeysGetThe401Errors() async throws {
        try await SandboxHarness.with { sandbox in
            let none = try await sandbox.post(#"[{"taskType":"modelSearch","taskUUID":"x"}]"#, key: nil)
            #expect(none.status == 401)
            #expect(try errors(none).first?.code == "missingApiKey")
            let wrong = try await sandbox.post(#"[{"taskType":"modelSearch","taskUUID":"x"}]"#, key: "nope")
            #expect(wrong.status == 401)
            let e = try #require(try errors(wrong).first)
            #expect(e.code == "invalidApiKey" && e.parameters == ["apiKey"] && e.taskType == "authentication")
            // The authentication task as the first element works too.
            let task = try await sandbox.post(
                #"[{"taskType":"authentication","apiKey":"\#(SandboxHarness.key)"},{"taskType":"modelSearch","taskUUID":"y","search":"canny"}]"#, key: nil)
            #expect(task.status == 200)
            // The client reports it as an auth failure.
            await #expect { try await sandbox.client(key: "wrong").upload(image: "x") } throws: { error in
                (error as? RunwareError)?.isAuthFailure == true
            }
        }
    }

    @Test func badPayloadsAndUnknownTasksAreRefused() async throws {
        try await SandboxHarness.with { sandbox in
            for body in ["not json", "{}", "[]", "[1]"] {
                let r = try await sandbox.post(body)
                #expect(r.status == 400)
                #expect(try errors(r).first?.code == "invalidPayload", "\(body)")
            }
            let r = try await sandbox.post(#"[{"taskType":"videoInference","taskUUID":"z"}]"#)
            #expect(r.status == 400)
            #expect(try errors(r).first?.code == "unsupportedTaskType")
        }
    }

    @Test func theServerValidatesLikeTheAPI() async throws {
        try await SandboxHarness.with { sandbox in
            let uuid = TaskID.make()
            let r = try await sandbox.post("""
                [{"taskType":"imageInference","taskUUID":"\(uuid)","model":"runware:111@1","positivePrompt":"a cat","width":1000,"height":512}]
                """)
            #expect(r.status == 400)
            let e = try #require(try errors(r).first)
            #expect(e.code == "invalidWidth" && e.parameters == ["width"] && e.taskUUID == uuid && e.taskType == "imageInference")
            let cross = try await sandbox.post("""
                [{"taskType":"imageInference","taskUUID":"\(TaskID.make())","model":"runware:111@1","positivePrompt":"a cat","width":512}]
                """)
            #expect(try errors(cross).first?.parameters == ["width", "height"])
            let unknown = try await sandbox.post("""
                [{"taskType":"imageInference","taskUUID":"\(TaskID.make())","model":"runware:111@1","positivePrompt":"a cat","colour":"red"}]
                """)
            #expect(try errors(unknown).first?.code == "unknownParameter")
            let model = try await sandbox.post("""
                [{"taskType":"imageInference","taskUUID":"\(TaskID.make())","model":"civitai:1@1","positivePrompt":"a cat"}]
                """)
            #expect(try errors(model).first?.code == "invalidModel")
            // Successful bodies never carry an errors key.
            let ok = try await sandbox.post("""
                [{"taskType":"imageInference","taskUUID":"\(TaskID.make())","model":"runware:111@1","positivePrompt":"a cat","width":128,"height":128}]
                """)
            #expect(ok.status == 200)
            #expect(!String(decoding: ok.body, as: UTF8.self).contains("errors"))
        }
    }

    @Test func aReusedTaskUUIDIsAConflict() async throws {
        try await SandboxHarness.with { sandbox in
            let r = request(width: 128, height: 128)
            _ = try await sandbox.client().imageInference(r)
            await #expect { try await sandbox.client().imageInference(r) } throws: { error in
                guard case RunwareError.api(let status, let errors)? = error as? RunwareError else { return false }
                return status == 409 && errors.first?.code == "conflictTaskUUID"
            }
        }
    }

    /// As Runware validates: `routing` passes through, `ttl` with base64 output is accepted (no
    /// effect), and width and height are both sent for runware:111@1.
    @Test func routingAndTtlWithBase64AreAccepted() async throws {
        try await SandboxHarness.with { sandbox in
            var r = request(width: 128, height: 128)
            r.routing = ["provider": .string("any")]
            r.ttl = 600
            r.outputType = .base64Data
            let results = try await sandbox.client().imageInference(r)
            #expect(results.count == 1 && results[0].imageBase64Data != nil)
            let body = String(decoding: try RunwareJSON.encode([r]), as: UTF8.self)
            #expect(body.contains(#""routing":{"provider":"any"}"#) && body.contains(#""width":128"#) && body.contains(#""height":128"#))
        }
    }

    @Test func modelSearchFindsTheCatalogue() async throws {
        try await SandboxHarness.with { sandbox in
            let client = sandbox.client()
            // ControlNets are found as the ControlNet picker asks: by name, for the model's architecture.
            let canny = try await client.modelSearch(try #require(ModelKind.controlNet.search("canny", architecture: "flux1d")))
            #expect(canny.totalResults == 1)
            #expect(canny.results.first?.air == "runware:25@1" && canny.results.first?.capabilities == ["controlnet", "canny"])
            #expect(canny.results.first?.shortDescription?.contains("canny") == true)
            // The LoRA picker asks for FLUX LoRAs only: the SD 1.5 one is not offered.
            let loras = try await client.modelSearch(try #require(ModelKind.lora.search("", architecture: "flux1d")))
            #expect(loras.results.count == 5 && loras.results.allSatisfy { $0.category == "lora" && $0.architecture == "flux1d" })
            #expect(loras.results.contains { $0.positiveTriggerWords == "film grain" && $0.source == "community" })
            // The 2025 filters and category "controlnet" are refused, as the current schema has them not.
            for old in [#""tags":["flux"]"#, #""type":"base""#, #""conditioning":"canny""#, #""category":"controlnet""#, #""visibility":"all""#] {
                let r = try await sandbox.post(#"[{"taskType":"modelSearch","taskUUID":"\#(TaskID.make())",\#(old)}]"#)
                #expect(r.status == 400, "\(old)")
            }
            var sorted = ModelSearchRequest(category: "checkpoint")
            sorted.sort = "-name"
            sorted.source = "official"
            let names = try await client.modelSearch(sorted).results.map(\.name)
            #expect(names == names.sorted(by: >) && names.count == 4)
            var paged = ModelSearchRequest()
            paged.limit = 2
            paged.offset = 1
            let page = try await client.modelSearch(paged)
            #expect(page.results.count == 2 && page.totalResults == ModelCatalogue.all.count)
        }
    }

    @Test func everyPostIsCounted() async throws {
        try await SandboxHarness.with { sandbox in
            #expect(sandbox.engine.requestCount == 0)
            _ = try await sandbox.post("[]")
            _ = try await sandbox.post("[]", key: nil)
            #expect(sandbox.engine.requestCount == 2)
        }
    }
}
