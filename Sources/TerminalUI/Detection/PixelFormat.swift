/// How pictures reach the screen: Unicode symbols everywhere, or a terminal's pixel protocol.
package enum PixelFormat: String, Sendable, CaseIterable {
    case symbols
    case sixel
    case kitty
    case iterm

    /// What the environment alone says (no query): the terminal's own variables, then TERM.
    /// tmux overwrites TERM, so inside it only variables that leak through count.
    package static func fromEnvironment(_ env: [String: String]) -> PixelFormat? {
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
package enum TerminalReply {
    /// Primary device attributes (`ESC [ ? 6 2 ; 4 ; ... c`): attribute 4 means sixel graphics.
    package static func sixel(inDeviceAttributes reply: String) -> Bool {
        guard let start = reply.range(of: "\u{1B}[?"), let end = reply[start.upperBound...].firstIndex(of: "c") else { return false }
        return reply[start.upperBound..<end].split(separator: ";").contains("4")
    }

    /// Whether the terminal's background is light, from its answer to `OSC 11 ; ?`
    /// (`ESC ] 11 ; rgb:RRRR/GGGG/BBBB`, 1 to 4 hex digits a channel); nil without an answer.
    package static func lightBackground(in reply: String) -> Bool? {
        guard let m = reply.firstMatch(of: /\u{1B}\]11;rgba?:([0-9a-fA-F]{1,4})\/([0-9a-fA-F]{1,4})\/([0-9a-fA-F]{1,4})/) else { return nil }
        func level(_ hex: Substring) -> Double {
            Double(Int(hex, radix: 16) ?? 0) / Double((1 << (4 * hex.count)) - 1)
        }
        let luminance = 0.2126 * level(m.1) + 0.7152 * level(m.2) + 0.0722 * level(m.3)
        return luminance > 0.5
    }

    /// A cell's size in pixels from the answer to `CSI 16 t` (`ESC [ 6 ; height ; width t`), when
    /// it is a believable one (2 to 200 pixels a side).
    package static func cellSize(in reply: String) -> (width: Int, height: Int)? {
        guard let match = reply.firstMatch(of: /\u{1B}\[6;(\d{1,4});(\d{1,4})t/), let h = Int(match.1), let w = Int(match.2),
              (2...200).contains(w), (2...200).contains(h) else { return nil }
        return (w, h)
    }

    /// A kitty graphics query answered with OK (`ESC _ G i=31;OK ESC \`).
    package static func kitty(in reply: String) -> Bool {
        reply.contains("\u{1B}_Gi=31;OK")
    }

    /// A terminal's own name and version, from its XTVERSION answer (`ESC P > | kitty(0.26.5) ESC \`,
    /// `ESC P > | ghostty 1.1.3 ESC \`, `ESC P > | XTerm(379) ESC \`).
    package struct Version: Sendable, Equatable {
        package var name: String
        package var number: String

        package init(name: String, number: String) {
            self.name = name
            self.number = number
        }

        /// The numeric parts of `number` (`0.26.5` → [0, 26, 5]).
        package var parts: [Int] { number.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) } }

        /// kitty draws Unicode placeholders from 0.28.0; ghostty has from its first release.
        package var drawsKittyPlaceholders: Bool {
            switch name.lowercased() {
            case "kitty": parts.lexicographicallyPrecedes([0, 28]) == false
            case "ghostty": true
            default: false
            }
        }
    }

    package static func version(in reply: String) -> Version? {
        guard let start = reply.range(of: "\u{1B}P>|"), let end = reply[start.upperBound...].range(of: "\u{1B}\\") else { return nil }
        let text = String(reply[start.upperBound..<end.lowerBound])
        guard !text.isEmpty, text.count <= 100, text.unicodeScalars.allSatisfy({ (0x20...0x7E).contains($0.value) }) else { return nil }
        if let open = text.firstIndex(of: "("), text.hasSuffix(")") {
            return Version(name: String(text[..<open]).trimmingCharacters(in: .whitespaces),
                           number: String(text[text.index(after: open)..<text.index(before: text.endIndex)]))
        }
        let words = text.split(separator: " ", maxSplits: 1)
        return Version(name: String(words[0]), number: words.count > 1 ? String(words[1]) : "")
    }
}
