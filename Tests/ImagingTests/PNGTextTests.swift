import Foundation
import Testing
import TestSupport
@testable import Imaging

@Suite struct PNGTextTests {
    @Test func textChunksRoundTripAndThePictureStaysIntact() throws {
        let image = RGBAImage(width: 16, height: 8, fill: (10, 20, 30, 255))
        let png = try ImageEncoder.encode(image, as: .png)
        let texts = [("parameters", "a fox\nNegative prompt: blur\nSteps: 28, Seed: 42"), ("runware-task", "{\"prompt\":\"café ☕ 狐\"}")]
        let tagged = try PNGText.insert(texts, into: png)
        #expect(PNGText.read(tagged) == ["parameters": texts[0].1, "runware-task": texts[1].1])
        #expect(try ImageDecoder.decode(tagged) == image)
        #expect(PNGText.read(png).isEmpty)
        #expect(PNGText.crc32(Array("IEND".utf8)) == 0xAE42_6082)
    }

    @Test func chunkChecksumsAreValidForAnIndependentReader() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let tagged = try PNGText.insert([("parameters", "x"), ("t", "ü ☕")], into: try ImageEncoder.encode(RGBAImage(width: 2, height: 2), as: .png))
        let path = folder.path + "/t.png"
        try tagged.write(to: URL(fileURLWithPath: path))
        let script = """
            import struct, sys, zlib
            b = open(sys.argv[1], 'rb').read(); i = 8; n = 0
            while i < len(b):
                l, = struct.unpack('>I', b[i:i+4]); t = b[i+4:i+8]; d = b[i+8:i+8+l]; c, = struct.unpack('>I', b[i+8+l:i+12+l])
                assert zlib.crc32(t + d) & 0xffffffff == c, t; n += 1; i += 12 + l
            print(n)
            """
        let r = try await Binary.run("/usr/bin/env", ["python3", "-c", script, path], environment: ["PATH": "/usr/local/bin:/usr/bin:/bin"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "5")  // IHDR, tEXt, iTXt, IDAT, IEND
    }
}

@Suite struct ImageTextTests {
    @Test(arguments: ImageFormat.allCases)
    func bothTextsSurviveInEveryFormat(_ format: ImageFormat) throws {
        let image = RGBAImage(width: 32, height: 16, fill: (90, 60, 30, 255))
        let data = try ImageEncoder.encode(image, as: format, quality: 90)
        let parameters = "a fox, café ☕\nNegative prompt: blur\nSteps: 28, Seed: 42, Size: 32x16, Model: runware:111@1"
        let task = #"{"positivePrompt":"a <fox> & café","seed":42}"#
        let tagged = try ImageText.embed(parameters: parameters, task: task, into: data)
        #expect(ImageText.read(tagged) == ["parameters": parameters, "runware-task": task])
        #expect(ImageFormat.detect(tagged) == format)
        let back = try ImageDecoder.decode(tagged)
        #expect(back.width == 32 && back.height == 16)
        #expect(ImageText.read(data).isEmpty)
    }
}
