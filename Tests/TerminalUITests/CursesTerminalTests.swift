import CNcursesw
import Foundation
import Testing
@testable import TerminalUI

/// The ncursesw backend on a real pseudo-terminal: what it writes, and what it reads back.
@Suite(.serialized) struct CursesTerminalTests {
    final class PTY {
        let master: Int32
        let slave: Int32
        let input: UnsafeMutablePointer<FILE>
        let output: UnsafeMutablePointer<FILE>

        init(columns: Int, rows: Int) {
            let pty = PseudoTerminal(columns: columns, rows: rows)!
            master = pty.master
            slave = pty.slave
            input = fdopen(dup(slave), "r")
            output = fdopen(dup(slave), "w")
            _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
        }

        /// Everything written to the terminal so far.
        func drain() -> [UInt8] {
            var out: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let n = read(master, &buffer, buffer.count)
                if n <= 0 { break }
                out += buffer[0..<n]
            }
            return out
        }

        func type(_ s: String) { _ = s.withCString { write(master, $0, strlen($0)) } }
    }

    /// The studio's loop waits here; a posted answer must end the wait at once, and a key must
    /// still arrive as soon as it is typed. (A broken wake would wait out the 2 minutes and fail
    /// the time limit.)
    @Test(.timeLimit(.minutes(1))) func aWakeEndsTheWaitForAKeyAndKeysStillArrive() throws {
        let pty = PTY(columns: 40, rows: 10)
        let terminal = CursesTerminal(term: "xterm-256color", input: pty.input, output: pty.output, outputFD: pty.slave)
        defer { CursesTerminal.restore() }
        let signal = try #require(terminal.wakeSignal)
        signal.wake()
        #expect(terminal.nextEvent(timeoutMilliseconds: 120_000) == nil)
        pty.type("a")
        #expect(terminal.nextEvent(timeoutMilliseconds: 120_000) == .key(.character("a")))
        // Escape followed by another key: both arrive, the second one from ncurses' own queue.
        pty.type("\u{1B}\u{11}")
        #expect(terminal.nextEvent(timeoutMilliseconds: 120_000) == .key(.escape))
        #expect(terminal.nextEvent(timeoutMilliseconds: 120_000) == .key(.ctrl("q")))
    }

    @Test func paintsReadsKeysPasteAndSendsLittlePerKeystroke() throws {
        let pty = PTY(columns: 60, rows: 12)
        let terminal = CursesTerminal(term: "xterm-256color", input: pty.input, output: pty.output, outputFD: pty.slave)
        defer { CursesTerminal.restore() }
        #expect(terminal.columns == 60 && terminal.rows == 12)
        var renderer = Renderer()
        var frame = Frame(width: 60, height: 12)
        frame.put("Prompt: a red fox", x: 0, y: 0, style: Style(foreground: .rgb(0xFF8700), attributes: .bold))
        renderer.render(frame, to: terminal, cursor: (17, 0))
        let first = String(decoding: pty.drain(), as: UTF8.self)
        #expect(first.contains("Prompt: a red fox"))
        #expect(first.contains("\u{1B}[?2004h"))  // bracketed paste on
        // One more character: only a few bytes go out.
        frame.put("Prompt: a red foxe", x: 0, y: 0, style: Style(foreground: .rgb(0xFF8700), attributes: .bold))
        renderer.render(frame, to: terminal, cursor: (18, 0))
        let typed = pty.drain()
        #expect(typed.count <= 40, "\(typed.count) bytes: \(String(decoding: typed, as: UTF8.self).debugDescription)")
        // Keys, Alt, Ctrl and a bracketed paste come back as events.
        pty.type("a\u{1B}x\u{07}\u{1B}[200~line one\rline two\u{1B}[201~\u{1B}[A\u{1B}OB")
        var events: [TerminalEvent] = []
        for _ in 0..<10 {
            guard let e = terminal.nextEvent(timeoutMilliseconds: 200) else { break }
            events.append(e)
        }
        #expect(events == [.key(.character("a")), .key(.alt("x")), .key(.ctrl("g")), .paste("line one\nline two"), .key(.up), .key(.down)])
    }

    /// A terminal's answer that arrives after its question stopped waiting (a slow start, a slow
    /// SSH link) is dropped whole; it never turns into typed text. Alt+P and Alt+_ still work.
    @Test func lateTerminalAnswersAreDroppedAndAltKeysStillArrive() throws {
        let pty = PTY(columns: 40, rows: 10)
        let terminal = CursesTerminal(term: "xterm-256color", input: pty.input, output: pty.output, outputFD: pty.slave)
        defer { CursesTerminal.restore() }
        func events(after typed: String) -> [TerminalEvent] {
            pty.type(typed)
            var seen: [TerminalEvent] = []
            for _ in 0..<12 {
                guard let e = terminal.nextEvent(timeoutMilliseconds: 200) else { break }
                seen.append(e)
            }
            return seen
        }
        #expect(events(after: "\u{1B}_Gi=31;OK\u{1B}\\a") == [.key(.character("a"))])
        #expect(events(after: "\u{1B}P>|kitty(0.26.5)\u{1B}\\b") == [.key(.character("b"))])
        #expect(events(after: "\u{1B}]11;rgb:ffff/ffff/ffff\u{07}c") == [.key(.character("c"))])
        #expect(events(after: "\u{1B}[?62;4;22c\u{1B}[4;680;960td") == [.key(.character("d"))])
        #expect(events(after: "\u{1B}P") == [.key(.alt("P"))])
        #expect(events(after: "\u{1B}_") == [.key(.alt("_"))])
    }

    @Test func coloursAreDowngradedToWhatTheTerminalHas() {
        #expect(ColorDowngrade.number(.rgb(0xFF0000), colors: 1 << 24) == 0xFF0000)
        #expect(ColorDowngrade.number(.rgb(0x000001), colors: 1 << 24) == 8)
        #expect(ColorDowngrade.number(.rgb(0xFF0000), colors: 256) == 196)
        #expect(ColorDowngrade.number(.rgb(0x808080), colors: 256) == 244)
        #expect(ColorDowngrade.number(.rgb(0xFF0000), colors: 16) == 9)
        #expect(ColorDowngrade.number(.rgb(0xC00000), colors: 8) == 1)
        #expect(ColorDowngrade.number(.terminalDefault, colors: 256) == -1)
    }
}
