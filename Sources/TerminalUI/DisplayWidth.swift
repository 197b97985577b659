import CNcursesw

/// How many columns a grapheme cluster takes: 0 for controls and lone combining marks, 2 for
/// East Asian wide characters and emoji presentation, else 1 (wcwidth of the base scalar).
package enum DisplayWidth {
    package static func of(_ c: Character) -> Int {
        guard let first = c.unicodeScalars.first else { return 0 }
        if c.unicodeScalars.contains(where: { $0.value == 0xFE0F }) { return 2 }  // emoji presentation selector
        if first.properties.isEmojiPresentation { return 2 }
        let w = shim_wcwidth(first.value)
        if w < 0 { return first.value < 0x20 || first.value == 0x7F ? 0 : 1 }
        return Int(w)
    }

    package static func of(_ s: String) -> Int { s.reduce(0) { $0 + of($1) } }

    /// The longest prefix of `s` that fits in `columns`.
    package static func prefix(_ s: String, fitting columns: Int) -> String {
        var used = 0, out = ""
        for c in s {
            let w = of(c)
            if used + w > columns { break }
            used += w
            out.append(c)
        }
        return out
    }
}
