/// How many colours the terminal shows.
public enum ColorMode: String, Sendable, CaseIterable {
    case truecolor
    case colors256 = "256"
    case colors16 = "16"
    case monochrome = "none"
}

/// Which characters thumbnails are drawn with.
public enum SymbolSet: String, Sendable, CaseIterable {
    /// Block elements and spaces: the best colour fidelity per cell.
    case block
    /// Upper and lower half blocks only: two pixels per cell, the classic look.
    case half
    /// Braille dots: fine detail, one colour pair per cell.
    case braille
    /// Plain ASCII, for terminals and fonts without Unicode blocks.
    case ascii
}

public struct PreviewOptions: Sendable, Hashable {
    public var colors: ColorMode
    public var symbols: SymbolSet
    /// Alpha is composited over this (the theme background), 0xRRGGBB.
    public var background: UInt32

    public init(colors: ColorMode = .truecolor, symbols: SymbolSet = .block, background: UInt32 = 0x000000) {
        self.colors = colors
        self.symbols = symbols
        self.background = background
    }
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
