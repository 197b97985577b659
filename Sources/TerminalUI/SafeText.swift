/// The one sanitizer for text from outside (prompts, server messages, file names, image
/// metadata): control characters, C1 controls, bidi overrides and line separators become
/// visible marks, so nothing can move the cursor, set a title, write the clipboard or reorder
/// what is shown. The screen (`Frame`) and every line the CLI prints go through it.
package enum SafeText {
    /// What to show instead of `scalar`, or `nil` when it is safe as it is. Tab, newline and
    /// carriage return become a space; other C0 controls and DEL caret notation (`^[`, `^?`);
    /// C1 controls, bidi embeddings, overrides and isolates, and the line and paragraph
    /// separators their code (`\u{9b}`).
    package static func replacement(for scalar: Unicode.Scalar) -> String? {
        switch scalar.value {
        case 0x0A, 0x0D, 0x09: return " "
        case 0x00..<0x20: return "^" + String(Character(Unicode.Scalar(UInt8(scalar.value + 0x40))))
        case 0x7F: return "^?"
        case 0x80..<0xA0, 0x2028, 0x2029, 0x200E, 0x200F, 0x061C, 0x202A...0x202E, 0x2066...0x2069:
            return "\\u{\(String(scalar.value, radix: 16))}"
        default: return nil
        }
    }

    /// Whether `scalar` would be replaced.
    package static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool { replacement(for: scalar) != nil }

    /// One line of text safe for a terminal, cut at `limit` scalars with `…`.
    package static func line(_ text: String, limit: Int = 2000) -> String {
        var out = ""
        out.reserveCapacity(min(text.utf8.count, limit))
        var count = 0
        for scalar in text.unicodeScalars {
            if count >= limit { out += "…"; break }
            if let visible = replacement(for: scalar) { out += visible } else { out.unicodeScalars.append(scalar) }
            count += 1
        }
        return out
    }

    /// JSON text (as `JSONEncoder` or `JSONSerialization` write it) with every scalar the
    /// terminal would act on written as a `\u` escape of four hex digits: C0 and DEL, C1 controls, bidi
    /// controls and the line separators. Those can only occur inside JSON strings, where the
    /// escape means the same character, so the JSON is unchanged for a reader.
    package static func json(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.value == 0x7F || (scalar.value < 0x20) || isUnsafe(scalar) {
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
