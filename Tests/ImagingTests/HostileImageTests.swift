import CTurboJPEG
import Foundation
import HostileFiles
import Testing
import TestSupport
@testable import Imaging

/// Decompression and scan bombs (the 2026-12-07 report's F4 and F5): work on a hostile file is
/// bounded by what drawing or reading it needs, not by what the file says it holds.
@Suite struct HostileImageTests {
    /// The chunk's data before its zlib stream: keyword, then compression method (and for iTXt
    /// the flag before it, and empty language and translated keyword after).
    static let headers: [String: [UInt8]] = [
        "zTXt": Array("Comment".utf8) + [0, 0], "iTXt": Array("Comment".utf8) + [0, 1, 0, 0, 0], "iCCP": Array("profile".utf8) + [0, 0],
    ]

    /// A 1.1 MB chunk that inflates to 1,100 MiB: libspng inflated it until its own limit (a
    /// gigabyte of memory), then refused the whole file. Left out, it costs nothing and the
    /// pixels decode.
    @Test(arguments: ["zTXt", "iTXt", "iCCP"])
    func aCompressedAncillaryChunkIsNeverInflatedToDrawThePixels(_ type: String) throws {
        let chunk = HostileFiles.chunk(type, Self.headers[type, default: []] + HostileFiles.zlibZeros(megabytes: 1100))
        let png = HostileFiles.png(width: 64, height: 48, extra: [chunk])
        #expect(try ImageDecoder.dimensions(png) == (64, 48))
        let image = try ImageDecoder.decode(png)
        #expect(image.width == 64 && image.pixels[0] == 128)
        #expect(try ImageDecoder.thumbnail(png, fitting: 16, 16).width == 16)
        #expect(try PNGCodec.decodeScaled(png, width: 64, height: 48, to: (16, 12), streamingAbove: 0).width == 16)
    }

    @Test func aZTXtParametersTextIsRead() throws {
        let text = "a lighthouse at dusk\nSteps: 20, Seed: 5"
        #expect(ImageText.read(HostileFiles.zTXtParametersPNG(text))[ImageText.parametersKey] == text)
        let itxt = HostileFiles.chunk("iTXt", Array("parameters".utf8) + [0, 1, 0, 0, 0] + HostileFiles.zlib(Array("café ☕".utf8)))
        #expect(ImageText.read(HostileFiles.png(extra: [itxt]))[ImageText.parametersKey] == "café ☕")
    }

    @Test func aZTXtBombsTextIsReadUpToTheCapAndNoFurther() throws {
        let png = HostileFiles.zTXtParametersPNG("p", zeroMegabytes: 64)
        let text = try #require(ImageText.read(png)[ImageText.parametersKey])
        #expect(text.utf8.count == ImageText.maxTextBytes && text.hasPrefix("p\0"))
        let plain = HostileFiles.png(extra: [HostileFiles.chunk("tEXt", Array("parameters\0".utf8) + [UInt8](repeating: 0x41, count: 3 << 20))])
        #expect(ImageText.read(plain)[ImageText.parametersKey]?.utf8.count == ImageText.maxTextBytes)
    }

    /// A text past the cap is said to be cut, compressed or not, so a reader can say so (they were
    /// cut in silence); one of exactly the cap is not.
    @Test func aTextPastTheCapIsSaidToBeCut() throws {
        let key = ImageText.parametersKey
        func tEXt(_ text: String) -> Data {
            HostileFiles.png(extra: [HostileFiles.chunk("tEXt", Array("\(key)\0".utf8) + Array(text.utf8))])
        }
        func webp(_ text: String) throws -> Data {
            let image = try ImageEncoder.encode(RGBAImage(width: 8, height: 8, fill: (90, 60, 30, 255)), as: .webp, quality: 90)
            return try ImageText.embed(parameters: text, task: "{}", into: image)
        }
        let long = String(repeating: "a", count: ImageText.maxTextBytes + 1)
        let whole = String(repeating: "a", count: ImageText.maxTextBytes)
        for file in [tEXt(long), HostileFiles.zTXtParametersPNG(long), HostileFiles.zTXtParametersPNG("p", zeroMegabytes: 64), try webp(long)] {
            let read = ImageText.readNotingCuts(file)
            #expect(read.cut == [key] && read.texts[key]?.utf8.count == ImageText.maxTextBytes)
        }
        for file in [tEXt(whole), HostileFiles.zTXtParametersPNG(whole), try webp(whole)] {
            let read = ImageText.readNotingCuts(file)
            #expect(read.cut.isEmpty && read.texts[key] == whole)
        }
        #expect(ImageText.cutNote([key]) == "the image's parameters text was read to its first 1 MiB (the file holds more)")
        #expect(ImageText.cutNote(["Comment"]) == nil)
    }

    @Test func aProgressiveJPEGStillDecodes() throws {
        let jpeg = Data(HostileFiles.progressiveJPEG(width: 64, height: 48))
        #expect(try ImageDecoder.decode(jpeg).width == 64)
        #expect(try ImageDecoder.thumbnail(jpeg, fitting: 16, 16).width == 16)
    }

    /// The bound under the scan bomb: libjpeg-turbo reads at most 500 scans of a file. This one is
    /// valid (every coefficient sent once and refined bit by bit; it decodes without the limit),
    /// and its 896 scans are refused; 500 decode.
    @Test func aJPEGOfMoreThan500ScansIsRefused() throws {
        let many = HostileFiles.manyScansJPEG(scans: HostileFiles.validScanLimit)
        var grey = [UInt8](repeating: 0, count: 64)
        let unlimited = many.withUnsafeBytes { raw in
            grey.withUnsafeMutableBufferPointer { out -> Int32 in
                guard let tj = tjInitDecompress() else { return -2 }
                defer { tjDestroy(tj) }
                return tjDecompress2(tj, raw.bindMemory(to: UInt8.self).baseAddress, UInt(raw.count), out.baseAddress, 8, 8, 8,
                                     Int32(TJPF_GRAY.rawValue), 0)
            }
        }
        #expect(unlimited == 0 && grey.allSatisfy { $0 == 128 }, "the file is valid, and decodes when scans are not limited")
        #expect(throws: ImageCodecError.self) { try ImageDecoder.decode(many) }
        #expect(throws: ImageCodecError.self) { try ImageDecoder.thumbnail(many, fitting: 4, 4) }
        let fewer = HostileFiles.manyScansJPEG(scans: 500)
        #expect(try ImageDecoder.decode(fewer).pixels[0] == 128)
    }

    /// Before the flags, libjpeg-turbo decoded every repeated scan and then refused the file: this
    /// one would have taken minutes (10,000 repeats took 7 s). It stops at the first repeat now.
    @Test func aJPEGThatRepeatsAScanIsRefusedAtTheFirstRepeat() throws {
        let bomb = HostileFiles.scanBombJPEG(width: 2048, height: 2048, repeats: 200_000)
        #expect(throws: ImageCodecError.self) { try ImageDecoder.decode(bomb) }
        #expect(throws: ImageCodecError.self) { try ImageDecoder.thumbnail(bomb, fitting: 64, 64) }
    }
}
