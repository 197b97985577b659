import Testing
import TerminalUI

/// Late terminal answers told from keys, one character at a time after `ESC` and its introducer.
@Suite struct TerminalReplyFilterTests {
    func steps(_ introducer: Unicode.Scalar, _ rest: String) -> [TerminalReplyFilter.Step] {
        var filter = TerminalReplyFilter(introducer: introducer)
        return rest.unicodeScalars.map { filter.take($0) }
    }

    @Test func stringAnswersEndWithTheStringTerminator() {
        #expect(steps("_", "Gi=1;OK\u{1B}\\").last == .ended)
        #expect(steps("P", ">|xterm(379)\u{1B}\\").last == .ended)
        #expect(steps("]", "11;rgb:0000/0000/0000\u{07}").last == .ended)
        #expect(steps("]", "11;rgb:0000/0000/0000\u{1B}\\").last == .ended)
    }

    @Test func aBellEndsOnlyAnOSCAndEscapeMustBeFollowedByBackslash() {
        #expect(steps("_", "G\u{07}").last == .notAReply)
        #expect(steps("P", "x\u{1B}q").last == .notAReply)
    }

    @Test func controlSequenceAnswersAreTheOnesDarkroomAsksFor() {
        #expect(steps("[", "?62;4c").last == .ended)
        #expect(steps("[", ">41;379;0c").last == .ended)
        #expect(steps("[", "4;680;960t").last == .ended)
        #expect(steps("[", "a") == [.notAReply])
        #expect(steps("[", "1;5A").last == .notAReply)
    }
}
