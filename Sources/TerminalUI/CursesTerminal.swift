import CNcursesw
import Foundation

/// The ncursesw backend: the alternate screen, extended colour pairs (direct colour where the
/// terminal has it), SGR mouse, bracketed paste, resize, and the terminal restored on every way
/// out (quit, errors, fatal signals). Ctrl-Z suspends through ncurses' own SIGTSTP handling.
package final class CursesTerminal: Terminal, @unchecked Sendable {
    package private(set) var columns: Int = 80
    package private(set) var rows: Int = 24
    package let colorCount: Int
    private var pairs: [Style: Int32] = [:]

    static let pasteStart: Int32 = 1001
    static let pasteEnd: Int32 = 1002
    static let ctrlLeft: Int32 = 1003
    static let ctrlRight: Int32 = 1004

    nonisolated(unsafe) static var outputFD: Int32 = STDOUT_FILENO

    /// Takes over the terminal on stdin/stdout.
    package convenience init(monochrome: Bool = false) {
        self.init(term: nil, input: fdopen(STDIN_FILENO, "r"), output: fdopen(STDOUT_FILENO, "w"), outputFD: STDOUT_FILENO,
                  monochrome: monochrome)
    }

    /// Takes over the terminal on the given streams (a pseudo-terminal in tests).
    package init(term: String?, input: UnsafeMutablePointer<FILE>, output: UnsafeMutablePointer<FILE>, outputFD: Int32,
                monochrome: Bool = false) {
        setlocale(LC_ALL, "")
        Self.outputFD = outputFD
        inputFD = fileno(input)
        _ = newterm(term, output, input)
        raw()
        noecho()
        nonl()
        keypad(shim_stdscr(), true)
        set_escdelay(25)
        if !monochrome && has_colors() {
            start_color()
            use_default_colors()
        }
        colorCount = monochrome || !has_colors() ? 0 : Int(shim_colors())
        mousemask(shim_mouse_all(), nil)
        mouseinterval(0)
        // Cursor keys in both modes: terminfo knows the application form (ESC O A), tmux and some
        // terminals send the normal one (ESC [ A).
        for (sequence, code) in [("\u{1B}[A", KEY_UP), ("\u{1B}[B", KEY_DOWN), ("\u{1B}[C", KEY_RIGHT), ("\u{1B}[D", KEY_LEFT),
                                 ("\u{1B}[H", KEY_HOME), ("\u{1B}[F", KEY_END)] {
            define_key(sequence, code)
        }
        define_key("\u{1B}[200~", Self.pasteStart)
        define_key("\u{1B}[201~", Self.pasteEnd)
        // Ctrl with an arrow, as xterm, kitty, mlterm and tmux send it (the word keys without Alt).
        for (sequence, code) in [("\u{1B}[1;5D", Self.ctrlLeft), ("\u{1B}[1;5C", Self.ctrlRight),
                                 ("\u{1B}[5D", Self.ctrlLeft), ("\u{1B}[5C", Self.ctrlRight)] {
            define_key(sequence, code)
        }
        Self.write(Self.enterModes)
        CursesTerminal.installRestoreHandlers()
        columns = Int(shim_cols())
        rows = Int(shim_lines())
    }

    deinit { Self.restore() }

    /// Puts the terminal back as it was. Safe to call more than once.
    package static func restore() {
        guard !isendwin() else { return }
        write(Self.leaveModes)
        endwin()
    }

    /// Bracketed paste, SGR mouse reports, and Meta sending ESC (xterm's mode 1036: a stock
    /// xterm otherwise sends Alt-, as the 8-bit character "¬", and no Alt binding works there).
    static let enterModes = "\u{1B}[?2004h\u{1B}[?1006h\u{1B}[?1036h"
    /// The modes as a terminal starts: xterm's default sends Meta as 8-bit characters.
    static let leaveModes = "\u{1B}[?2004l\u{1B}[?1006l\u{1B}[?1036l"

    static func write(_ s: String) {
        _ = s.withCString { Foundation.write(outputFD, $0, strlen($0)) }
    }

    package func paint(_ changes: [(x: Int, y: Int, cell: ScreenCell)]) {
        for change in changes where !change.cell.isContinuation {
            let scalars = Array(String(change.cell.text).unicodeScalars.prefix(5)).map { wchar_t(bitPattern: $0.value) } + [0]
            let (attrs, pair) = style(change.cell.style)
            _ = scalars.withUnsafeBufferPointer { shim_put_cell(Int32(change.y), Int32(change.x), $0.baseAddress, attrs, pair) }
        }
    }

    package func moveCursor(x: Int, y: Int, visible: Bool) {
        curs_set(visible ? 1 : 0)
        move(Int32(y), Int32(x))
    }

    package func flush() { refresh() }

    package func sendControl(_ sequence: String) {
        refresh()
        Self.write(sequence)
    }

    package func repaintAll() { clearok(shim_curscr(), true) }

    /// ncurses forgets what it wrote on these rows, so the next refresh writes every cell again.
    package func repaint(rows: Range<Int>) {
        let first = max(0, rows.lowerBound), last = min(Int(shim_lines()), rows.upperBound)
        guard last > first else { return }
        wredrawln(shim_stdscr(), Int32(first), Int32(last - first))
    }

    /// Leaves curses mode, stops like any job on Ctrl-Z, and takes the terminal back on `fg`.
    package func suspend() {
        Self.restore()
        // SIGSTOP: it cannot be caught or ignored (ncurses installs its own SIGTSTP handling).
        raise(SIGSTOP)  // this thread stops before the call returns
        // Running again (SIGCONT).
        Self.write(Self.enterModes)
        refresh()
        clearok(shim_curscr(), true)
        columns = Int(shim_cols())
        rows = Int(shim_lines())
    }

    package let wakeSignal: WakeSignal? = WakeSignal()
    /// The input stream's descriptor, waited on together with `wakeSignal`.
    private let inputFD: Int32

    package var cellPixels: (width: Int, height: Int)? {
        guard let size = TerminalSize.current(fd: Self.outputFD), let w = size.cellWidth, let h = size.cellHeight else { return nil }
        return (w, h)
    }

    /// Waits for a key, a resize or a wake, at most `timeoutMilliseconds`; nil when a wake or
    /// the time ended the wait. Keys ncurses already holds (pushed back, half-read sequences)
    /// are taken first, so the wait never sits on input that has arrived.
    package func nextEvent(timeoutMilliseconds: Int) -> TerminalEvent? {
        guard timeoutMilliseconds > 0, let wakeSignal else { return readEvent(timeoutMilliseconds: timeoutMilliseconds) }
        if let held = readEvent(timeoutMilliseconds: 0) { return held }
        switch wakeSignal.wait(forInput: inputFD, timeoutMilliseconds: timeoutMilliseconds) {
        case .woken, .timedOut: return nil
        // A resize interrupts the wait with SIGWINCH; ncurses turns it into KEY_RESIZE.
        case .input, .interrupted: return readEvent(timeoutMilliseconds: 0)
        }
    }

    /// The next event, skipping input that means nothing here (a mouse release or motion, an
    /// unknown key) without stopping: an event that came in the same read stays in ncurses'
    /// buffer, where waiting on the terminal would not see it until the next key (a click on
    /// the strip came in behind the pointer's motion and was lost so).
    private func readEvent(timeoutMilliseconds: Int) -> TerminalEvent? {
        var wait = timeoutMilliseconds
        for _ in 0..<256 {
            switch readOne(timeoutMilliseconds: wait) {
            case .nothing: return nil
            case .event(let event): return event
            case .ignored: wait = 0
            }
        }
        return nil
    }

    private enum Read { case nothing, ignored, event(TerminalEvent) }

    private func readOne(timeoutMilliseconds: Int) -> Read {
        guard let event = decode(timeoutMilliseconds: timeoutMilliseconds) else { return lastReadGotInput ? .ignored : .nothing }
        return .event(event)
    }

    /// Whether the last `decode` read anything at all.
    private var lastReadGotInput = false

    private func decode(timeoutMilliseconds: Int) -> TerminalEvent? {
        timeout(Int32(timeoutMilliseconds))
        var ch: wint_t = 0
        let kind = wget_wch(shim_stdscr(), &ch)
        lastReadGotInput = kind != ERR
        if kind == ERR { return nil }
        if kind == KEY_CODE_YES {
            let code = Int32(ch)
            if code == Self.pasteStart { return readPaste() }
            if code == Self.ctrlLeft { return .key(.ctrlLeft) }
            if code == Self.ctrlRight { return .key(.ctrlRight) }
            return functionKey(code)
        }
        return characterKey(UInt32(ch))
    }

    private func readPaste() -> TerminalEvent {
        var text = ""
        timeout(100)
        while true {
            var ch: wint_t = 0
            let kind = wget_wch(shim_stdscr(), &ch)
            if kind == ERR || (kind == KEY_CODE_YES && Int32(ch) == Self.pasteEnd) { break }
            if kind == OK, let scalar = Unicode.Scalar(UInt32(ch)) {
                text.unicodeScalars.append(scalar == "\r" ? "\n" : scalar)
            }
        }
        return .paste(text)
    }

    private func functionKey(_ code: Int32) -> TerminalEvent? {
        switch code {
        case KEY_RESIZE:
            columns = Int(shim_cols())
            rows = Int(shim_lines())
            pairs.removeAll()
            return .resize(columns: columns, rows: rows)
        case KEY_MOUSE:
            var event = MEVENT()
            guard getmouse(&event) == OK else { return nil }
            let x = Int(event.x), y = Int(event.y), state = event.bstate
            if shim_wheel_up(state) != 0 { return .mouse(button: .wheelUp, x: x, y: y, pressed: true) }
            if shim_wheel_down(state) != 0 { return .mouse(button: .wheelDown, x: x, y: y, pressed: true) }
            // ncurses reports a press and release read together as one click, mouseinterval(0) or
            // not (xterm sends both at once): a click is a press here, as the reducers want.
            if shim_button1_clicked(state) != 0 { return .mouse(button: .left, x: x, y: y, pressed: true) }
            if shim_button1_pressed(state) != 0 { return .mouse(button: .left, x: x, y: y, pressed: true) }
            if shim_button1_released(state) != 0 { return .mouse(button: .left, x: x, y: y, pressed: false) }
            if shim_button3_pressed(state) != 0 { return .mouse(button: .right, x: x, y: y, pressed: true) }
            return nil
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_HOME: return .key(.home)
        case KEY_END: return .key(.end)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_IC: return .key(.insert)
        case KEY_DC: return .key(.delete)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_ENTER: return .key(.enter)
        case KEY_BTAB: return .key(.backTab)
        case KEY_F0 + 1...KEY_F0 + 12: return .key(.function(Int(code - KEY_F0)))
        default: return nil
        }
    }

    private func characterKey(_ value: UInt32) -> TerminalEvent? {
        switch value {
        case 9: return .key(.tab)
        case 10, 13: return .key(.enter)
        case 127, 8: return .key(.backspace)
        case 27:
            // ESC alone, or Alt+key (ESC immediately followed by a character).
            timeout(0)
            var next: wint_t = 0
            let kind = wget_wch(shim_stdscr(), &next)
            if kind == OK, let introducer = Unicode.Scalar(UInt32(next)), TerminalReplyFilter.introducers.contains(introducer),
               skipReply(after: introducer) {
                return readEvent(timeoutMilliseconds: 0)
            }
            if kind == OK, next >= 32, next != 127, let scalar = Unicode.Scalar(UInt32(next)) {
                return .key(.alt(Character(scalar)))
            }
            // Escape followed quickly by another key (Esc then Ctrl-Q): that key is not lost.
            if kind == OK { unget_wch(wchar_t(bitPattern: UInt32(next))) } else if kind == KEY_CODE_YES { ungetch(Int32(next)) }
            return .key(.escape)
        case 1...26: return .key(.ctrl(Character(Unicode.Scalar(value + 96)!)))
        // Ctrl-_ (Ctrl-/ in most terminals): readline's undo.
        case 31: return .key(.ctrl("_"))
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .key(.character(Character(scalar)))
        }
    }

    /// A terminal's answer that came in after its question stopped waiting (a slow start, a
    /// slow SSH link): `ESC _ … ESC \`, `ESC P … ESC \`, `ESC ] … BEL` or an unknown `ESC [ … c`.
    /// It is read to its end and dropped, so it never becomes typed text. Returns false (and puts
    /// back what it read) when no such answer follows: then `ESC` + the introducer is Alt+key.
    private func skipReply(after introducer: Unicode.Scalar) -> Bool {
        var filter = TerminalReplyFilter(introducer: introducer)
        var read: [wint_t] = []
        timeout(Int32(TerminalReplyFilter.patienceMilliseconds))
        while read.count < TerminalReplyFilter.longest {
            var ch: wint_t = 0
            guard wget_wch(shim_stdscr(), &ch) == OK, let scalar = Unicode.Scalar(UInt32(ch)) else { break }
            read.append(ch)
            let step = filter.take(scalar)
            if step == .ended { return true }
            if step == .notAReply { break }
        }
        if read.count >= TerminalReplyFilter.longest { return true }
        for ch in read.reversed() { unget_wch(wchar_t(bitPattern: UInt32(ch))) }
        return false
    }

    /// The attributes and colour pair for a style, downgraded to what the terminal can show.
    private func style(_ s: Style) -> (attr_t, Int32) {
        var attrs: attr_t = 0
        if s.attributes.contains(.bold) { attrs |= shim_attr_bold() }
        if s.attributes.contains(.dim) { attrs |= shim_attr_dim() }
        if s.attributes.contains(.italic) { attrs |= shim_attr_italic() }
        if s.attributes.contains(.underline) { attrs |= shim_attr_underline() }
        if s.attributes.contains(.reverse) { attrs |= shim_attr_reverse() }
        guard colorCount >= 8 else { return (attrs, 0) }
        if let pair = pairs[s] { return (attrs, pair) }
        let fg = ColorDowngrade.number(s.foreground, colors: colorCount)
        let bg = ColorDowngrade.number(s.background, colors: colorCount)
        let pair = alloc_pair(fg, bg)
        pairs[s] = max(0, pair)
        return (attrs, max(0, pair))
    }

    nonisolated(unsafe) private static var handlersInstalled = false

    private static func installRestoreHandlers() {
        guard !handlersInstalled else { return }
        handlersInstalled = true
        atexit { CursesTerminal.restore() }
        for sig in [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGABRT, SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE] {
            signal(sig) { received in
                CursesTerminal.restore()
                signal(received, SIG_DFL)
                raise(received)
            }
        }
    }
}

/// Colour numbers for ncurses from the terminal's colour count: direct colour (0xRRGGBB, with
/// values below 8 raised so they are not read as palette entries), the xterm 256 cube, or the
/// nearest of the 16 basic colours. -1 is the terminal's default.
package enum ColorDowngrade {
    package static func number(_ c: TermColor, colors: Int) -> Int32 {
        switch c {
        case .terminalDefault: return -1
        case .indexed(let i): return Int32(colors >= 256 ? Int(i) : Int(i) % max(colors, 1))
        case .rgb(let v):
            if colors >= 1 << 24 { return Int32(max(v, 8)) }
            if colors >= 256 { return Int32(cube(v)) }
            return Int32(basic(v, colors: colors))
        }
    }

    static func cube(_ v: UInt32) -> Int {
        let r = Int(v >> 16 & 0xFF), g = Int(v >> 8 & 0xFF), b = Int(v & 0xFF)
        func level(_ c: Int) -> Int { c < 48 ? 0 : c < 115 ? 1 : (c - 35) / 40 }
        let (lr, lg, lb) = (level(r), level(g), level(b))
        let steps = [0, 95, 135, 175, 215, 255]
        let cubeColor = (steps[lr], steps[lg], steps[lb])
        let grey = (r + g + b) / 3
        let greyIndex = grey > 238 ? 23 : max(0, (grey - 3) / 10)
        let greyValue = 8 + greyIndex * 10
        func distance(_ a: (Int, Int, Int)) -> Int { (a.0 - r) * (a.0 - r) + (a.1 - g) * (a.1 - g) + (a.2 - b) * (a.2 - b) }
        return distance((greyValue, greyValue, greyValue)) < distance(cubeColor) ? 232 + greyIndex : 16 + 36 * lr + 6 * lg + lb
    }

    static func basic(_ v: UInt32, colors: Int) -> Int {
        let palette: [(Int, Int, Int)] = [(0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205),
                                          (0, 205, 205), (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0),
                                          (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255)]
        let r = Int(v >> 16 & 0xFF), g = Int(v >> 8 & 0xFF), b = Int(v & 0xFF)
        let candidates = palette.prefix(colors >= 16 ? 16 : 8).enumerated()
        return candidates.min { a, c in
            let da = (a.element.0 - r) * (a.element.0 - r) + (a.element.1 - g) * (a.element.1 - g) + (a.element.2 - b) * (a.element.2 - b)
            let dc = (c.element.0 - r) * (c.element.0 - r) + (c.element.1 - g) * (c.element.1 - g) + (c.element.2 - b) * (c.element.2 - b)
            return da < dc
        }!.offset
    }
}
