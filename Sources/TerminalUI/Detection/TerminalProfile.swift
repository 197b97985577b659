import Foundation

/// How many colours the terminal shows.
package enum ColorMode: String, Sendable, CaseIterable {
    case truecolor
    case colors256 = "256"
    case colors16 = "16"
    case monochrome = "none"
}

/// What the environment and terminfo say about the terminal; no queries are sent.
package enum TerminalProfile {
    /// The colours pictures are drawn with: the mode chafa picks from the same variables, so a
    /// picture looks as it does in chafa. Debian's xterm says `TERM=xterm` (8 colours in terminfo)
    /// yet shows 256, so an xterm-like name means 256; names known to take 24-bit colour get it.
    /// Darkroom's own exceptions: NO_COLOR, an empty TERM, `dumb` and terminals whose terminfo
    /// has no colours at all (vt100) get none.
    package static func colorMode(environment env: [String: String],
                                 terminfoColors: (String) -> Int? = { TerminfoColors.count($0) }) -> ColorMode {
        if let v = env["NO_COLOR"], !v.isEmpty { return .monochrome }
        let term = env["TERM"] ?? ""
        let colorterm = (env["COLORTERM"] ?? "").lowercased()
        if term == "dumb" || term.isEmpty && colorterm.isEmpty { return .monochrome }
        if colorterm == "truecolor" || colorterm == "24bit" || env["VTE_VERSION"].map({ !$0.isEmpty }) == true
            || ["iTerm.app", "WezTerm"].contains(env["TERM_PROGRAM"] ?? "") || trueColourNames.contains(term)
            || term.hasSuffix("-direct") || term.contains("truecolor") {
            return .truecolor
        }
        let colors = terminfoColors(term)
        if let colors, colors >= 1 << 24 { return .truecolor }
        if sixteenColourNames.contains(term) { return .colors16 }
        if colors == 0 && !term.hasPrefix("xterm") { return .monochrome }
        return .colors256
    }

    /// Names chafa draws in 24-bit colour without COLORTERM.
    static let trueColourNames: Set<String> = ["xterm-256color", "st-256color", "xterm-kitty", "xterm-ghostty", "foot", "contour"]
    /// Names whose terminals show 16 colours at most (the Linux console, rxvt-unicode without 256).
    static let sixteenColourNames: Set<String> = ["linux", "rxvt-unicode"]
}
