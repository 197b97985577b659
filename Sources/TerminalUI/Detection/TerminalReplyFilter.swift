/// Tells a terminal's late answer to a query (kitty's graphics reply, XTVERSION, device
/// attributes, a colour report) from keys, one character at a time after `ESC` and its
/// introducer. A person's Alt+_ or Alt+P is followed by nothing (or by another key soon after),
/// where an answer comes whole, in one write.
package struct TerminalReplyFilter: Sendable {
    /// `_` (APC: kitty graphics), `P` (DCS: XTVERSION), `]` (OSC: colours), `[` (CSI: device
    /// attributes; keys the terminal's key map knows never get here, ncurses took them).
    package static let introducers: Set<Unicode.Scalar> = ["_", "P", "]", "["]
    /// How long to wait for the next character of an answer: it comes in one piece.
    package static let patienceMilliseconds = 30
    /// Longer than any answer asked for; beyond it the rest is dropped as it comes.
    package static let longest = 512

    package enum Step: Sendable, Equatable { case more, ended, notAReply }

    private let introducer: Unicode.Scalar
    private var sawEscape = false
    private var count = 0

    package init(introducer: Unicode.Scalar) { self.introducer = introducer }

    package mutating func take(_ c: Unicode.Scalar) -> Step {
        count += 1
        switch introducer {
        case "[":
            // Only the answers Darkroom asks for: `ESC [ ? … c` (DA1), `ESC [ > … c` (DA2), and
            // `ESC [ … t` (window reports); a parameter byte must open them.
            if count == 1 { return c == "?" || c == ">" || c == "=" || ("0"..."9").contains(c) ? .more : .notAReply }
            if ("\u{20}"..."\u{3F}").contains(c) { return .more }
            return ("\u{40}"..."\u{7E}").contains(c) && (c == "c" || c == "t" || c == "R" || c == "n") ? .ended : .notAReply
        default:
            // A string answer ends with ST (`ESC \`), or BEL for OSC.
            if sawEscape { return c == "\\" ? .ended : .notAReply }
            if c == "\u{1B}" { sawEscape = true; return .more }
            if c == "\u{07}" { return introducer == "]" ? .ended : .notAReply }
            // The first character of an APC or DCS answer: kitty's `G`, XTVERSION's `>|`, a
            // status string's digit; letters typed after Alt+P would not come this fast.
            return .more
        }
    }
}
