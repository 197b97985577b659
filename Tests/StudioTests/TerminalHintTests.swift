import Foundation
@testable import Studio
import TerminalUI
import Testing

/// What the terminal cannot show (tmux's passthrough off) is said whole: on the status line at
/// any width down to the smallest (the summary gives way), again once a job's notice is gone,
/// and at the top of help.
@Suite struct TerminalHintTests {
    static let hint = "run `tmux set -g allow-passthrough on` to see sixel pictures "
        + "(tmux's allow-passthrough is off; showing symbols)"

    func statusLine(columns: Int, notice: String? = nil) -> String {
        var s = ReducerAndViewTests.Screen(columns: columns, rows: 30)
        s.focus("ui.aspectLock")  // a field without a problem, so its issue does not take the line
        s.state.status.terminalHint = Self.hint
        s.state.status.notice = notice
        let lines = s.lines
        return lines[lines.count - 2]
    }

    @Test func theHintIsWholeBesideTheSummaryWhereThereIsRoom() {
        let line = statusLine(columns: 160)
        #expect(line.contains(Self.hint) && line.contains("jobs 0 running"), "\(line)")
    }

    /// 140 columns: the jobs and spend give way; 120: the target too, and the hint is whole; 80:
    /// the command is whole.
    @Test(arguments: [(140, true), (120, false), (80, false)])
    func onANarrowerLineTheSummaryGivesWay(columns: Int, keepsTarget: Bool) {
        let line = statusLine(columns: columns)
        #expect(!line.contains("jobs 0 running"), "\(line)")
        #expect(line.contains("sandbox") == keepsTarget, "\(line)")
        #expect(line.contains(columns >= 120 ? Self.hint : "run `tmux set -g allow-passthrough on` to see sixel pictures"), "\(line)")
    }

    @Test func aNoticeTakesTheLineAndTheHintComesBackAfterIt() {
        #expect(statusLine(columns: 160, notice: "job 3 sent").contains("job 3 sent"))
        #expect(!statusLine(columns: 160, notice: "job 3 sent").contains("allow-passthrough"))
        #expect(statusLine(columns: 160, notice: nil).contains(Self.hint))
    }

    @Test func helpStartsWithTheHintWrappedInItsBox() {
        var s = ReducerAndViewTests.Screen(columns: 120, rows: 40)
        s.state.status.terminalHint = Self.hint
        s.focus("ui.aspectLock")
        s.key(.character("?"))
        let wrapped = HelpView.lines(.defaults, screen: .generate, state: s.state, width: 80).prefix { $0.heading || $0.wide }
        #expect(wrapped.dropFirst().map(\.keys).joined(separator: " ") == Self.hint, "the hint is whole across its wrapped lines")
        let text = s.lines.joined(separator: "\n")
        for line in wrapped { #expect(text.contains(line.keys), "help lacks \(line.keys)") }
        #expect(text.contains("This terminal"))
    }

    /// The balance the API gave sits beside today's spend; with no comparable job the estimate is
    /// the model's published price.
    @Test func theBalanceAndThePublishedPriceAreShown() {
        var s = ReducerAndViewTests.Screen(columns: 160, rows: 40)
        s.focus("ui.aspectLock")
        s.send(.balance(9.9924), .generate(.estimate(s.state.generate.estimateKey, .published(0.0038))))
        let lines = s.lines
        #expect(lines[lines.count - 2].contains("balance $9.9924"), "\(lines[lines.count - 2])")
        #expect(lines.contains { $0.contains("Cost: ~$0.0038 at Runware's published price") })
    }
}
