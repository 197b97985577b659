/// Text from outside cut to a size Darkroom is willing to keep, saying that it was cut.
package enum TextCap {
    /// `text` cut to `limit` bytes of UTF-8 at a character boundary, with a note of its size.
    package static func cut(_ text: String, limit: Int) -> String {
        guard text.utf8.count > limit else { return text }
        var kept = Substring(text).prefix(limit)
        while kept.utf8.count > limit { kept = kept.dropLast() }
        return kept + " … (cut: the whole text was \(text.utf8.count) bytes)"
    }
}
