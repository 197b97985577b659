import TerminalUI

/// Which characters thumbnails are drawn with.
package enum SymbolSet: String, Sendable, CaseIterable {
    /// Block elements and spaces: the best colour fidelity per cell.
    case block
    /// Upper and lower half blocks only: two pixels per cell, the classic look.
    case half
    /// Braille dots: fine detail, one colour pair per cell.
    case braille
    /// Plain ASCII, for terminals and fonts without Unicode blocks.
    case ascii
}

package struct PreviewOptions: Sendable, Hashable {
    package var colors: ColorMode
    package var symbols: SymbolSet
    /// Alpha is composited over this (the theme background), 0xRRGGBB.
    package var background: UInt32
    /// A cell's height over its width, in pixels: 17/8 with an 8x17 font. From the terminal
    /// (`TerminalSize.cellAspect`) when it tells, so circles come out round.
    package var cellAspect: Double
    /// Fill the whole box of cells asked for, whatever the picture's shape (`show --stretch`);
    /// otherwise the picture is as large as fits with its shape kept.
    package var stretch: Bool

    package init(colors: ColorMode = .truecolor, symbols: SymbolSet = .block, background: UInt32 = 0x000000,
                cellAspect: Double = CellGeometry.cellAspect, stretch: Bool = false) {
        self.colors = colors
        self.symbols = symbols
        self.background = background
        self.stretch = stretch
        self.cellAspect = cellAspect.isFinite && cellAspect > 0.5 && cellAspect < 4 ? cellAspect : CellGeometry.cellAspect
    }
}
