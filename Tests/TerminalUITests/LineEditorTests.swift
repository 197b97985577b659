import Testing
@testable import TerminalUI

@Suite struct LineEditorTests {
    @Test func typingMovingAndDeletingWorkOnGraphemes() {
        var e = LineEditor()
        e.insert("héllo 🦊 fox")
        #expect(e.text == "héllo 🦊 fox" && e.cursor == 11)
        e.wordLeft()
        #expect(e.cursor == 8)
        e.deleteBackward()
        #expect(e.text == "héllo 🦊fox")
        e.left()
        e.deleteForward()  // the emoji is one character
        #expect(e.text == "héllo fox")
        e.home()
        e.deleteForward()
        #expect(e.text == "éllo fox")
        e.end()
        e.deleteWordBackward()
        #expect(e.text == "éllo ")
        e.deleteToStart()
        #expect(e.text == "" && e.cursor == 0)
    }

    @Test func undoRestoresEachStep() {
        var e = LineEditor("a cat")
        e.insert(" sleeping")
        e.deleteWordBackward()
        e.undo()
        #expect(e.text == "a cat sleeping")
        e.undo()
        #expect(e.text == "a cat")
    }

    @Test func selectionIsReplacedByTypingAndPasteFlattensLines() {
        var e = LineEditor("old text")
        e.selectAll()
        #expect(e.selection == 0..<8)
        e.paste("new\nline")
        #expect(e.text == "new line" && e.selection == nil)
        e.home()
        e.right(selecting: true)
        e.right(selecting: true)
        e.insert("N")
        #expect(e.text == "Nw line")
    }

    @Test func drawingScrollsToKeepTheCursorVisible() {
        var frame = Frame(width: 10, height: 1)
        let e = LineEditor("abcdefghijklmnop")
        let cursor = e.draw(into: &frame, x: 0, y: 0, width: 6, style: .plain, selectionStyle: Style(attributes: .reverse))
        #expect(frame.text[0] == "lmnop     ")
        #expect(cursor == 5)
        var short = Frame(width: 10, height: 1)
        var f = LineEditor("狐狸 fox")
        f.home()
        #expect(f.draw(into: &short, x: 2, y: 0, width: 8, style: .plain, selectionStyle: .plain) == 2)
        #expect(short.text[0] == "  狐狸 fox")
    }
}
