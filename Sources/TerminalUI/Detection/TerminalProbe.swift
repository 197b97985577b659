import Foundation

/// Finds the best pixel format for the terminal on stdout: the environment first, then (only
/// when stdin and stdout are a terminal) a graphics query answered within a short timeout.
/// Inside tmux, pixels need `allow-passthrough on`; when it is off the result says so.
package enum TerminalProbe {
    package struct Result: Sendable, Equatable {
        package var format: PixelFormat
        package var tmuxPassthrough: Bool
        /// Advice for the user, e.g. how to let pixels through tmux.
        package var hint: String?
        /// kitty pictures go through Unicode placeholders (`KittyPlaceholders`), not at the cursor.
        package var kittyPlaceholders: Bool
        /// The hint is advice that may not apply (a terminal that could not be asked may have no
        /// pixels at all): said once, not kept on the status line.
        package var hintIsAdvice: Bool
        package init(format: PixelFormat, tmuxPassthrough: Bool, hint: String?, kittyPlaceholders: Bool = false,
                    hintIsAdvice: Bool = false) {
            self.format = format
            self.tmuxPassthrough = tmuxPassthrough
            self.hint = hint
            self.kittyPlaceholders = kittyPlaceholders
            self.hintIsAdvice = hintIsAdvice
        }
    }

    /// The kitty graphics query (1x1 pixel, query only), the terminal's name and version
    /// (XTVERSION), then primary device attributes, which every terminal answers, so the wait
    /// ends as soon as that answer arrives.
    package static let query = "\u{1B}_Gi=31,s=1,v=1,a=q,t=d,f=24;AAAA\u{1B}\\\u{1B}[>0q\u{1B}[c"

    /// The query without its kitty graphics part, for a tmux or screen Darkroom cannot reach
    /// (`TERM` says one, `TMUX` is unset: Darkroom runs over SSH inside a local tmux). Such a
    /// multiplexer takes an APC string for a title: the graphics query became the pane's title.
    package static let queryWithoutGraphics = "\u{1B}[>0q\u{1B}[c"

    /// A multiplexer sits between Darkroom and the terminal, and Darkroom cannot ask it for passthrough.
    static func behindUnreachableMultiplexer(_ env: [String: String]) -> Bool {
        let term = env["TERM"] ?? ""
        return env["TMUX"] == nil && (term.hasPrefix("tmux") || term.hasPrefix("screen"))
    }

    package static func detect(environment env: [String: String], interactive: Bool,
                              ask: (String) -> String = { askTerminal($0) },
                              tmuxPassthroughOn: () -> Bool? = { tmuxAllowsPassthrough() }) -> Result {
        guard interactive else { return Result(format: .symbols, tmuxPassthrough: false, hint: nil) }
        let inTmux = env["TMUX"] != nil
        var format = PixelFormat.fromEnvironment(env)
        // Inside tmux the query goes through to the terminal tmux runs in (tmux itself would
        // answer a bare one); that needs passthrough, which is asked about only once. A kitty
        // known from the environment is still asked its version (placeholders or not).
        let passthrough: Bool? = inTmux ? tmuxPassthroughOn() : nil
        var version: TerminalReply.Version?
        if (format == nil || format == .kitty) && (!inTmux || passthrough == true) {
            let reply = ask(inTmux ? TmuxPassthrough.wrap(query) : behindUnreachableMultiplexer(env) ? queryWithoutGraphics : query)
            version = TerminalReply.version(in: reply)
            if format == nil {
                if TerminalReply.kitty(in: reply) { format = .kitty } else if TerminalReply.sixel(inDeviceAttributes: reply) { format = .sixel }
            }
        }
        guard let format else {
            // Behind tmux without passthrough the terminal cannot be asked at all (xterm -ti vt340
            // has sixel and says so only when asked): say how to let Darkroom ask.
            let unasked = inTmux && passthrough == false
            return Result(format: .symbols, tmuxPassthrough: false,
                          hint: unasked ? "run `tmux set -g allow-passthrough on` to let Darkroom ask your terminal for "
                              + "pixel pictures (showing symbols)" : nil, hintIsAdvice: unasked)
        }
        let placeholders = format == .kitty && version?.drawsKittyPlaceholders == true
        if inTmux {
            if passthrough != true {
                return Result(format: .symbols, tmuxPassthrough: false,
                              // What to run first: a narrow status line cuts the end, not the command.
                              hint: "run `tmux set -g allow-passthrough on` to see \(format.rawValue) pictures "
                                  + "(tmux's allow-passthrough is off; showing symbols)")
            }
            // Inside tmux a picture drawn at the cursor lands where tmux last left the outer
            // terminal's cursor, over other text; only placeholder text goes where it belongs.
            if format == .kitty && !placeholders {
                let which = version.map { "\($0.name) \($0.number)" } ?? "this kitty terminal (it gave no version)"
                return Result(format: .symbols, tmuxPassthrough: false,
                              hint: "\(which) cannot place pictures inside tmux; kitty 0.28 or later can, "
                                  + "through Unicode placeholders (showing symbols)")
            }
            return Result(format: format, tmuxPassthrough: true, hint: nil, kittyPlaceholders: placeholders)
        }
        return Result(format: format, tmuxPassthrough: false, hint: nil, kittyPlaceholders: placeholders)
    }

    /// Whether the terminal's background is light (its answer to `OSC 11 ; ?`), nil when it does
    /// not say. tmux 3.3 answers no OSC 11 of its own (3.4 answers for the pane), so inside tmux an
    /// unanswered query is sent again through passthrough to the terminal tmux runs in, the device
    /// attributes query after it too, so the read ends on the terminal's answer rather than tmux's.
    package static func lightBackground(environment env: [String: String], ask: (String) -> String = { askTerminal($0) },
                                       tmuxPassthroughOn: () -> Bool? = { tmuxAllowsPassthrough() }) -> Bool? {
        let query = "\u{1B}]11;?\u{07}\u{1B}[c"
        if let answer = TerminalReply.lightBackground(in: ask(query)) { return answer }
        guard env["TMUX"] != nil, tmuxPassthroughOn() == true else { return nil }
        return TerminalReply.lightBackground(in: ask(TmuxPassthrough.wrap(query)))
    }

    /// The terminal's name and version (XTVERSION) alone: nil when it does not answer.
    package static func version(environment env: [String: String], ask: (String) -> String = { askTerminal($0) }) -> TerminalReply.Version? {
        let q = "\u{1B}[>0q\u{1B}[c"
        return TerminalReply.version(in: ask(env["TMUX"] != nil ? TmuxPassthrough.wrap(q) : q))
    }

    /// Writes `query` to the controlling terminal in raw mode and collects the reply until the
    /// device-attributes answer ends it, or 500 ms pass (a terminal just started, or at the far end of
    /// a slow link, can take that long; an answer later still is dropped by `TerminalReplyFilter`).
    package static func askTerminal(_ query: String, timeout: Duration = .milliseconds(500)) -> String {
        let fd = open("/dev/tty", O_RDWR | O_NOCTTY)
        guard fd >= 0 else { return "" }
        defer { close(fd) }
        var saved = termios()
        guard tcgetattr(fd, &saved) == 0 else { return "" }
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
        tcsetattr(fd, TCSANOW, &raw)
        defer { tcsetattr(fd, TCSANOW, &saved) }
        _ = query.withCString { write(fd, $0, strlen($0)) }
        var reply: [UInt8] = []
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let left = deadline - ContinuousClock.now
            let ms = Int32(max(1, left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000))
            guard poll(&p, 1, ms) > 0 else { break }
            var buffer = [UInt8](repeating: 0, count: 256)
            let n = read(fd, &buffer, buffer.count)
            if n <= 0 { break }
            reply += buffer[0..<n]
            let text = String(decoding: reply, as: UTF8.self)
            if let da = text.range(of: "\u{1B}[?"), text[da.upperBound...].contains("c") { break }
        }
        return String(decoding: reply, as: UTF8.self)
    }

    /// `tmux show -gv allow-passthrough`: nil when tmux cannot be asked.
    package static func tmuxAllowsPassthrough() -> Bool? {
        Tmux.option("allow-passthrough").map { $0 == "on" || $0 == "all" }
    }
}
