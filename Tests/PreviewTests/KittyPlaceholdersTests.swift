import Foundation
import Imaging
import Preview
import TerminalUI
import Testing

/// kitty's Unicode placeholders as Darkroom writes them, checked against the examples of kitty's
/// graphics protocol documentation.
@Suite struct KittyPlaceholdersTests {
    @Test func theMarksAreKittysTable() {
        let marks = KittyPlaceholders.diacritics.map(\.value)
        #expect(marks.count == 297)
        // kitty's rowcolumn-diacritics.txt starts and ends so; its docs: U+0305 is 0, U+030D 1, U+030E 2.
        #expect(Array(marks.prefix(8)) == [0x0305, 0x030D, 0x030E, 0x0310, 0x0312, 0x033D, 0x033E, 0x033F])
        #expect(Array(marks.suffix(3)) == [0x1D242, 0x1D243, 0x1D244])
        #expect(Set(marks).count == marks.count)
    }

    @Test func idsFitA256ColourForegroundAndAThirdMark() {
        for n: UInt32 in [0, 1, 239, 240, 60_000, UInt32.max] {
            let id = KittyPlaceholders.imageID(n)
            #expect((16...255).contains(id & 0xFF) && (id >> 8) & 0xFFFF == 0 && (1...255).contains(id >> 24))
        }
        #expect(KittyPlaceholders.imageID(0) != KittyPlaceholders.imageID(1))
        #expect(KittyPlaceholders.imageID(239) != KittyPlaceholders.imageID(479))
    }

    @Test func everyCellCarriesItsRowColumnAndTheIDsHighByte() {
        // kitty's example of image id 42 + (2 << 24), 2x2.
        let rows = KittyPlaceholders.rows(id: 42 | 2 << 24, columns: 2, rows: 2)
        #expect(rows == ["\u{1B}[38;5;42m\u{10EEEE}\u{0305}\u{0305}\u{030E}\u{10EEEE}\u{0305}\u{030D}\u{030E}\u{1B}[39m",
                         "\u{1B}[38;5;42m\u{10EEEE}\u{030D}\u{0305}\u{030E}\u{10EEEE}\u{030D}\u{030D}\u{030E}\u{1B}[39m"])
        // Each cell is one character of width one (the placeholder with its marks).
        let plain = rows[0].replacingOccurrences(of: "\u{1B}[38;5;42m", with: "").replacingOccurrences(of: "\u{1B}[39m", with: "")
        #expect(plain.count == 2)
        let block = KittyPlaceholders.block(id: 42 | 2 << 24, columns: 2, rows: 2, column: 5)
        #expect(block == rows[0] + "\r\u{1B}[1B\u{1B}[5C" + rows[1])
    }

    @Test func aSheetSendsEachPictureWithAVirtualPlacementAndWritesItsText() {
        let image = RGBAImage(width: 64, height: 64, fill: (200, 30, 30, 255))
        let entries = [PixelSheet.Entry(name: "a.png", picture: .success(image)), PixelSheet.Entry(name: "b.png", picture: .success(image))]
        let renderer = PixelRenderer(cellWidth: 8, cellHeight: 16, tmuxPassthrough: true, kittyPlaceholders: true)
        let text = String(decoding: PixelSheet.bytes(entries, perRow: 2, slotWidth: 10, slotHeight: 5, format: .kitty,
                                                     renderer: renderer, firstKittyID: 100), as: UTF8.self)
        let first = KittyPlaceholders.imageID(100), second = KittyPlaceholders.imageID(101)
        #expect(text.contains("\u{1B}Ptmux;\u{1B}\u{1B}_Ga=T,f=100,q=2,U=1,i=\(first),c=8,r=4"))
        #expect(text.contains("\u{1B}Ptmux;\u{1B}\u{1B}_Ga=T,f=100,q=2,U=1,i=\(second),c=8,r=4"))
        // 64x64 pixels take 8x4 cells of 8x16 (never scaled up); the second slot starts 12 columns in, on every row.
        #expect(text.contains(KittyPlaceholders.block(id: second, columns: 8, rows: 4, column: 12)))
        #expect(text.contains(KittyPlaceholders.block(id: first, columns: 8, rows: 4, column: 0)))
    }
}
