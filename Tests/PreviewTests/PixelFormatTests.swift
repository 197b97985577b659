import Foundation
import Imaging
import Preview
import TerminalUI
import Testing

@Suite struct PixelFormatTests {
    let image = Samples.colourBars(barWidth: 32, height: 120)

    @Test func sixelIsADeviceControlString() {
        let out = PixelRenderer().render(image, format: .sixel, columns: 20, rows: 6)
        let text = String(decoding: out.bytes, as: UTF8.self)
        #expect(text.hasPrefix("\u{1B}P") && text.contains("q\"1;1;"))
        #expect(text.hasSuffix("\u{1B}\\"))
        #expect(out.columns <= 20 && out.rows <= 6)
    }

    @Test func kittyAndITermCarryTheImage() {
        let kitty = String(decoding: PixelRenderer().render(image, format: .kitty, columns: 20, rows: 6).bytes, as: UTF8.self)
        #expect(kitty.hasPrefix("\u{1B}_G") && kitty.contains("\u{1B}\\"))
        let iterm = String(decoding: PixelRenderer().render(image, format: .iterm, columns: 20, rows: 6).bytes, as: UTF8.self)
        #expect(iterm.contains("\u{1B}]1337;File=inline=1"))
    }

    @Test func tmuxPassthroughWrapsEachSequenceAndDoublesEscapes() {
        let raw = Array("\u{1B}_Ga=T;AAAA\u{1B}\\\u{1B}_Gm=0;BB\u{1B}\\".utf8)
        let wrapped = String(decoding: PixelRenderer.wrapForTmux(raw), as: UTF8.self)
        #expect(wrapped == "\u{1B}Ptmux;\u{1B}\u{1B}_Ga=T;AAAA\u{1B}\u{1B}\\\u{1B}\\\u{1B}Ptmux;\u{1B}\u{1B}_Gm=0;BB\u{1B}\u{1B}\\\u{1B}\\")
        let sixel = PixelRenderer(tmuxPassthrough: true).render(image, format: .sixel, columns: 10, rows: 3).bytes
        #expect(String(decoding: sixel, as: UTF8.self).hasPrefix("\u{1B}Ptmux;\u{1B}\u{1B}P"))
    }
}
