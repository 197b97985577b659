import Foundation
import Imaging
import RunwareAPI
import RunwareSandbox
import Testing
import TestSupport

@Suite struct PictureTests {
    func image(_ result: ImageResult) throws -> RGBAImage {
        let b64 = try #require(result.imageBase64Data)
        return try ImageDecoder.decode(try #require(Data(base64Encoded: b64)))
    }

    func generate(_ sandbox: SandboxHarness, _ change: (inout ImageInferenceRequest) -> Void) async throws -> [ImageResult] {
        var r = request(width: 192, height: 128)
        r.outputType = .base64Data
        r.outputFormat = .png
        change(&r)
        return try await sandbox.client().imageInference(r)
    }

    @Test func resultsHaveTheirOwnSeedsAndAreDeterministic() async throws {
        try await SandboxHarness.with { sandbox in
            let a = try await generate(sandbox) { $0.seed = 42; $0.numberResults = 3; $0.includeCost = true }
            #expect(a.map(\.seed) == [42, 43, 44])
            #expect(Set(a.compactMap(\.imageUUID)).count == 3)
            #expect(a.allSatisfy { $0.cost != nil && $0.cost! > 0 })
            let first = try image(a[0])
            #expect(first.width == 192 && first.height == 128)
            #expect(try image(a[1]) != first)
            let again = try await generate(sandbox) { $0.seed = 42 }
            #expect(try image(again[0]) == first)
            let otherPrompt = try await generate(sandbox) { $0.seed = 42; $0.positivePrompt = "a blue whale" }
            #expect(try image(otherPrompt[0]) != first)
            let otherParams = try await generate(sandbox) { $0.seed = 42; $0.cfgScale = 7 }
            #expect(try image(otherParams[0]) != first)
        }
    }

    @Test(arguments: [OutputFormat.jpg, .png, .webp])
    func everyFormatIsWhatWasAskedFor(_ format: OutputFormat) async throws {
        try await SandboxHarness.with { sandbox in
            let results = try await generate(sandbox) { $0.outputFormat = format }
            let b64 = try #require(results.first?.imageBase64Data)
            let data = try #require(Data(base64Encoded: b64))
            #expect(ImageFormat.detect(data)?.rawValue == format.rawValue)
        }
    }

    @Test func img2imgBlendsTheSeedImageByStrength() async throws {
        try await SandboxHarness.with { sandbox in
            let white = try ImageEncoder.encode(RGBAImage(width: 64, height: 64, fill: (255, 255, 255, 255)), as: .png)
            let uri = "data:image/png;base64," + white.base64EncodedString()
            let weak = try image(try await generate(sandbox) { $0.seed = 1; $0.inputs = .init(seedImage: uri); $0.strength = 0.1 }[0])
            let strong = try image(try await generate(sandbox) { $0.seed = 1; $0.inputs = .init(seedImage: uri); $0.strength = 0.9 }[0])
            let plain = try image(try await generate(sandbox) { $0.seed = 1 }[0])
            func brightness(_ i: RGBAImage) -> Int { stride(from: 0, to: i.pixels.count, by: 4).reduce(0) { $0 + Int(i.pixels[$1]) } }
            #expect(brightness(weak) > brightness(strong))
            #expect(brightness(strong) > brightness(plain))
        }
    }

    @Test func inpaintingChangesOnlyInsideTheMask() async throws {
        try await SandboxHarness.with { sandbox in
            let grey = RGBAImage(width: 192, height: 128, fill: (100, 100, 100, 255))
            var mask = RGBAImage(width: 192, height: 128, fill: (0, 0, 0, 255))
            for y in 0..<128 { for x in 96..<192 { let i = (y * 192 + x) * 4; mask.pixels[i] = 255; mask.pixels[i + 1] = 255; mask.pixels[i + 2] = 255 } }
            let seedUpload = try await sandbox.client().upload(image: "data:image/png;base64," + (try ImageEncoder.encode(grey, as: .png)).base64EncodedString())
            let maskUpload = try await sandbox.client().upload(image: "data:image/png;base64," + (try ImageEncoder.encode(mask, as: .png)).base64EncodedString())
            let out = try image(try await generate(sandbox) {
                $0.inputs = .init(seedImage: seedUpload.imageUUID, maskImage: maskUpload.imageUUID); $0.strength = 1
            }[0])
            var changedOutside = 0, changedInside = 0
            for y in 0..<128 {
                for x in 0..<192 where out.pixel(x: x, y: y).r != 100 || out.pixel(x: x, y: y).g != 100 {
                    if x < 96 { changedOutside += 1 } else { changedInside += 1 }
                }
            }
            #expect(changedOutside == 0)
            #expect(changedInside > 1000)
        }
    }

    @Test func outpaintKeepsTheSeedImageInsideTheMargins() async throws {
        try await SandboxHarness.with { sandbox in
            let red = try ImageEncoder.encode(RGBAImage(width: 64, height: 64, fill: (250, 0, 0, 255)), as: .png)
            let out = try image(try await generate(sandbox) {
                $0.inputs = .init(seedImage: red.base64EncodedString())
                $0.outpaint = .init(top: 16, right: 32, bottom: 16, left: 32)
            }[0])
            #expect(out.pixel(x: 96, y: 64) == (250, 0, 0, 255))
            #expect(out.pixel(x: 33, y: 17).r == 250)
            #expect(out.pixel(x: 5, y: 5) != (250, 0, 0, 255))
        }
    }

    @Test func layerDiffuseMakesTheBackgroundTransparent() async throws {
        try await SandboxHarness.with { sandbox in
            let out = try image(try await generate(sandbox) { $0.advancedFeatures = .init(layerDiffuse: true) }[0])
            let alphas = stride(from: 3, to: out.pixels.count, by: 4).map { out.pixels[$0] }
            #expect(alphas.contains(0))
            #expect(alphas.contains(255))
        }
    }

    @Test func aBadInputImageIsNamed() async throws {
        try await SandboxHarness.with { sandbox in
            var r = request()
            r.inputs = .init(seedImage: TaskID.make())
            await #expect { try await sandbox.client().imageInference(r) } throws: { error in
                guard case RunwareError.api(400, let errors)? = error as? RunwareError else { return false }
                return errors.first?.code == "invalidSeedImage" && errors.first?.parameters == ["inputs.seedImage"]
            }
        }
    }
}
