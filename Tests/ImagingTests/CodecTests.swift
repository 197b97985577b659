import Foundation
import Testing
@testable import Imaging

@Suite struct CodecTests {
    /// A 64x48 picture with a gradient, a red square and, optionally, a transparent corner.
    static func sample(alpha: Bool = false) -> RGBAImage {
        var img = RGBAImage(width: 64, height: 48)
        for y in 0..<48 {
            for x in 0..<64 {
                let i = (y * 64 + x) * 4
                img.pixels[i] = UInt8(x * 4); img.pixels[i + 1] = UInt8(y * 5); img.pixels[i + 2] = 128
                if (20..<40).contains(x) && (10..<30).contains(y) { img.pixels[i] = 255; img.pixels[i + 1] = 0; img.pixels[i + 2] = 0 }
                img.pixels[i + 3] = alpha && x < 16 && y < 16 ? 0 : 255
            }
        }
        return img
    }

    @Test(arguments: ImageFormat.allCases)
    func roundTripsKeepSizeAndContent(_ format: ImageFormat) throws {
        let img = Self.sample()
        let data = try ImageEncoder.encode(img, as: format, quality: 95)
        #expect(ImageFormat.detect(data) == format)
        #expect(try ImageDecoder.dimensions(data) == (64, 48))
        let back = try ImageDecoder.decode(data)
        #expect(back.width == 64 && back.height == 48)
        let p = back.pixel(x: 30, y: 20)
        #expect(p.r > 200 && p.g < 60 && p.b < 60, "\(format): \(p)")
        if format == .png { #expect(back == img) }
    }

    @Test(arguments: [ImageFormat.png, .webp])
    func alphaSurvivesWhereTheFormatHasIt(_ format: ImageFormat) throws {
        let data = try ImageEncoder.encode(Self.sample(alpha: true), as: format, quality: 90)
        let back = try ImageDecoder.decode(data)
        #expect(back.pixel(x: 2, y: 2).a < 10)
        #expect(back.pixel(x: 50, y: 40).a > 245)
    }

    @Test func refusesWhatIsNotAnImage() {
        #expect(throws: ImageCodecError.notAnImage) { try ImageDecoder.decode(Data("hello".utf8)) }
        #expect(throws: ImageCodecError.notAnImage) { try ImageDecoder.decode(Data()) }
    }

    @Test func refusesTruncatedFiles() throws {
        let png = try ImageEncoder.encode(Self.sample(), as: .png)
        #expect(throws: ImageCodecError.self) { try ImageDecoder.decode(png.prefix(60)) }
        let webp = try ImageEncoder.encode(Self.sample(), as: .webp)
        #expect(throws: ImageCodecError.self) { try ImageDecoder.decode(webp.prefix(30)) }
    }

    @Test func refusesDecompressionBombsFromTheHeader() throws {
        let png = try ImageEncoder.encode(Self.sample(), as: .png)
        #expect(throws: ImageCodecError.tooManyPixels(width: 64, height: 48, limit: 1000)) {
            try ImageDecoder.decode(png, maxPixels: 1000)
        }
    }

    @Test func resizingKeepsFlatColoursFlat() {
        let img = RGBAImage(width: 10, height: 10, fill: (10, 200, 30, 255))
        let small = img.resized(width: 3, height: 7)
        #expect(small.width == 3 && small.height == 7)
        #expect(small.pixel(x: 1, y: 3) == (10, 200, 30, 255))
    }
}

@Suite struct LargePNGTests {
    /// A PNG over the streaming threshold is decoded a row at a time straight to the small
    /// picture; the result matches a full decode scaled down.
    @Test func largePNGsAreDecodedRowByRowToTheSamePicture() throws {
        // Small, with streaming forced, so the test stays light (the threshold is millions of pixels).
        var image = RGBAImage(width: 640, height: 330, fill: (0, 0, 0, 255))
        for y in 0..<image.height {
            for x in stride(from: 0, to: image.width, by: 1) {
                let i = (y * image.width + x) * 4
                image.pixels[i] = UInt8(x * 255 / image.width)
                image.pixels[i + 1] = UInt8(y * 255 / image.height)
                image.pixels[i + 2] = x < 320 ? 200 : 20
            }
        }
        let png = try ImageEncoder.encode(image, as: .png)
        let small = try PNGCodec.decodeScaled(png, width: 640, height: 330, to: (256, 132), streamingAbove: 0)
        #expect(small.width == 256 && small.height == 132)
        let reference = image.downscaled(toWidth: 256, height: 132)
        var worst = 0
        for i in 0..<small.pixels.count { worst = max(worst, abs(Int(small.pixels[i]) - Int(reference.pixels[i]))) }
        #expect(worst <= 24, "largest channel difference \(worst)")
    }
}
