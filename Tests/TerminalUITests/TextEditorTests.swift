import Testing
@testable import TerminalUI

@Suite struct TextEditorTests {
    @Test func wrapsAtWordsByDisplayWidth() {
        let e = TextEditor("a red fox in deep snow\nsecond 狐狸狐狸 line")
        let lines = e.wrap(width: 10).map { String(e.characters[$0.start..<$0.end]) }
        #expect(lines == ["a red fox", "in deep", "snow", "second", "狐狸狐狸", "line"])
    }

    @Test func longWordsBreakWhereTheyMust() {
        let e = TextEditor("abcdefghijkl")
        #expect(e.wrap(width: 5).map { String(e.characters[$0.start..<$0.end]) } == ["abcde", "fghij", "kl"])
    }

    @Test func upAndDownKeepTheColumnAndReportTheEdges() {
        var e = TextEditor("a red fox in deep snow")
        #expect(e.cursorPosition(width: 10) == (2, 4))
        let up1 = e.vertical(-1, width: 10)
        #expect(up1 && e.cursorPosition(width: 10) == (1, 4))
        let up2 = e.vertical(-1, width: 10), up3 = e.vertical(-1, width: 10)
        #expect(up2 && !up3)
        #expect(e.cursorPosition(width: 10).row == 0)
    }

    @Test func pasteKeepsNewlinesAndDropsControls() {
        var e = TextEditor()
        e.insert("one\r\ntwo\u{1B}[31m")
        #expect(e.text == "one\ntwo[31m")
        e.undo()
        #expect(e.text == "")
    }

    @Test func drawingFollowsTheCursor() {
        let e = TextEditor("l1\nl2\nl3\nl4")
        var frame = Frame(width: 6, height: 2)
        let cursor = e.draw(into: &frame, x: 0, y: 0, width: 6, height: 2, style: .plain)
        #expect(frame.text == ["l3    ", "l4    "])
        #expect(cursor == (2, 1))
    }
}
