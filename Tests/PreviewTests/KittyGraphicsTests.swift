import Foundation
import Imaging
import Preview
import TerminalUI
import Testing

/// kitty pictures as Darkroom writes them: PNG at the picture's own size, chunked the way the
/// protocol asks, read back by an independent decoder.
@Suite struct KittyGraphicsTests {
    /// The keys and payload of each `ESC _ G keys ; payload ESC \` command.
    static func commands(_ bytes: [UInt8]) -> [(keys: String, payload: String)] {
        String(decoding: bytes, as: UTF8.self).components(separatedBy: "\u{1B}\\").filter { !$0.isEmpty }.map { command in
            let body = command.hasPrefix("\u{1B}_G") ? String(command.dropFirst(3)) : command
            let parts = body.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false)
            return (String(parts[0]), parts.count > 1 ? String(parts[1]) : "")
        }
    }

    @Test func aLargePictureIsChunkedWithTheKeysOnceAndPaddingOnlyAtTheEnd() throws {
        // Noise does not compress, so the PNG needs many chunks.
        var rng = SystemRandomNumberGenerator()
        var image = RGBAImage(width: 300, height: 200, fill: (0, 0, 0, 255))
        for i in stride(from: 0, to: image.pixels.count, by: 4) {
            for c in 0..<3 { image.pixels[i + c] = UInt8.random(in: 0...255, using: &rng) }
        }
        let out = PixelRenderer(cellWidth: 10, cellHeight: 20).render(image, format: .kitty, columns: 30, rows: 10, kittyID: 7)
        let commands = Self.commands(out.bytes)
        #expect(commands.count > 3)
        #expect(commands[0].keys == "a=T,f=100,q=2,i=7,p=1,m=1")
        for c in commands.dropFirst().dropLast() { #expect(c.keys == "m=1") }
        #expect(commands.last?.keys == "m=0")
        for c in commands.dropLast() {
            #expect(c.payload.utf8.count == 4096 && !c.payload.contains("="))
        }
        // The payload is the picture as PNG, at the size it fits in (300x200 in 300x200 pixels).
        let png = try #require(Data(base64Encoded: commands.map(\.payload).joined()))
        let picture = try ImageDecoder.decode(png)
        #expect(picture.width == 300 && picture.height == 200)
        #expect(out.columns == 30 && out.rows == 10)
    }

    @Test func aPictureIsNeverStretchedToWholeCells() throws {
        // 600x600 in cells of 8x17: 27 rows of 17 px are 459 px, so the picture is 459x459, and it
        // is sent at that size (no c= or r= that would make kitty fill 58x27 cells' pixels).
        let image = RGBAImage(width: 600, height: 600, fill: (200, 30, 30, 255))
        let out = PixelRenderer(cellWidth: 8, cellHeight: 17).render(image, format: .kitty, columns: 100, rows: 27)
        let commands = Self.commands(out.bytes)
        #expect(!commands[0].keys.contains("c=") && !commands[0].keys.contains("r="))
        let picture = try ImageDecoder.decode(try #require(Data(base64Encoded: commands.map(\.payload).joined())))
        #expect(picture.width == 459 && picture.height == 459)
        #expect(out.columns == 58 && out.rows == 27)
    }

    @Test func placeHideAndFreeNameTheImage() {
        #expect(String(decoding: KittyGraphics.place(id: 9, placement: 1), as: UTF8.self) == "\u{1B}_Ga=p,q=2,i=9,p=1\u{1B}\\")
        #expect(String(decoding: KittyGraphics.hide(id: 9), as: UTF8.self) == "\u{1B}_Ga=d,d=i,q=2,i=9\u{1B}\\")
        #expect(String(decoding: KittyGraphics.free(id: 9), as: UTF8.self) == "\u{1B}_Ga=d,d=I,q=2,i=9\u{1B}\\")
    }
}
