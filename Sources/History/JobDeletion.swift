import Foundation
import RunwareAPI

/// A file History could not remove, and why (in the system's words).
package struct FileRemovalFailure: Error, Sendable, Equatable, CustomStringConvertible {
    package var path: String
    package var reason: String

    package init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    package var description: String { "cannot remove \(path): \(reason)" }
}

/// What deleting a job did: its row is gone, and each image file it named was removed, was
/// already gone, could not be removed (named with the reason, so the user can act on it), or was
/// kept (the user's own file, or one another job names).
package struct JobDeletion: Sendable, Equatable {
    package var jobID: Int64
    package var removed: [String] = []
    /// Files the job named that no longer existed.
    package var alreadyGone: [String] = []
    package var failed: [FileRemovalFailure] = []
    /// Files left where they are: the user's own, or another job's too.
    package var kept: [KeptFile] = []

    package init(jobID: Int64) { self.jobID = jobID }

    /// One line: "deleted job 4 and 2 image files", with what could not be removed.
    package var summary: String {
        var text = "deleted job \(jobID) and \(counted(removed.count, "image file"))"
        if !alreadyGone.isEmpty { text += "; \(alreadyGone.count) already gone" }
        if !failed.isEmpty {
            text += "; \(failed.count) could not be removed: " + failed.map(\.description).joined(separator: "; ")
        }
        if !kept.isEmpty { text += "; " + kept.map(\.description).joined(separator: "; ") }
        return text
    }
}
