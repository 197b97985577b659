/// One line-editing command. Both editors (a single-line field and the multi-line prompt) do
/// the same thing for each, so one key table (the studio's key map) drives both.
package enum EditCommand: String, Sendable, CaseIterable {
    case left, right, home, end, wordLeft, wordRight
    case deleteBackward, deleteForward, deleteWordBackward
    /// To the start of the line the cursor is on (in the prompt: the wrapped line, where Home goes).
    case deleteToLineStart
    /// To the end of the line the cursor is on (in the prompt: the wrapped line, where End goes).
    case deleteToLineEnd
    case undo
}

/// The state of a single-line text field: text as grapheme clusters, a cursor between them, an
/// optional selection, and undo. Pure value; views draw it, key handlers change it.
package struct LineEditor: Sendable, Equatable {
    package private(set) var characters: [Character]
    /// Index between characters, 0...count.
    package private(set) var cursor: Int
    /// The other end of the selection, when there is one.
    package private(set) var anchor: Int?
    private var undoStack: [Snapshot] = []

    struct Snapshot: Sendable, Equatable {
        var characters: [Character]
        var cursor: Int
    }

    package init(_ text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    package var text: String { String(characters) }

    package var selection: Range<Int>? {
        guard let anchor, anchor != cursor else { return nil }
        return min(anchor, cursor)..<max(anchor, cursor)
    }

    // MARK: Editing

    package mutating func insert(_ text: String) {
        let clean = text.filter { !$0.isNewline && $0 != "\t" }
        guard !clean.isEmpty || selection != nil else { return }
        remember()
        deleteSelection()
        characters.insert(contentsOf: clean, at: cursor)
        cursor += clean.count
    }

    /// Pasted text: newlines become spaces in a single-line field.
    package mutating func paste(_ text: String) {
        insert(text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " "))
    }

    package mutating func deleteBackward() {
        if selection != nil { remember(); deleteSelection(); return }
        guard cursor > 0 else { return }
        remember()
        characters.remove(at: cursor - 1)
        cursor -= 1
    }

    package mutating func deleteForward() {
        if selection != nil { remember(); deleteSelection(); return }
        guard cursor < characters.count else { return }
        remember()
        characters.remove(at: cursor)
    }

    /// Ctrl-W: the word before the cursor (and the spaces after it).
    package mutating func deleteWordBackward() {
        guard cursor > 0 else { return }
        remember()
        let start = wordStart(before: cursor)
        characters.removeSubrange(start..<cursor)
        cursor = start
        anchor = nil
    }

    /// Ctrl-U and Ctrl-K.
    package mutating func deleteToStart() {
        guard cursor > 0 else { return }
        remember()
        characters.removeSubrange(0..<cursor)
        cursor = 0
        anchor = nil
    }

    package mutating func deleteToEnd() {
        guard cursor < characters.count else { return }
        remember()
        characters.removeSubrange(cursor...)
        anchor = nil
    }

    package mutating func setText(_ text: String) {
        remember()
        characters = Array(text)
        cursor = characters.count
        anchor = nil
    }

    package mutating func undo() {
        guard let last = undoStack.popLast() else { return }
        characters = last.characters
        cursor = last.cursor
        anchor = nil
    }

    /// Runs one editing command; true when the text changed.
    @discardableResult
    package mutating func apply(_ command: EditCommand) -> Bool {
        let before = characters
        switch command {
        case .left: left()
        case .right: right()
        case .home: home()
        case .end: end()
        case .wordLeft: wordLeft()
        case .wordRight: wordRight()
        case .deleteBackward: deleteBackward()
        case .deleteForward: deleteForward()
        case .deleteWordBackward: deleteWordBackward()
        case .deleteToLineStart: deleteToStart()
        case .deleteToLineEnd: deleteToEnd()
        case .undo: undo()
        }
        return characters != before
    }

    // MARK: Moving

    package mutating func move(to position: Int, selecting: Bool = false) {
        if selecting { anchor = anchor ?? cursor } else { anchor = nil }
        cursor = max(0, min(characters.count, position))
    }

    package mutating func left(selecting: Bool = false) { move(to: cursor - 1, selecting: selecting) }
    package mutating func right(selecting: Bool = false) { move(to: cursor + 1, selecting: selecting) }
    package mutating func home(selecting: Bool = false) { move(to: 0, selecting: selecting) }
    package mutating func end(selecting: Bool = false) { move(to: characters.count, selecting: selecting) }
    package mutating func wordLeft() { move(to: wordStart(before: cursor)) }
    package mutating func wordRight() {
        var i = cursor
        while i < characters.count && characters[i].isWhitespace { i += 1 }
        while i < characters.count && !characters[i].isWhitespace { i += 1 }
        move(to: i)
    }

    package mutating func selectAll() {
        anchor = 0
        cursor = characters.count
    }

    // MARK: Helpers

    private func wordStart(before position: Int) -> Int {
        var i = position
        while i > 0 && characters[i - 1].isWhitespace { i -= 1 }
        while i > 0 && !characters[i - 1].isWhitespace { i -= 1 }
        return i
    }

    private mutating func deleteSelection() {
        guard let range = selection else { anchor = nil; return }
        characters.removeSubrange(range)
        cursor = range.lowerBound
        anchor = nil
    }

    private mutating func remember() {
        undoStack.append(Snapshot(characters: characters, cursor: cursor))
        if undoStack.count > 200 { undoStack.removeFirst(undoStack.count - 200) }
    }
}

extension LineEditor {
    /// Draws the field into `width` columns at (x, y), scrolled so the cursor shows; returns the
    /// cursor's screen column.
    @discardableResult
    package func draw(into frame: inout Frame, x: Int, y: Int, width: Int, style: Style, selectionStyle: Style) -> Int {
        guard width > 0 else { return x }
        // Scroll: the first visible character is the one that keeps the cursor inside the field.
        var start = 0
        var columnsBeforeCursor = characters[0..<cursor].reduce(0) { $0 + DisplayWidth.of($1) }
        while columnsBeforeCursor >= width && start < cursor {
            columnsBeforeCursor -= DisplayWidth.of(characters[start])
            start += 1
        }
        frame.fill(x: x, y: y, width: width, height: 1, style: style)
        var col = x
        for i in start..<characters.count {
            let w = DisplayWidth.of(characters[i])
            if col + w > x + width { break }
            let selected = selection?.contains(i) ?? false
            frame.put(String(characters[i]), x: col, y: y, style: selected ? selectionStyle : style)
            col += w
        }
        return x + columnsBeforeCursor
    }
}
