import Foundation
@testable import History
@testable import Studio
import TerminalUI
import Testing

/// The History screen as text: the contact sheet, the list, a job's details and a comparison.
@Suite struct HistorySnapshotTests {
    func lines(_ s: StudioFixture) -> [String] { StudioView(theme: .monochrome, keyMap: .defaults).draw(s.state).frame.text }

    @Test func theHistoryScreenAsText() {
        var s = StudioFixture(columns: 100, rows: 30)
        s.openHistory([12, 11, 10, 9, 8, 7, 6])
        s.key(.right)
        Snapshot.check(lines(s), named: "history-sheet")
        s.key(.character("m"))
        var list = lines(s)
        // The dates are in the local time zone: blank them so the snapshot is the same everywhere.
        list = list.map { $0.replacingOccurrences(of: #"\d{4}-\d\d-\d\d \d\d:\d\d"#, with: "YYYY-MM-DD hh:mm", options: .regularExpression) }
        Snapshot.check(list, named: "history-list")
        s.key(.enter)
        Snapshot.check(lines(s), named: "history-detail")
        s.key(.escape)
        s.key(.character("c"))
        s.key(.down)
        s.key(.character("c"))
        Snapshot.check(lines(s), named: "history-compare")
    }
}
