import Foundation
import Testing
@testable import TerminalUI

@Suite struct SafeTextTests {
    static let hostile = "ok\u{1B}]52;c;ZXZpbA==\u{07}\u{1B}[2J\nnext\u{202E}gnp.\u{9B}31m\u{2066}x\u{85}"

    @Test func untrustedTextCannotReachTheTerminalRaw() {
        let safe = SafeText.line(Self.hostile)
        #expect(!safe.unicodeScalars.contains { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) || $0.value == 0x202E || $0.value == 0x2066 })
        #expect(safe.hasPrefix("ok^[]52;c;"))
        #expect(safe.contains("\\u{202e}") && safe.contains("\\u{9b}"))
    }

    @Test func theScreenUsesTheSameSanitizer() {
        var frame = Frame(width: 40, height: 1)
        _ = frame.put("a\u{202E}b\u{9B}c", x: 0, y: 0)
        #expect(frame.text[0].hasPrefix("a\\u{202e}b\\u{9b}c"))
    }

    /// C1 and bidi controls arrive escaped in JSON output (`C2 9B` never reaches stdout), and the
    /// JSON still reads back as the same string.
    @Test func jsonOutputEscapesC1AndBidi() throws {
        let encoded = String(decoding: try JSONEncoder().encode(["reason": Self.hostile]), as: UTF8.self)
        let safe = SafeText.json(encoded)
        #expect(!safe.unicodeScalars.contains { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) || $0.value == 0x202E })
        #expect(safe.contains("\\u009b") && safe.contains("\\u202e") && safe.contains("\\u0085"))
        let back = try JSONDecoder().decode([String: String].self, from: Data(safe.utf8))
        #expect(back["reason"] == Self.hostile)
    }
}
