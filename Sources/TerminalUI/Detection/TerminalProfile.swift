import Foundation

/// How many colours the terminal shows.
public enum ColorMode: String, Sendable, CaseIterable {
    case truecolor
    case colors256 = "256"
    case colors16 = "16"
    case monochrome = "none"
}

/// What the environment and terminfo say about the terminal; no queries are sent.
public enum TerminalProfile {
    /// NO_COLOR, then COLORTERM, then terminfo's colour count for TERM (names as a fallback).
    public static func colorMode(environment env: [String: String],
                                 terminfoColors: (String) -> Int? = { TerminfoColors.count($0) }) -> ColorMode {
        if let v = env["NO_COLOR"], !v.isEmpty { return .monochrome }
        let term = env["TERM"] ?? ""
        if term == "dumb" || term.isEmpty && env["COLORTERM"] == nil { return .monochrome }
        let colorterm = (env["COLORTERM"] ?? "").lowercased()
        if colorterm == "truecolor" || colorterm == "24bit" || term.hasSuffix("-direct") || term.contains("truecolor") {
            return .truecolor
        }
        if let colors = terminfoColors(term) {
            if colors >= 1 << 24 { return .truecolor }
            if colors >= 256 { return .colors256 }
            if colors >= 8 { return .colors16 }
            return .monochrome
        }
        if term.contains("256color") || term.hasPrefix("xterm-kitty") || term.hasPrefix("foot") || term.hasPrefix("alacritty") {
            return .colors256
        }
        return .colors16
    }
}
