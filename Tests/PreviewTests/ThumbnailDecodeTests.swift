import Foundation
import Imaging
import Testing

@Suite struct ThumbnailDecodeTests {
    @Test(arguments: ImageFormat.allCases)
    func thumbnailsFitTheBoxAndKeepTheAspect(_ format: ImageFormat) throws {
        let big = RGBAImage(width: 1024, height: 512, fill: (200, 100, 50, 255))
        let data = try ImageEncoder.encode(big, as: format, quality: 90)
        let thumb = try ImageDecoder.thumbnail(data, fitting: 256, 256)
        #expect(thumb.width == 256 && thumb.height == 128)
        let p = thumb.pixel(x: 100, y: 60)
        #expect(abs(Int(p.r) - 200) < 6 && abs(Int(p.g) - 100) < 6 && abs(Int(p.b) - 50) < 6, "\(format) \(p)")
    }

    @Test func areaAveragingMixesFinePatternsInsteadOfPickingPixels() {
        // A 1-pixel checkerboard becomes even grey, not black or white.
        var img = RGBAImage(width: 64, height: 64)
        for y in 0..<64 { for x in 0..<64 where (x + y) % 2 == 0 { let i = (y * 64 + x) * 4; img.pixels[i] = 255; img.pixels[i + 1] = 255; img.pixels[i + 2] = 255 } }
        let small = img.downscaled(toWidth: 8, height: 8)
        for y in 0..<8 { for x in 0..<8 { #expect(abs(Int(small.pixel(x: x, y: y).r) - 128) <= 2) } }
    }

    @Test func compositingOverTheBackground() {
        let half = RGBAImage(width: 1, height: 1, fill: (255, 255, 255, 128))
        let p = half.composited(over: (0, 0, 0)).pixel(x: 0, y: 0)
        #expect(p.a == 255 && abs(Int(p.r) - 128) <= 1)
    }

    @Test func bombsAndBigFilesAreRefusedWithTheFileNamed() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("thumb-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("wide.png").path
        try ImageEncoder.encode(RGBAImage(width: 300, height: 200), as: .png).write(to: URL(fileURLWithPath: path))
        #expect { try ImageFile.thumbnail(path, fitting: 10, 10, maxPixels: 50_000) } throws: { e in
            "\(e)" == "\(path): 300x200 is 60000 pixels, over the limit of 50000"
        }
        #expect { try ImageFile.thumbnail(path, fitting: 10, 10, maxBytes: 100) } throws: { e in
            "\(e)".hasPrefix("\(path): ") && "\(e)".hasSuffix("bytes is over the limit of 100 bytes")
        }
    }
}
