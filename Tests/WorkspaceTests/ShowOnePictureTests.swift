import Foundation
import Imaging
import Preview
import TerminalUI
import Testing
import TestSupport
import Workspace

/// `darkroom show` of one picture takes the rows the picture needs, its name right under it.
@Suite struct ShowOnePictureTests {
    static func file(_ folder: TempFolder, width: Int, height: Int) throws -> String {
        let path = folder.path + "/pattern.png"
        try ImageEncoder.encode(RGBAImage(width: width, height: height, fill: (20, 120, 220, 255)), as: .png).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func pixelsTakeTheRowsThePictureNeedsWithTheNameUnderIt() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let file = try Self.file(folder, width: 800, height: 400)
        // A 120x38 slot of 8x17 cells (the whole screen but two rows): 800x400 at its own size is
        // 100 columns by 24 rows, so 24 newlines are reserved and the name follows at once.
        let layout = SheetLayout(perRow: 1, slotWidth: 120, slotHeight: 38)
        let drawn = await ImageSheet.pixels([file], layout: layout, format: .sixel, renderer: PixelRenderer(cellWidth: 8, cellHeight: 17),
                                            stored: nil)
        let text = String(decoding: drawn.bytes, as: UTF8.self)
        #expect(text.hasPrefix(String(repeating: "\n", count: 24) + "\u{1B}[24A"))
        // The name is centred under the picture's 100 columns, not the screen's 120.
        #expect(text.hasSuffix("\u{1B}[24B\r" + String(repeating: " ", count: (100 - 11) / 2) + "pattern.png\n"))
    }

    @Test func symbolsTakeTheRowsThePictureNeedsWithTheNameUnderIt() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let file = try Self.file(folder, width: 800, height: 400)
        let layout = SheetLayout(perRow: 1, slotWidth: 120, slotHeight: 38)
        let drawn = await ImageSheet.symbols([file], thumbnailer: Thumbnailer(), layout: layout,
                                             options: PreviewOptions(colors: .colors256, cellAspect: 2))
        let lines = String(decoding: drawn.bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        // 2:1 at 1:2 cells across 120 columns is 30 rows, then the name: no blank rows between.
        // (A flat picture is coloured spaces: each of its rows carries colours.)
        #expect(lines.prefix(30).allSatisfy { $0.contains("\u{1B}[") })
        #expect(lines.firstIndex { $0.contains("pattern.png") } == 30, "\(lines.count) lines")
    }
}
