/// How pictures reach the screen: Unicode symbols everywhere, or a terminal's pixel protocol.
public enum PixelFormat: String, Sendable, CaseIterable {
    case symbols
    case sixel
    case kitty
    case iterm

    /// What the environment alone says (no query): the terminal's own variables, then TERM.
    /// tmux overwrites TERM, so inside it only variables that leak through count.
    public static func fromEnvironment(_ env: [String: String]) -> PixelFormat? {
        let term = env["TERM"] ?? "", program = env["TERM_PROGRAM"] ?? "", lcProgram = env["LC_TERMINAL"] ?? ""
        if env["KITTY_WINDOW_ID"] != nil || term == "xterm-kitty" || program == "ghostty" || term == "xterm-ghostty" {
            return .kitty
        }
        if program == "iTerm.app" || lcProgram == "iTerm2" || program == "WezTerm" { return .iterm }
        // mlterm's own variable reaches programs inside tmux, where TERM is tmux's.
        if ["mlterm", "foot", "yaft-256color", "contour"].contains(where: { term.hasPrefix($0) }) || program == "contour"
            || env["MLTERM"] != nil {
            return .sixel
        }
        return nil
    }
}

/// The answers a terminal gives to a graphics query, and what they mean.
public enum TerminalReply {
    /// Primary device attributes (`ESC [ ? 6 2 ; 4 ; ... c`): attribute 4 means sixel graphics.
    public static func sixel(inDeviceAttributes reply: String) -> Bool {
        guard let start = reply.range(of: "\u{1B}[?"), let end = reply[start.upperBound...].firstIndex(of: "c") else { return false }
        return reply[start.upperBound..<end].split(separator: ";").contains("4")
    }

    /// A kitty graphics query answered with OK (`ESC _ G i=31;OK ESC \`).
    public static func kitty(in reply: String) -> Bool {
        reply.contains("\u{1B}_Gi=31;OK")
    }
}
