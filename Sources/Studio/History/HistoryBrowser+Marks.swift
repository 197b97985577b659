import History
import RunwareAPI

extension HistoryBrowser {
    /// What a batch key acts on: the whole search when it was marked, else the marked jobs.
    package var batchTarget: HistoryBatch.Target? {
        if markAll { return .search(query.text) }
        return marks.isEmpty ? nil : .jobs(marks.sorted(by: >))
    }

    /// "12 marked" or "the whole search (340 jobs)", for the status line and questions.
    package var marksDescription: String? {
        if markAll { return "every job of this search" + (total.map { " (\($0))" } ?? "") }
        return marks.isEmpty ? nil : "\(counted(marks.count, "marked job"))"
    }

    package mutating func clearMarks() {
        marks = []
        markAll = false
    }
}
