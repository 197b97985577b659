/// Text from outside (prompts, server messages, file names) made safe for a terminal: control
/// characters and escape sequences become visible `\u{..}` marks, never reach the screen raw.
public enum SafeText {
    public static func line(_ text: String, limit: Int = 2000) -> String {
        var out = ""
        out.reserveCapacity(min(text.utf8.count, limit))
        for scalar in text.unicodeScalars {
            if out.unicodeScalars.count >= limit { out += "…"; break }
            switch scalar.value {
            case 0x0A, 0x0D, 0x09: out += " "
            case 0x00..<0x20, 0x7F, 0x80..<0xA0, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069:
                out += "\\u{\(String(scalar.value, radix: 16))}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
