import Testing
@testable import TerminalUI

@Suite struct DisplayWidthTests {
    @Test func widthsFollowWhatTerminalsShow() {
        #expect(DisplayWidth.of("a") == 1)
        #expect(DisplayWidth.of("狐") == 2)
        #expect(DisplayWidth.of("🦊") == 2)
        #expect(DisplayWidth.of("e\u{301}") == 1)  // e + combining acute, one grapheme
        #expect(DisplayWidth.of("❤\u{FE0F}") == 2)
        #expect(DisplayWidth.of("héllo 狐狸") == 10)
        #expect(DisplayWidth.prefix("ab狐cd", fitting: 3) == "ab")
        #expect(DisplayWidth.prefix("ab狐cd", fitting: 4) == "ab狐")
    }
}

@Suite struct FrameTests {
    @Test func textIsClippedAndWideCharactersNeverSplit() {
        var f = Frame(width: 6, height: 2)
        #expect(f.put("ab狐狸x", x: 0, y: 0) == 6)
        #expect(f.text[0] == "ab狐狸")
        #expect(f[3, 0].isContinuation)
        #expect(f.put("12345狐", x: 0, y: 1) == 5)  // the wide character does not fit in the last column
        #expect(f.text[1] == "12345 ")
        #expect(f.put("zzz", x: 2, y: 1, maxWidth: 2) == 2)
        #expect(f.text[1] == "12zz5 ")
    }

    /// Emoji sequences terminals draw at different widths (a ZWJ family, a skin tone, a flag, a
    /// tag flag) take the columns counted for them, so a border after them stays put; no cell
    /// holds a ZWJ or more than the 5 code points ncurses keeps.
    @Test func emojiSequencesKeepTheirColumnsAndLeaveNoJoiner() {
        var f = Frame(width: 20, height: 1)
        let text = "👨\u{200D}👩\u{200D}👧\u{200D}👦 👍\u{1F3FD} 🇫🇷 🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}|"
        let used = f.put(text, x: 0, y: 0)
        #expect(used == DisplayWidth.of(text), "columns drawn are the columns counted")
        #expect(f.text[0].hasPrefix("👨 👍 FR 🏴|") || f.text[0].hasPrefix("👨 👍 FR 🏴 |"), "\(f.text[0])")
        for cell in f.cells {
            #expect(!String(cell.text).unicodeScalars.contains { $0.value == 0x200D }, "a stray joiner")
            #expect(String(cell.text).unicodeScalars.count <= 5)
        }
        var marks = Frame(width: 4, height: 1)
        marks.put("e" + String(repeating: "\u{301}", count: 60), x: 0, y: 0)
        #expect(String(marks[0, 0].text).unicodeScalars.count == 5)
    }

    @Test func controlCharactersAreMadeVisible() {
        var f = Frame(width: 12, height: 1)
        f.put("a\u{1B}[2Jb\u{7F}", x: 0, y: 0)
        #expect(f.text[0] == "a^[[2Jb^?   ")
    }
}

@Suite struct RendererTests {
    @Test func onlyChangedCellsAreSent() {
        let terminal = GridTerminal(columns: 20, rows: 4)
        var renderer = Renderer()
        var frame = Frame(width: 20, height: 4)
        frame.put("a prompt", x: 0, y: 0)
        #expect(renderer.render(frame, to: terminal) == 80)
        frame.put("a prompts", x: 0, y: 0)
        #expect(renderer.render(frame, to: terminal, cursor: (9, 0)) == 1)
        #expect(terminal.text[0] == "a prompts           ")
        #expect(terminal.cursor == (9, 0, true))
        #expect(renderer.render(frame, to: terminal) == 0)
    }

    @Test func aResizeRepaintsEverything() {
        let terminal = GridTerminal(columns: 10, rows: 2)
        var renderer = Renderer()
        renderer.render(Frame(width: 10, height: 2), to: terminal)
        terminal.resize(columns: 12, rows: 3)
        #expect(terminal.nextEvent(timeoutMilliseconds: 0) == .resize(columns: 12, rows: 3))
        #expect(renderer.render(Frame(width: 12, height: 3), to: terminal) == 36)
    }

    @Test func typedTextArrivesAsKeys() {
        let terminal = GridTerminal(columns: 10, rows: 2)
        terminal.type("hé")
        terminal.send(.key(.enter), .paste("a\nb"))
        var events: [TerminalEvent] = []
        while let e = terminal.nextEvent(timeoutMilliseconds: 0) { events.append(e) }
        #expect(events == [.key(.character("h")), .key(.character("é")), .key(.enter), .paste("a\nb")])
    }
}
