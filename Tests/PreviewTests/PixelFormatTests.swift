import Foundation
import Imaging
import Preview
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

    @Test func theEnvironmentNamesTheProtocol() {
        #expect(PixelFormat.fromEnvironment(["TERM": "xterm-kitty"]) == .kitty)
        #expect(PixelFormat.fromEnvironment(["KITTY_WINDOW_ID": "1", "TERM": "tmux-256color"]) == .kitty)
        #expect(PixelFormat.fromEnvironment(["TERM_PROGRAM": "iTerm.app"]) == .iterm)
        #expect(PixelFormat.fromEnvironment(["TERM": "foot"]) == .sixel)
        #expect(PixelFormat.fromEnvironment(["TERM": "xterm-256color"]) == nil)
    }

    @Test func queriesAreAskedOnlyOfInteractiveTerminals() {
        var asked = 0
        let piped = TerminalProbe.detect(environment: ["TERM": "xterm"], interactive: false, ask: { _ in asked += 1; return "" })
        #expect(piped.format == .symbols && asked == 0)
        let vt340 = TerminalProbe.detect(environment: ["TERM": "xterm"], interactive: true, ask: { _ in "\u{1B}[?63;1;2;4;6;9;15;22c" })
        #expect(vt340.format == .sixel)
        let kitty = TerminalProbe.detect(environment: ["TERM": "xterm-256color"], interactive: true,
                                         ask: { _ in "\u{1B}_Gi=31;OK\u{1B}\\\u{1B}[?62;c" })
        #expect(kitty.format == .kitty)
        let plain = TerminalProbe.detect(environment: ["TERM": "xterm"], interactive: true, ask: { _ in "\u{1B}[?62;22c" })
        #expect(plain.format == .symbols)
        let silent = TerminalProbe.detect(environment: ["TERM": "xterm"], interactive: true, ask: { _ in "" })
        #expect(silent.format == .symbols)
    }

    @Test func tmuxWithoutPassthroughFallsBackWithAHint() {
        let env = ["TMUX": "/tmp/tmux-0/default,1,0", "TERM": "tmux-256color", "KITTY_WINDOW_ID": "3"]
        let off = TerminalProbe.detect(environment: env, interactive: true, ask: { _ in "" }, tmuxPassthroughOn: { false })
        #expect(off.format == .symbols)
        #expect(off.hint?.contains("tmux set -g allow-passthrough on") == true)
        let on = TerminalProbe.detect(environment: env, interactive: true, ask: { _ in "" }, tmuxPassthroughOn: { true })
        #expect(on == .init(format: .kitty, tmuxPassthrough: true, hint: nil))
    }
}
