/// tmux hands an escape sequence to the terminal it runs in only inside
/// `ESC P tmux; ... ESC \`, with every ESC of the sequence doubled, and only while
/// `allow-passthrough` is on. The terminal's answer to a query sent this way comes back to the
/// program (tmux 3.3 was seen to do so for device attributes, XTVERSION and XTSMGRAPHICS).
package enum TmuxPassthrough {
    /// Each escape sequence in its own wrapper (kitty chunks stay separate commands); plain bytes
    /// after the last sequence (cursor moves) are left as they are.
    package static func wrap(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8 + 16)
        var sequence: [UInt8] = []
        func flush() {
            guard !sequence.isEmpty else { return }
            out += Array("\u{1B}Ptmux;".utf8)
            for b in sequence { if b == 0x1B { out.append(0x1B) }; out.append(b) }
            out += [0x1B, 0x5C]
            sequence.removeAll(keepingCapacity: true)
        }
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            sequence.append(b)
            // A string terminator (ESC \) or BEL ends one sequence.
            if (b == 0x5C && i > 0 && bytes[i - 1] == 0x1B) || b == 0x07 { flush() }
            i += 1
        }
        if !sequence.isEmpty {
            if sequence.contains(0x1B) { flush() } else { out += sequence }
        }
        return out
    }

    package static func wrap(_ text: String) -> String { String(decoding: wrap(Array(text.utf8)), as: UTF8.self) }
}
