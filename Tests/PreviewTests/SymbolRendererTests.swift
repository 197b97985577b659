import Foundation
import Imaging
import Preview
import TerminalUI
import Testing
import TestSupport

enum Samples {
    static let bars: [(UInt8, UInt8, UInt8)] = [
        (255, 255, 255), (255, 255, 0), (0, 255, 255), (0, 255, 0), (255, 0, 255), (255, 0, 0), (0, 0, 255), (0, 0, 0),
    ]

    /// Eight vertical colour bars, each `barWidth` pixels wide.
    static func colourBars(barWidth: Int = 16, height: Int = 64) -> RGBAImage {
        var img = RGBAImage(width: barWidth * 8, height: height)
        for y in 0..<height {
            for x in 0..<(barWidth * 8) {
                let c = bars[x / barWidth], i = (y * img.width + x) * 4
                img.pixels[i] = c.0; img.pixels[i + 1] = c.1; img.pixels[i + 2] = c.2; img.pixels[i + 3] = 255
            }
        }
        return img
    }

    static func horizontalGradient(width: Int = 128, height: Int = 32) -> RGBAImage {
        var img = RGBAImage(width: width, height: height)
        for y in 0..<height {
            for x in 0..<width {
                let v = UInt8(x * 255 / (width - 1)), i = (y * width + x) * 4
                img.pixels[i] = v; img.pixels[i + 1] = v; img.pixels[i + 2] = v; img.pixels[i + 3] = 255
            }
        }
        return img
    }
}

@Suite struct SymbolRendererTests {
    let renderer = SymbolRenderer()

    @Test func colourBarsKeepTheirColoursInTruecolor() {
        let grid = renderer.render(Samples.colourBars(), columns: 8, rows: 4, options: PreviewOptions())
        #expect(grid.width == 8 && grid.height == 4)
        for x in 0..<8 {
            let c = Samples.bars[x]
            let want = UInt32(c.0) << 16 | UInt32(c.1) << 8 | UInt32(c.2)
            for y in 0..<4 {
                let cell = grid[x, y]
                // A solid area is drawn as a space on its background or a full block in its foreground.
                let shown = cell.character == " " ? cell.background : cell.foreground
                #expect(shown == .rgb(want), "bar \(x) row \(y): \(cell)")
            }
        }
    }

    @Test func aGradientGetsBrighterLeftToRight() {
        let grid = renderer.render(Samples.horizontalGradient(), columns: 16, rows: 2, options: PreviewOptions())
        func level(_ c: Cell) -> UInt32 {
            let color = c.character == " " ? c.background : c.foreground
            if case .rgb(let v) = color { return v & 0xFF }
            return 0
        }
        let levels = (0..<16).map { level(grid[$0, 0]) }
        #expect(levels == levels.sorted(), "\(levels)")
        #expect(levels.first! < 30 && levels.last! > 225)
    }

    @Test func transparencyShowsTheBackground() {
        let clear = RGBAImage(width: 32, height: 32, fill: (255, 0, 0, 0))
        let grid = renderer.render(clear, columns: 4, rows: 2, options: PreviewOptions(background: 0x202040))
        #expect(grid.cells.allSatisfy { ($0.character == " " ? $0.background : $0.foreground) == .rgb(0x202040) })
    }

    @Test func indexedModesUsePaletteIndices() {
        let g256 = renderer.render(Samples.colourBars(), columns: 8, rows: 2, options: PreviewOptions(colors: .colors256))
        #expect(g256.cells.allSatisfy { if case .indexed = $0.background { true } else { false } })
        // Pure red in the 240-colour cube is index 196.
        let red = g256[5, 0]
        #expect((red.character == " " ? red.background : red.foreground) == .indexed(196))
        let g16 = renderer.render(Samples.colourBars(), columns: 8, rows: 2, options: PreviewOptions(colors: .colors16))
        #expect(g16.cells.allSatisfy {
            if case .indexed(let i) = $0.background { i < 16 } else { false }
        })
        let mono = renderer.render(Samples.colourBars(), columns: 8, rows: 2, options: PreviewOptions(colors: .monochrome))
        #expect(mono.cells.allSatisfy { $0.foreground == .terminalDefault && $0.background == .terminalDefault })
    }

    @Test(arguments: SymbolSet.allCases)
    func symbolSetsStayInTheirCharacters(_ set: SymbolSet) {
        let img = Samples.horizontalGradient()
        let grid = renderer.render(img, columns: 24, rows: 4, options: PreviewOptions(symbols: set))
        for cell in grid.cells {
            let v = cell.character.unicodeScalars.first!.value
            switch set {
            case .ascii: #expect(v < 0x80)
            case .braille: #expect(v == 0x20 || (0x2800...0x28FF).contains(v))
            case .half: #expect([0x20, 0x2580, 0x2584, 0x2588].contains(v), "U+\(String(v, radix: 16))")
            case .block: #expect(v == 0x20 || (0x2580...0x259F).contains(v), "U+\(String(v, radix: 16))")
            }
        }
    }

    @Test func sgrTextUsesTheRightEscapes() {
        var grid = CellGrid(width: 3, height: 1)
        grid[0, 0] = Cell("a", foreground: .rgb(0x102030), background: .rgb(0xFFFFFF))
        grid[1, 0] = Cell("b", foreground: .indexed(196), background: .indexed(2))
        grid[2, 0] = Cell("c", foreground: .indexed(9))
        #expect(ANSIText.lines(grid) == ["\u{1B}[0;38;2;16;32;48;48;2;255;255;255ma\u{1B}[0;38;5;196;42mb\u{1B}[0;91mc\u{1B}[0m"])
    }

    @Test func geometryKeepsTheAspect() {
        #expect(CellGeometry.fit(imageWidth: 1024, imageHeight: 1024, columns: 48, rows: 24) == (48, 24))
        #expect(CellGeometry.fit(imageWidth: 1024, imageHeight: 512, columns: 48, rows: 24) == (48, 12))
        #expect(CellGeometry.fit(imageWidth: 512, imageHeight: 1024, columns: 48, rows: 24) == (24, 24))
    }
}

/// Symbol pictures follow the terminal's real cell shape, so a square stays square.
@Suite struct CellShapeTests {
    @Test func aSquareTakesColumnsByTheCellsOwnShape() {
        // 8x17 cells (DejaVu Sans Mono 10 pt): 30 rows of 17 px are 510 px, 510 / 8 = 63.75 columns.
        #expect(CellGeometry.fit(imageWidth: 600, imageHeight: 600, columns: 200, rows: 30, cellAspect: 17.0 / 8.0) == (64, 30))
        // Assumed 1:2, the same square was 60 columns: 6% too narrow.
        #expect(CellGeometry.fit(imageWidth: 600, imageHeight: 600, columns: 200, rows: 30) == (60, 30))
        #expect(TerminalSize(columns: 120, rows: 40, cellWidth: 8, cellHeight: 17).cellAspect == 17.0 / 8.0)
        #expect(TerminalSize(columns: 120, rows: 40).cellAspect == nil)
    }

    @Test func thumbnailsUseTheAspectTheyAreGiven() {
        let image = RGBAImage(width: 600, height: 600, fill: (255, 0, 0, 255))
        let grid = Thumbnailer().cells(for: image, columns: 200, rows: 30, options: PreviewOptions(colors: .truecolor, cellAspect: 17.0 / 8.0))
        #expect(grid.width == 64 && grid.height == 30)
        // Nonsense from a terminal (0 or huge pixel sizes) falls back to 1:2.
        #expect(PreviewOptions(cellAspect: 0).cellAspect == 2 && PreviewOptions(cellAspect: .infinity).cellAspect == 2)
    }
}

