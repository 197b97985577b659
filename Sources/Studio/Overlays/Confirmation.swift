import History
import RunwareAPI

/// A yes/no question before something that cannot be undone.
package struct Confirmation: Sendable, Equatable {
    package enum Purpose: Sendable, Equatable {
        case deleteJob(Int64)
        /// A batch delete of exactly these jobs (measured before asking).
        case deleteJobs([Int64])
        /// Quitting with jobs still running (what happens to each is in the question).
        case quit
    }

    package var purpose: Purpose
    package var question: String
    /// The user's own image files a delete would leave (named in the question); `f` deletes them too.
    package var userFiles: [String]

    package init(_ purpose: Purpose, question: String, userFiles: [String] = []) {
        self.purpose = purpose
        self.question = question
        self.userFiles = userFiles
    }

    func handle(_ input: Input) -> OverlayOutcome {
        switch (input, purpose) {
        case (.action(.confirmYes), .deleteJob(let id)):
            return .close([.history(.forget(id)), .effect(.history(.batch(HistoryBatch(.jobs([id]), .delete(userFiles: .keep)))))])
        case (.action(.confirmWithFiles), .deleteJob(let id)) where !userFiles.isEmpty:
            return .close([.history(.forget(id)), .effect(.history(.batch(HistoryBatch(.jobs([id]), .delete(userFiles: .remove)))))])
        case (.action(.confirmNo), .deleteJob(let id)):
            return .close([.notice("kept job \(id)")])
        case (.action(.confirmYes), .deleteJobs(let ids)):
            return .close([.history(.clearMarks), .effect(.history(.batch(HistoryBatch(.jobs(ids), .delete(userFiles: .keep)))))])
        case (.action(.confirmWithFiles), .deleteJobs(let ids)) where !userFiles.isEmpty:
            return .close([.history(.clearMarks), .effect(.history(.batch(HistoryBatch(.jobs(ids), .delete(userFiles: .remove)))))])
        case (.action(.confirmNo), .deleteJobs(let ids)):
            return .close([.notice("kept the \(counted(ids.count, "job"))")])
        case (.action(.confirmYes), .quit):
            return .close([.quit])
        case (.action(.confirmNo), .quit):
            return .close([.notice("still here")])
        default:
            return .stay(.confirm(self), [.notice(question + (userFiles.isEmpty ? " y: yes, n: no" : " y: yes, f: yes and your files too, n: no"))])
        }
    }

    /// What a question says of the user's own files a delete leaves: nothing when there are none.
    static func userFilesClause(_ files: [String]) -> String {
        guard !files.isEmpty else { return "" }
        let named = files.prefix(2).joined(separator: ", ") + (files.count > 2 ? " and \(files.count - 2) more" : "")
        return files.count == 1 ? " Your own file \(named) stays where it is (f: delete it too)."
            : " Your own \(files.count) files (\(named)) stay where they are (f: delete them too)."
    }
}
