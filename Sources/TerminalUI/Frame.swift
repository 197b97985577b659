/// What the screen should show: rows of cells built by views, compared by the renderer.
package struct Frame: Sendable, Hashable {
    package let width: Int
    package let height: Int
    package private(set) var cells: [ScreenCell]

    package init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    package subscript(x: Int, y: Int) -> ScreenCell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Writes text from (x, y), clipped to `maxWidth` columns and the frame; returns columns used.
    /// Control characters are shown as visible marks (`^[`), never written raw.
    @discardableResult
    package mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(width, x + (maxWidth ?? width))
        var col = x
        for c in text {
            for shown in Self.visible(c) {
                let w = DisplayWidth.of(shown)
                if w == 0 { continue }
                if col + w > limit { return col - x }
                if col >= 0 {
                    self[col, y] = ScreenCell(shown, style: style)
                    if w == 2 { self[col + 1, y] = ScreenCell(" ", style: style, isContinuation: true) }
                }
                col += w
            }
        }
        return col - x
    }

    /// Fills a rectangle with a style (spaces).
    package mutating func fill(x: Int, y: Int, width w: Int, height h: Int, style: Style) {
        for row in max(0, y)..<min(height, y + h) {
            for col in max(0, x)..<min(width, x + w) { self[col, row] = ScreenCell(" ", style: style) }
        }
    }

    /// Rows as plain text (continuation cells dropped), for snapshots.
    package var text: [String] {
        (0..<height).map { y in
            var line = ""
            for x in 0..<width where !self[x, y].isContinuation { line.append(self[x, y].text) }
            return line
        }
    }

    static func visible(_ c: Character) -> [Character] {
        if c.unicodeScalars.contains(where: SafeText.isUnsafe) { return Array(SafeText.line(String(c))) }
        return simplified(c)
    }

    /// An emoji sequence as every terminal draws it at the width we count: terminals disagree on
    /// ZWJ sequences, skin tones and flags (xterm draws a ZWJ family as four wide people, ncurses
    /// keeps 5 code points of a cell), so a border drawn after one moved. A ZWJ sequence or a
    /// modified emoji shows its first emoji, a flag its two letters (🇫🇷 is FR), and no cell holds
    /// more than 5 code points.
    static func simplified(_ c: Character) -> [Character] {
        let scalars = c.unicodeScalars
        guard scalars.count > 1 else { return [c] }
        let regional = scalars.compactMap { s -> Character? in
            (0x1F1E6...0x1F1FF).contains(s.value) ? Character(Unicode.Scalar(s.value - 0x1F1E6 + 0x41)!) : nil
        }
        if regional.count == scalars.count { return regional }
        let joined = scalars.contains { $0.value == 0x200D || (0x1F3FB...0x1F3FF).contains($0.value) || (0xE0020...0xE007F).contains($0.value) }
        if joined, let first = scalars.first { return [Character(first)] }
        guard scalars.count > 5 else { return [c] }
        var kept = String.UnicodeScalarView()
        kept.append(contentsOf: scalars.prefix(5))
        return [Character(String(kept))]
    }
}
