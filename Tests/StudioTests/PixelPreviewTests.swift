import Foundation
import Generation
import Imaging
import Preview
import RunwareAPI
@testable import Studio
import TerminalUI
import Testing
import TestSupport

/// The preview placed with a pixel protocol: a picture that is no longer wanted is taken off the
/// terminal (sixel and iTerm2 by rewriting the cells under it, kitty by a delete that tmux passes
/// on), so no old picture shows through blank cells of a pop-up or another screen.
@Suite struct PixelPreviewTests {
    /// The studio on the grid terminal with one result in the Generate strip.
    static func app(_ folder: TempFolder, format: PixelFormat, tmux: Bool = false, placeholders: Bool = false, more: [String] = [],
                    side: Int = 256) throws -> (StudioApp, GridTerminal) {
        let path = folder.path + "/result.png"
        try ImageEncoder.encode(RGBAImage(width: side, height: side, fill: (30, 140, 200, 255)), as: .png)
            .write(to: URL(fileURLWithPath: path))
        let client = RunwareClient(endpoint: "http://127.0.0.1:9/v1", apiKey: "unused", transport: CurlTransport())
        let ports = StudioPorts.live(runner: JobRunner(client: client), history: nil, folder: folder.url, thumbnailer: Thumbnailer(),
                                    previewOptions: PreviewOptions(colors: .colors256))
        var state = StudioState(columns: 140, rows: 44, now: Date(), document: ["model": .string("runware:111@1")],
                                target: "sandbox", pickerFolder: folder.path)
        for (n, file) in (more + [path]).enumerated() { state.generate.add(RecentResult(path: file, seed: UInt64(n), historyID: Int64(n + 1), index: 0)) }
        let terminal = GridTerminal(columns: 140, rows: 44)
        let renderer = PixelRenderer(cellWidth: 8, cellHeight: 16, tmuxPassthrough: tmux, kittyPlaceholders: placeholders)
        let app = StudioApp(state: state, terminal: terminal, keyMap: .defaults, theme: .monochrome, ports: ports,
                            pixels: (format, renderer))
        return (app, terminal)
    }

    static func placements(_ terminal: GridTerminal, _ start: String) -> Int {
        terminal.controls.filter { $0.contains(start) }.count
    }

    @Test func aSixelPictureIsErasedWhenHelpCoversItAndPlacedAgainAfter() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let (app, terminal) = try Self.app(folder, format: .sixel)
        app.start()
        // Sixel data starts with DCS (ESC P) and its parameters, then `q`.
        #expect(await app.settle(timeout: .seconds(60)) { _ in Self.placements(terminal, "\u{1B}P") == 1 })
        let preview = try #require(GenerateLayout(columns: 140, rows: 44).preview)
        #expect(terminal.repaintedRows.isEmpty)

        app.dispatch(.terminal(.key(.function(1))))
        app.render()
        // Every row the picture covered is rewritten, inside the preview pane, after plain spaces
        // over it (tmux drops ncurses' erase of cells it already holds blank).
        let erased = try #require(terminal.repaintedRows.last)
        #expect(erased.lowerBound >= preview.y && erased.upperBound <= preview.y + preview.height && !erased.isEmpty)
        let spaces = try #require(terminal.controls.last)
        #expect(spaces.hasPrefix("\u{1B}7\u{1B}[0m\u{1B}[\(erased.lowerBound + 1);") && spaces.hasSuffix(" \u{1B}8"))
        #expect(spaces.components(separatedBy: "\u{1B}[").count - 2 == erased.count, "one run of spaces a row")
        #expect(Self.placements(terminal, "\u{1B}P") == 1)

        app.dispatch(.terminal(.key(.escape)))
        app.render()
        #expect(Self.placements(terminal, "\u{1B}P") == 2, "placed again once help is closed")

        // Another screen: the picture goes again; nothing is placed on History's sheet.
        app.dispatch(.terminal(.key(.function(2))))
        app.render()
        #expect(terminal.repaintedRows.count == 2)
        #expect(Self.placements(terminal, "\u{1B}P") == 2)
    }

    /// A font change reaches the studio as a resize with another cell size: the picture is taken
    /// off and made again for the new cells (a 2048x2048 picture fills the pane either way, so
    /// its pixels double with 16x32 px cells), and a picture made for the old cells that arrives
    /// late is not used.
    @Test func aNewCellSizeMakesThePictureAgainForIt() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let (app, terminal) = try Self.app(folder, format: .sixel, side: 2048)
        app.start()
        #expect(await app.settle(timeout: .seconds(60)) { _ in Self.placements(terminal, "\u{1B}P") == 1 })
        let first = try #require(terminal.controls.last { $0.contains("\u{1B}P") })
        let key = try #require(app.state.pixelTarget)
        let preview = ThumbnailKey(path: key.1, columns: key.0.width, rows: key.0.height)
        func rasterWidth(_ sixel: String) -> Int? { sixel.firstMatch(of: /"1;1;(\d+);/).flatMap { Int($0.1) } }
        let narrow = try #require(rasterWidth(first))
        terminal.resize(columns: 140, rows: 44, cell: (16, 32))
        app.step(waitMilliseconds: 0)
        #expect(terminal.repaintedRows.count == 1, "the old picture is taken off")
        app.dispatch(.pixels(preview, Array(first.utf8), columns: key.0.width, rows: key.0.height, cell: CellPixels(width: 8, height: 16)))
        app.render()
        #expect(Self.placements(terminal, "\u{1B}P") == 1, "a picture made for the old cells is not placed")
        #expect(await app.settle(timeout: .seconds(60)) { _ in Self.placements(terminal, "\u{1B}P") == 2 })
        let again = try #require(terminal.controls.last { $0.contains("\u{1B}P") })
        #expect(rasterWidth(again) == narrow * 2, "made again for 16x32 px cells: \(narrow) then \(rasterWidth(again) ?? 0) px wide")
    }

    @Test func aNewSelectionWhosePictureIsNotMadeYetTakesTheOldOneAway() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let other = folder.path + "/other.png"
        try ImageEncoder.encode(RGBAImage(width: 128, height: 256, fill: (200, 40, 40, 255)), as: .png).write(to: URL(fileURLWithPath: other))
        let (app, terminal) = try Self.app(folder, format: .sixel, more: [other])
        app.start()
        #expect(await app.settle(timeout: .seconds(60)) { _ in Self.placements(terminal, "\u{1B}P") == 1 })
        app.dispatch(.terminal(.key(.alt("."))))
        app.render()
        // The old picture is off at once, not left under the new caption while the new one is made.
        #expect(terminal.repaintedRows.count == 1)
        #expect(await app.settle(timeout: .seconds(60)) { _ in Self.placements(terminal, "\u{1B}P") == 2 })
    }

    @Test func kittyPicturesGoOnceAsPNGAndArePlacedAgainByIDAllWrappedForTmux() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let (app, terminal) = try Self.app(folder, format: .kitty, tmux: true)
        app.start()
        // The first placement sends the picture: PNG, under this studio's id, answers off.
        #expect(await app.settle(timeout: .seconds(60)) { _ in terminal.controls.contains { $0.contains("\u{1B}Ptmux;\u{1B}\u{1B}_Ga=T,f=100,q=2,i=") } })
        let sent = try #require(terminal.controls.last)
        let id = try #require(sent.firstMatch(of: /a=T,f=100,q=2,i=(\d+),p=1/)?.1)
        #expect(sent.utf8.count < 40_000, "a 256x256 flat picture as PNG, not \(sent.utf8.count) bytes of RGBA")

        // Help over it: hidden by id (kitty keeps it), wrapped so tmux passes it on.
        app.dispatch(.terminal(.key(.function(1))))
        app.render()
        #expect(terminal.controls.last == "\u{1B}Ptmux;\u{1B}\u{1B}_Ga=d,d=i,q=2,i=\(id)\u{1B}\u{1B}\\\u{1B}\\")
        // Help closed: placed again by id, a few bytes, not sent again.
        app.dispatch(.terminal(.key(.escape)))
        app.render()
        let again = try #require(terminal.controls.last)
        #expect(again.contains("\u{1B}\u{1B}_Ga=p,q=2,i=\(id),p=1\u{1B}\u{1B}\\") && again.utf8.count < 100, "\(again.utf8.count) bytes")
        // Nothing of it is left for tmux to read as a title or print.
        #expect(!terminal.controls.contains { $0.contains("\u{1B}_G") && !$0.hasPrefix("\u{1B}7\u{1B}[") && !$0.hasPrefix("\u{1B}Ptmux;") })

        // The studio ends: kitty frees what it sent.
        app.dispatch(.terminal(.key(.ctrl("q"))))
        app.finish()
        #expect(terminal.controls.last == "\u{1B}Ptmux;\u{1B}\u{1B}_Ga=d,d=I,q=2,i=\(id)\u{1B}\u{1B}\\\u{1B}\\")
    }

    @Test func kittyPlaceholderPicturesAreTextInTheirCellsAndGoWhenTheCellsAreRewritten() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let (app, terminal) = try Self.app(folder, format: .kitty, tmux: true, placeholders: true)
        app.start()
        // Sent once with a virtual placement of the cells it needs, wrapped for tmux...
        #expect(await app.settle(timeout: .seconds(60)) { _ in terminal.controls.contains { $0.contains("\u{1B}\u{1B}_Ga=T,f=100,q=2,U=1,i=") } })
        let sent = try #require(terminal.controls.last)
        let match = try #require(sent.firstMatch(of: /U=1,i=(\d+),c=(\d+),r=(\d+)/))
        let id = try #require(UInt32(match.1)), columns = try #require(Int(match.2)), rows = try #require(Int(match.3))
        #expect(columns == rows * 2, "a square picture in 8x16 cells")
        // ...then its placeholder text, row by row, inside the preview pane, in plain text (not wrapped).
        let preview = try #require(GenerateLayout(columns: 140, rows: 44).preview)
        let text = KittyPlaceholders.rows(id: id, columns: columns, rows: rows)
        let x = preview.x + (preview.width - columns) / 2, y = preview.y + (preview.height - rows) / 2
        #expect(sent.hasSuffix("\u{1B}7" + text.enumerated().map { "\u{1B}[\(y + $0.offset + 1);\(x + 1)H" + $0.element }.joined() + "\u{1B}8"))

        // Help over it: the cells are written again (spaces, then ncurses), nothing sent to kitty.
        app.dispatch(.terminal(.key(.function(1))))
        app.render()
        #expect(terminal.repaintedRows.last == y..<(y + rows))
        #expect(terminal.controls.last?.contains("_G") == false)
        // Closed: the text again, the picture not sent again.
        app.dispatch(.terminal(.key(.escape)))
        app.render()
        let again = try #require(terminal.controls.last)
        #expect(!again.contains("_G") && again.contains(text[0]))

        app.dispatch(.terminal(.key(.ctrl("q"))))
        app.finish()
        #expect(terminal.controls.last == "\u{1B}Ptmux;\u{1B}\u{1B}_Ga=d,d=I,q=2,i=\(id)\u{1B}\u{1B}\\\u{1B}\\")
    }
}
