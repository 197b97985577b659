import Foundation

/// A1111's `<lora:NAME:WEIGHT>` tags in a prompt, found in one pass over its UTF-8 bytes (every
/// delimiter is ASCII, so no byte of another character can be taken for one). The regex this
/// replaces (`\s*<lora:([^<>]+):(-?[0-9.]+)>`, searched again after each removal) backtracked
/// over every run of spaces: an 81 KB `parameters` text of spaces took 291 s to import.
enum LoRATags {
    /// The prompt without its tags (and the blanks just before each), and each tag's NAME and
    /// WEIGHT in order. A tag is `<lora:`, then text without `<` or `>` whose last `:` is followed
    /// by `-?[0-9.]+`, then `>`; anything else stays in the prompt as it is.
    /// `taking` decides which tags leave the prompt (a LoRA Runware knows); the others stay in
    /// it as written.
    static func extract(from text: String, taking: (String) -> Bool = { _ in true })
        -> (prompt: String, tags: [(name: String, weight: String)]) {
        let b = Array(text.utf8)
        var prompt: [UInt8] = []
        prompt.reserveCapacity(b.count)
        var tags: [(name: String, weight: String)] = []
        var copied = 0, from = 0
        while let open = find(opener, in: b, from: from) {
            guard let tag = tag(in: b, at: open + opener.count), taking(String(decoding: b[tag.name], as: UTF8.self)) else {
                from = open + opener.count
                continue
            }
            prompt += b[copied..<open]
            while let last = prompt.last, blanks.contains(last) { prompt.removeLast() }
            tags.append((String(decoding: b[tag.name], as: UTF8.self), String(decoding: b[tag.weight], as: UTF8.self)))
            copied = tag.end
            from = tag.end
        }
        prompt += b[copied...]
        return (String(decoding: prompt, as: UTF8.self), tags)
    }

    private static let opener = Array("<lora:".utf8)
    /// Space, tab, line feed, vertical tab, form feed, carriage return.
    private static let blanks: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D]

    private static func find(_ pattern: [UInt8], in b: [UInt8], from start: Int) -> Int? {
        var i = start
        while i + pattern.count <= b.count {
            if b[i] == pattern[0] && b[i..<(i + pattern.count)].elementsEqual(pattern) { return i }
            i += 1
        }
        return nil
    }

    /// The tag whose text starts at `start`: up to the first `<` or `>`, which must be `>`.
    private static func tag(in b: [UInt8], at start: Int) -> (name: Range<Int>, weight: Range<Int>, end: Int)? {
        var close = start
        while close < b.count, b[close] != UInt8(ascii: "<"), b[close] != UInt8(ascii: ">") { close += 1 }
        guard close < b.count, b[close] == UInt8(ascii: ">"),
              let colon = b[start..<close].lastIndex(of: UInt8(ascii: ":")), colon > start,
              isWeight(b[(colon + 1)..<close]) else { return nil }
        return (start..<colon, (colon + 1)..<close, close + 1)
    }

    /// `-?[0-9.]+`.
    private static func isWeight(_ s: ArraySlice<UInt8>) -> Bool {
        let digits = s.first == UInt8(ascii: "-") ? s.dropFirst() : s
        return !digits.isEmpty && digits.allSatisfy { $0 == UInt8(ascii: ".") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }
}
