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

    /// Over SSH inside a local tmux (TERM says tmux or screen, TMUX is unset) the kitty graphics
    /// query is not sent: tmux took its APC string for the pane's title, and it stayed there.
    @Test func behindATmuxItCannotReachTheGraphicsQueryIsNotSent() {
        for term in ["tmux-256color", "screen-256color", "screen"] {
            var sent: [String] = []
            let r = TerminalProbe.detect(environment: ["TERM": term], interactive: true, ask: { sent.append($0); return "\u{1B}[?62;c" })
            #expect(r.format == .symbols)
            #expect(sent == [TerminalProbe.queryWithoutGraphics], "\(term): \(sent)")
            #expect(!sent.joined().contains("\u{1B}_"), "no APC string")
        }
        var sent: [String] = []
        _ = TerminalProbe.detect(environment: ["TERM": "xterm-256color"], interactive: true, ask: { sent.append($0); return "" })
        #expect(sent == [TerminalProbe.query], "a terminal reached directly is asked for graphics")
    }

    @Test func tmuxWithoutPassthroughFallsBackWithAHint() {
        let env = ["TMUX": "/tmp/tmux-0/default,1,0", "TERM": "tmux-256color", "KITTY_WINDOW_ID": "3"]
        let off = TerminalProbe.detect(environment: env, interactive: true, ask: { _ in "" }, tmuxPassthroughOn: { false })
        #expect(off.format == .symbols)
        #expect(off.hint?.contains("tmux set -g allow-passthrough on") == true)
        // kitty behind tmux draws through placeholders, which only 0.28 and later have.
        let reply = { (version: String) in "\u{1B}P>|kitty(\(version))\u{1B}\\\u{1B}[?62;c" }
        let on = TerminalProbe.detect(environment: env, interactive: true, ask: { _ in reply("0.35.2") }, tmuxPassthroughOn: { true })
        #expect(on == .init(format: .kitty, tmuxPassthrough: true, hint: nil, kittyPlaceholders: true))
        let old = TerminalProbe.detect(environment: env, interactive: true, ask: { _ in reply("0.26.5") }, tmuxPassthroughOn: { true })
        #expect(old.format == .symbols && !old.tmuxPassthrough)
        #expect(old.hint == "kitty 0.26.5 cannot place pictures inside tmux; kitty 0.28 or later can, through Unicode placeholders (showing symbols)")
        let silent = TerminalProbe.detect(environment: env, interactive: true, ask: { _ in "" }, tmuxPassthroughOn: { true })
        #expect(silent.format == .symbols && silent.hint?.contains("gave no version") == true)
        // A terminal the environment does not name (xterm) cannot be asked without passthrough:
        // the hint says how to let Darkroom ask; with passthrough on and no pixels, nothing is said.
        let plain = ["TMUX": "/tmp/tmux-0/default,1,0", "TERM": "tmux-256color"]
        var asked = 0
        let unasked = TerminalProbe.detect(environment: plain, interactive: true, ask: { _ in asked += 1; return "" }, tmuxPassthroughOn: { false })
        #expect(unasked.format == .symbols && asked == 0 && unasked.hintIsAdvice)
        #expect(unasked.hint?.hasPrefix("run `tmux set -g allow-passthrough on` to let Darkroom ask your terminal") == true)
        let none = TerminalProbe.detect(environment: plain, interactive: true, ask: { _ in "\u{1B}[?62;22c" }, tmuxPassthroughOn: { true })
        #expect(none == .init(format: .symbols, tmuxPassthrough: false, hint: nil))
    }

    @Test func kittyOutsideTmuxUsesPlaceholdersWhereItHasThem() {
        let env = ["TERM": "xterm-kitty", "KITTY_WINDOW_ID": "1"]
        var asked: [String] = []
        let new = TerminalProbe.detect(environment: env, interactive: true,
                                       ask: { asked.append($0); return "\u{1B}P>|kitty(0.28.0)\u{1B}\\\u{1B}[?62;c" })
        #expect(new == .init(format: .kitty, tmuxPassthrough: false, hint: nil, kittyPlaceholders: true))
        #expect(asked == [TerminalProbe.query])
        let old = TerminalProbe.detect(environment: env, interactive: true, ask: { _ in "\u{1B}P>|kitty(0.27.1)\u{1B}\\\u{1B}[?62;c" })
        #expect(old == .init(format: .kitty, tmuxPassthrough: false, hint: nil, kittyPlaceholders: false))
    }

    /// A terminal that reports no pixel size with TIOCGWINSZ is asked with `CSI 16 t`; one that
    /// reports it is not asked, and a nonsense answer changes nothing.
    @Test func theCellSizeIsAskedOnlyWhenTheTerminalDidNotGiveIt() {
        var asked: [String] = []
        let known = TerminalSize(columns: 120, rows: 40, cellWidth: 8, cellHeight: 17)
        #expect(known.askingCellSize { asked.append($0); return "" } == known && asked.isEmpty)
        let bare = TerminalSize(columns: 120, rows: 40)
        let answered = bare.askingCellSize { asked.append($0); return "\u{1B}[6;19;9t\u{1B}[?62;4c" }
        #expect(asked == ["\u{1B}[16t\u{1B}[c"])
        #expect(answered == TerminalSize(columns: 120, rows: 40, cellWidth: 9, cellHeight: 19))
        #expect(answered.cellAspect == 19.0 / 9.0)
        #expect(bare.askingCellSize { _ in "\u{1B}[6;0;9999t" } == bare)
        #expect(bare.askingCellSize { _ in "\u{1B}[?62c" } == bare)
    }

    /// The background colour's answer (OSC 11) says light or dark; no answer says nothing.
    @Test func aLightBackgroundIsReadFromOSC11() {
        #expect(TerminalReply.lightBackground(in: "\u{1B}]11;rgb:ffff/ffff/ffff\u{1B}\\\u{1B}[?62c") == true)
        #expect(TerminalReply.lightBackground(in: "\u{1B}]11;rgb:0000/0000/0000\u{07}") == false)
        #expect(TerminalReply.lightBackground(in: "\u{1B}]11;rgb:fd/f6/e3\u{07}") == true, "two hex digits a channel (solarized light)")
        #expect(TerminalReply.lightBackground(in: "\u{1B}]11;rgb:2828/2a2a/3636\u{07}") == false)
        #expect(TerminalReply.lightBackground(in: "\u{1B}[?62;4c") == nil)
    }

    /// tmux 3.3 answers the device attributes but not OSC 11: the terminal behind it is asked
    /// through passthrough (when allowed), as xterm under tmux was seen to answer.
    @Test func insideTmuxTheBackgroundIsAskedOfTheTerminalBehindIt() {
        let tmux = ["TMUX": "/tmp/tmux-0/default,1,0", "TERM": "tmux-256color"]
        let white = "\u{1B}[?1;2c\u{1B}]11;rgb:ffff/ffff/ffff\u{07}"
        var asked: [String] = []
        let light = TerminalProbe.lightBackground(environment: tmux, ask: { q in
            asked.append(q)
            return q.hasPrefix("\u{1B}Ptmux;") ? white : "\u{1B}[?1;2c"
        }, tmuxPassthroughOn: { true })
        #expect(light == true)
        #expect(asked == ["\u{1B}]11;?\u{07}\u{1B}[c", "\u{1B}Ptmux;\u{1B}\u{1B}]11;?\u{07}\u{1B}\\\u{1B}Ptmux;\u{1B}\u{1B}[c\u{1B}\\"])
        // Passthrough off: nothing more is sent; outside tmux neither.
        asked = []
        #expect(TerminalProbe.lightBackground(environment: tmux, ask: { asked.append($0); return "\u{1B}[?1;2c" }, tmuxPassthroughOn: { false }) == nil)
        #expect(TerminalProbe.lightBackground(environment: ["TERM": "xterm"], ask: { asked.append($0); return "" }, tmuxPassthroughOn: { true }) == nil)
        #expect(asked.count == 2)
        // tmux 3.4 answers for the pane: that answer is taken.
        #expect(TerminalProbe.lightBackground(environment: tmux, ask: { _ in "\u{1B}]11;rgb:0000/0000/0000\u{07}\u{1B}[?1;2c" },
                                              tmuxPassthroughOn: { Issue.record("not asked"); return true }) == false)
    }

    @Test func terminalVersionsAreReadFromXTVERSION() {
        #expect(TerminalReply.version(in: "\u{1B}P>|kitty(0.26.5)\u{1B}\\") == .init(name: "kitty", number: "0.26.5"))
        #expect(TerminalReply.version(in: "\u{1B}P>|XTerm(379)\u{1B}\\\u{1B}[?63;4c") == .init(name: "XTerm", number: "379"))
        #expect(TerminalReply.version(in: "\u{1B}P>|ghostty 1.1.3\u{1B}\\")?.drawsKittyPlaceholders == true)
        #expect(TerminalReply.version(in: "\u{1B}P>|WezTerm 20240203\u{1B}\\")?.drawsKittyPlaceholders == false)
        #expect(TerminalReply.version(in: "\u{1B}P>|kitty(0.28.0)\u{1B}\\")?.drawsKittyPlaceholders == true)
        #expect(TerminalReply.version(in: "\u{1B}P>|kitty(0.27.9)\u{1B}\\")?.drawsKittyPlaceholders == false)
        #expect(TerminalReply.version(in: "\u{1B}P>|kitty(1.0)\u{1B}\\")?.drawsKittyPlaceholders == true)
        // A name with control characters in it is not taken (it would be shown in a hint).
        #expect(TerminalReply.version(in: "\u{1B}P>|kit\u{07}ty(0.30)\u{1B}\\") == nil)
        #expect(TerminalReply.version(in: "\u{1B}[?62;c") == nil)
    }

    @Test func insideTmuxTheTerminalBehindItIsAskedThroughPassthrough() {
        let env = ["TMUX": "/tmp/tmux-0/default,1,0", "TERM": "tmux-256color"]
        var asked: [String] = []
        // xterm -ti vt340 behind tmux 3.3 answered the wrapped device-attributes query like this.
        let on = TerminalProbe.detect(environment: env, interactive: true, ask: { asked.append($0); return "\u{1B}[?63;1;2;4;6;9;15;16;22;28c" },
                                      tmuxPassthroughOn: { true })
        #expect(on == .init(format: .sixel, tmuxPassthrough: true, hint: nil))
        #expect(asked == [TmuxPassthrough.wrap(TerminalProbe.query)])
        #expect(asked[0].hasPrefix("\u{1B}Ptmux;\u{1B}\u{1B}_G") && asked[0].hasSuffix("\u{1B}Ptmux;\u{1B}\u{1B}[>0q\u{1B}\u{1B}[c\u{1B}\\"))
        // Without passthrough nothing could answer but tmux: nothing is asked.
        asked = []
        let off = TerminalProbe.detect(environment: env, interactive: true, ask: { asked.append($0); return "" }, tmuxPassthroughOn: { false })
        #expect(off.format == .symbols && asked.isEmpty)
        // mlterm's variable gets through tmux.
        #expect(PixelFormat.fromEnvironment(env.merging(["MLTERM": "3.9.0"]) { $1 }) == .sixel)
    }

    @Test func terminalColoursComeFromTheEnvironment() {
        #expect(TerminalProfile.colorMode(environment: ["TERM": "xterm-256color", "COLORTERM": "truecolor"]) == .truecolor)
        #expect(TerminalProfile.colorMode(environment: ["TERM": "xterm-direct"]) == .truecolor)
        #expect(TerminalProfile.colorMode(environment: ["TERM": "screen-256color"]) == .colors256)
        // As chafa chooses (chafa 1.12.4 on Debian, measured): Debian's xterm says TERM=xterm yet shows 256.
        #expect(TerminalProfile.colorMode(environment: ["TERM": "xterm"]) == .colors256)
        #expect(TerminalProfile.colorMode(environment: ["TERM": "xterm-256color"]) == .truecolor)
        #expect(TerminalProfile.colorMode(environment: ["TERM": "tmux-256color"]) == .colors256)
        #expect(TerminalProfile.colorMode(environment: ["TERM": "xterm", "VTE_VERSION": "7006"]) == .truecolor)
        #expect(TerminalProfile.colorMode(environment: ["TERM": "linux"]) == .colors16)
        #expect(TerminalProfile.colorMode(environment: ["TERM": "xterm-256color", "NO_COLOR": "1"]) == .monochrome)
        #expect(TerminalProfile.colorMode(environment: ["TERM": "dumb"]) == .monochrome)
        // terminfo's colour count decides for names that do not say it.
        #expect(TerminfoColors.count("xterm-direct") == 16_777_216)
        #expect(TerminalProfile.colorMode(environment: ["TERM": "vt100"]) == .monochrome)
        #expect(TerminalProfile.colorMode(environment: ["TERM": "screen"], terminfoColors: { _ in 256 }) == .colors256)
    }
}
