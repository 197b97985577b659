/// The multi-line prompt editor: text as graphemes, a cursor, undo, and word wrap by display
/// width. Lines are wrapped for a given width when drawn; cursor up and down move by wrapped lines.
package struct TextEditor: Sendable, Equatable {
    package private(set) var characters: [Character]
    package private(set) var cursor: Int
    private var undoStack: [[Character]] = []

    package init(_ text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    package var text: String { String(characters) }

    package mutating func insert(_ text: String) {
        guard !text.isEmpty else { return }
        remember()
        let clean = Array(text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n"))
            .filter { $0 == "\n" || !($0.asciiValue.map { $0 < 0x20 || $0 == 0x7F } ?? false) }
        characters.insert(contentsOf: clean, at: cursor)
        cursor += clean.count
    }

    package mutating func deleteBackward() {
        guard cursor > 0 else { return }
        remember()
        characters.remove(at: cursor - 1)
        cursor -= 1
    }

    package mutating func deleteForward() {
        guard cursor < characters.count else { return }
        remember()
        characters.remove(at: cursor)
    }

    package mutating func setText(_ text: String) {
        remember()
        characters = Array(text)
        cursor = characters.count
    }

    package mutating func undo() {
        guard let last = undoStack.popLast() else { return }
        characters = last
        cursor = min(cursor, characters.count)
    }

    /// Runs one editing command, the same as a single-line field does; `width` is the wrap width
    /// (Home, End and the line deletions work on the wrapped line). True when the text changed.
    @discardableResult
    package mutating func apply(_ command: EditCommand, width: Int) -> Bool {
        let before = characters
        switch command {
        case .left: left()
        case .right: right()
        case .home: lineStart(width: width)
        case .end: lineEnd(width: width)
        case .wordLeft: cursor = wordStart(before: cursor)
        case .wordRight: cursor = wordEnd(after: cursor)
        case .deleteBackward: deleteBackward()
        case .deleteForward: deleteForward()
        case .deleteWordBackward: delete(wordStart(before: cursor)..<cursor)
        case .deleteToLineStart:
            let line = wrap(width: width).last { $0.start <= cursor }
            delete((line?.start ?? 0)..<cursor)
        case .deleteToLineEnd:
            let line = wrap(width: width).last { $0.start <= cursor }
            delete(cursor..<max(cursor, line?.end ?? characters.count))
        case .undo: undo()
        }
        return characters != before
    }

    private mutating func delete(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        remember()
        characters.removeSubrange(range)
        cursor = range.lowerBound
    }

    private func wordStart(before position: Int) -> Int {
        var i = position
        while i > 0 && characters[i - 1].isWhitespace { i -= 1 }
        while i > 0 && !characters[i - 1].isWhitespace { i -= 1 }
        return i
    }

    private func wordEnd(after position: Int) -> Int {
        var i = position
        while i < characters.count && characters[i].isWhitespace { i += 1 }
        while i < characters.count && !characters[i].isWhitespace { i += 1 }
        return i
    }

    package mutating func left() { cursor = max(0, cursor - 1) }
    package mutating func right() { cursor = min(characters.count, cursor + 1) }

    /// Start of the wrapped line holding the cursor, and its end.
    package mutating func lineStart(width: Int) {
        let lines = wrap(width: width)
        if let line = lines.last(where: { $0.start <= cursor }) { cursor = line.start }
    }

    package mutating func lineEnd(width: Int) {
        let lines = wrap(width: width)
        if let line = lines.last(where: { $0.start <= cursor }) { cursor = line.end }
    }

    /// Moves to the same column on the previous or next wrapped line; false at the first or last
    /// line (so the caller can move focus or recall history instead).
    @discardableResult
    package mutating func vertical(_ delta: Int, width: Int) -> Bool {
        let lines = wrap(width: width)
        guard let index = lines.lastIndex(where: { $0.start <= cursor }) else { return false }
        let target = index + delta
        guard lines.indices.contains(target) else { return false }
        let column = columns(from: lines[index].start, to: cursor)
        var position = lines[target].start, used = 0
        while position < lines[target].end {
            let w = DisplayWidth.of(characters[position])
            if used + w > column { break }
            used += w
            position += 1
        }
        cursor = position
        return true
    }

    /// Wrapped lines as ranges of characters (end excludes the newline or the wrap point's spaces).
    package func wrap(width: Int) -> [(start: Int, end: Int)] {
        let width = max(1, width)
        var lines: [(Int, Int)] = []
        var start = 0, used = 0, lastSpace: Int?
        var i = 0
        while i < characters.count {
            let c = characters[i]
            if c == "\n" {
                lines.append((start, i))
                start = i + 1; used = 0; lastSpace = nil; i += 1
                continue
            }
            let w = DisplayWidth.of(c)
            if used + w > width && i > start {
                if let space = lastSpace, space > start {
                    lines.append((start, space))
                    start = space + 1
                } else {
                    lines.append((start, i))
                    start = i
                }
                used = columns(from: start, to: i)
                lastSpace = nil
                continue
            }
            if c == " " { lastSpace = i }
            used += w
            i += 1
        }
        lines.append((start, characters.count))
        return lines
    }

    /// The cursor's (row, column) in wrapped lines.
    package func cursorPosition(width: Int) -> (row: Int, column: Int) {
        let lines = wrap(width: width)
        let row = lines.lastIndex(where: { $0.start <= cursor }) ?? 0
        return (row, columns(from: lines[row].start, to: cursor))
    }

    /// Draws the lines that keep the cursor in view; returns the cursor's screen position.
    @discardableResult
    package func draw(into frame: inout Frame, x: Int, y: Int, width: Int, height: Int, style: Style) -> (x: Int, y: Int) {
        let lines = wrap(width: width)
        let position = cursorPosition(width: width)
        let first = max(0, position.row - height + 1)
        frame.fill(x: x, y: y, width: width, height: height, style: style)
        for row in 0..<height where first + row < lines.count {
            let line = lines[first + row]
            frame.put(String(characters[line.start..<line.end]), x: x, y: y + row, style: style, maxWidth: width)
        }
        return (x + min(position.column, width - 1), y + position.row - first)
    }

    private func columns(from start: Int, to end: Int) -> Int {
        guard start < end else { return 0 }
        return characters[start..<end].reduce(0) { $0 + DisplayWidth.of($1) }
    }

    private mutating func remember() {
        undoStack.append(characters)
        if undoStack.count > 200 { undoStack.removeFirst(undoStack.count - 200) }
    }
}
