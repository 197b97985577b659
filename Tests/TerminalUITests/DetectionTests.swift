import TerminalUI
import Testing

/// What TerminalUI decides about the terminal: its colours and how pictures can reach it.
@Suite struct DetectionTests {
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

    @Test func terminalColoursComeFromTheEnvironment() {
        #expect(TerminalProfile.colorMode(environment: ["TERM": "xterm-256color", "COLORTERM": "truecolor"]) == .truecolor)
        #expect(TerminalProfile.colorMode(environment: ["TERM": "xterm-direct"]) == .truecolor)
        #expect(TerminalProfile.colorMode(environment: ["TERM": "screen-256color"]) == .colors256)
        #expect(TerminalProfile.colorMode(environment: ["TERM": "xterm"]) == .colors16)
        #expect(TerminalProfile.colorMode(environment: ["TERM": "xterm-256color", "NO_COLOR": "1"]) == .monochrome)
        #expect(TerminalProfile.colorMode(environment: ["TERM": "dumb"]) == .monochrome)
        // terminfo's colour count decides for names that do not say it.
        #expect(TerminfoColors.count("xterm-direct") == 16_777_216)
        #expect(TerminalProfile.colorMode(environment: ["TERM": "vt100"]) == .monochrome)
        #expect(TerminalProfile.colorMode(environment: ["TERM": "screen"], terminfoColors: { _ in 256 }) == .colors256)
    }
}
