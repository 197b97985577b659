import Foundation
import Testing
@testable import RunwareAPI

@Suite struct EncodingTests {
    let uuid = "4d2bb1bc-945b-4ae7-96a4-0eee53c529bb"

    func encoded(_ r: ImageInferenceRequest) throws -> String {
        String(decoding: try RunwareJSON.encode(r), as: UTF8.self)
    }

    @Test func minimalRequestOmitsEveryUnsetField() throws {
        let r = ImageInferenceRequest(taskUUID: uuid, positivePrompt: "a lighthouse at dusk")
        #expect(try encoded(r) == """
            {"model":"runware:111@1","positivePrompt":"a lighthouse at dusk","taskType":"imageInference","taskUUID":"\(uuid)"}
            """)
    }

    @Test func everyParameterUsesTheDocumentedSpellingAndNesting() throws {
        var r = ImageInferenceRequest(taskUUID: uuid, positivePrompt: "a cat")
        r.outputType = .base64Data
        r.outputFormat = "png"
        r.outputQuality = 90
        r.webhookURL = "https://example.com/hook"
        r.deliveryMethod = .async
        r.uploadEndpoint = "https://example.com/put"
        r.safety = .init(checkContent: true, mode: "fast")
        r.ttl = 120
        r.includeCost = true
        r.numberResults = 2
        var acc = ImageInferenceRequest.AcceleratorOptions()
        acc.cacheStartStep = 2; acc.cacheEndStep = 10; acc.cacheMaxConsecutiveSteps = 3
        acc.fbCache = true; acc.fbCacheThreshold = 0.25; acc.teaCache = true; acc.teaCacheDistance = 0.5
        acc.dbCache = true; acc.dbCacheThreshold = 0.3; acc.dbCacheSkipInterval = 5
        r.acceleratorOptions = acc
        r.inputs = .init(seedImage: "59a2edc2-45e6-429f-be5f-7ded59b92046", maskImage: "90422a52-f186-4bf4-a73b-0a46016a8330")
        r.negativePrompt = "blurry"
        r.width = 1024; r.height = 768
        r.seed = UInt64(Int64.max)
        r.steps = 28
        r.scheduler = "FlowMatchEulerDiscreteScheduler"
        r.cfgScale = 3.5
        r.strength = 0.8
        r.maskMargin = 64
        r.promptWeighting = "sdEmbeds"
        r.outpaint = .init(top: 0, right: 64, bottom: 0, left: 64)
        r.lora = [.init(model: "civitai:631986@706528", weight: 0.8, transformer: "both")]
        var cn = ImageInferenceRequest.ControlNet(model: "runware:25@1", guideImage: "c64351d5-4c59-42f7-95e1-eace013eddab")
        cn.weight = 0.7; cn.startStep = 0; cn.endStep = 20; cn.controlMode = "controlnet"
        r.controlNet = [cn]
        var ip = ImageInferenceRequest.IPAdapter(model: "runware:55@1", guideImages: ["d7e8f9a0-2b5c-4e7f-a1d3-9c8b7a6e5d4f"])
        ip.weight = 0.75; ip.combineMethod = "concat"; ip.embedScaling = "kv"; ip.weightType = "normal"; ip.weightComposition = 0.5
        r.ipAdapters = [ip]
        r.trueCFGScale = 1.5
        r.hiresFix = .custom(model: "runware:esrgan@ultrasharp", steps: 15, strength: 0.6)
        r.advancedFeatures = .init(layerDiffuse: true)
        var pulid = ImageInferenceRequest.PuLID(images: ["59a2edc2-45e6-429f-be5f-7ded59b92046"])
        pulid.idWeight = 1; pulid.trueCFGScale = 1.5; pulid.cfgStartStep = 3
        r.pulid = pulid
        var u = ImageInferenceRequest.Ultralytics()
        u.cfgScale = 8; u.confidence = 0.9; u.maskBlur = 5; u.maskPadding = 5; u.steps = 20; u.strength = 0.3
        u.positivePrompt = "detailed face"
        r.ultralytics = u

        let text = try encoded(r)
        // Seeds keep every digit: no detour through Double.
        #expect(text.contains("\"seed\":9223372036854775807"))
        let json = try #require(try JSONValue.parse(Data(text.utf8)).objectValue)
        #expect(json["CFGScale"] == .double(3.5))
        #expect(json["outputFormat"] == .string("PNG"))
        #expect(json["inputs"] == .object(["seedImage": .string("59a2edc2-45e6-429f-be5f-7ded59b92046"),
                                          "maskImage": .string("90422a52-f186-4bf4-a73b-0a46016a8330")]))
        #expect(json["advancedFeatures"] == .object(["layerDiffuse": .bool(true)]))
        #expect(json["hiresFix"] == .object(["model": .string("runware:esrgan@ultrasharp"), "steps": .int(15), "strength": .double(0.6)]))
        let p = try #require(json["pulid"]?.objectValue)
        #expect(p["CFGstartStep"] == .int(3))
        #expect(json["ultralytics"]?.objectValue?["CFGScale"] == .int(8))
        #expect(json["acceleratorOptions"]?.objectValue?.count == 10)
        #expect(json["safety"] == .object(["checkContent": .bool(true), "mode": .string("fast")]))
        #expect(json["seedImage"] == nil && json["cfgScale"] == nil)
        // Decoding what we encode gives the same request back, with no issues.
        let (back, issues) = ImageInferenceRequest.decode(json)
        #expect(issues.isEmpty)
        var expected = r
        expected.outputFormat = "PNG"
        #expect(back == expected)
    }

    @Test func hiresFixTrueIsABareBoolean() throws {
        var r = ImageInferenceRequest(taskUUID: uuid, positivePrompt: "a cat")
        r.hiresFix = .on
        #expect(try encoded(r).contains("\"hiresFix\":true"))
        r.hiresFix = .off
        #expect(!(try encoded(r).contains("hiresFix")))
    }

    @Test func otherTasksEncodeTheirFields() throws {
        let poll = String(decoding: try RunwareJSON.encode(GetResponseRequest(taskUUID: uuid)), as: UTF8.self)
        #expect(poll == "{\"taskType\":\"getResponse\",\"taskUUID\":\"\(uuid)\"}")
        var search = ModelSearchRequest(taskUUID: uuid, search: "film", category: "lora")
        search.limit = 5
        search.architecture = "flux1d"
        search.capabilities = ["io:text-to-image"]
        search.visibility = "favorite"
        search.sort = "-popularity"
        let text = String(decoding: try RunwareJSON.encode(search), as: UTF8.self)
        #expect(text == "{\"architecture\":\"flux1d\",\"capabilities\":[\"io:text-to-image\"],\"category\":\"lora\",\"limit\":5,"
            + "\"search\":\"film\",\"sort\":\"-popularity\",\"taskType\":\"modelSearch\",\"taskUUID\":\"\(uuid)\",\"visibility\":\"favorite\"}")
        // Never the 2025 filters, nor category controlnet: ControlNets are searched by name.
        let controlNet = try #require(ModelKind.controlNet.search("depth", architecture: "flux1d"))
        #expect(controlNet.category == nil && controlNet.search == "controlnet depth" && controlNet.architecture == "flux1d")
        #expect(ModelKind.ipAdapter.search("sdxl", architecture: "flux1d") == nil)
        #expect(ModelKind.ipAdapters(matching: "sdxl plus").map(\.air) == ["runware:55@2", "runware:55@3"])
        var old = ModelSearchRequest(category: "controlnet")
        old.visibility = "all"
        #expect(old.validate().map(\.parameters) == [["category"], ["visibility"]])
    }
}
