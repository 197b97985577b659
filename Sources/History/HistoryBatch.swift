import Foundation
import RunwareAPI

/// One action that writes to History, on one job, the marked ones, or every job of a search
/// (resolved when it runs, so 100,000 matches never sit in a caller's memory). The studio and the
/// CLI run it the same way and say the same sentence (`HistoryStore.apply`).
package struct HistoryBatch: Sendable, Equatable {
    package enum Target: Sendable, Equatable {
        case jobs([Int64])
        /// A search, as History reads it (saved searches included).
        case search(String)
    }

    package enum Action: Sendable, Equatable {
        case rate(Int)
        case favourite(Bool)
        case tag(add: [String], remove: [String])
        case export(folder: String)
        /// `userFiles`: what becomes of the user's own image files (imported where they lie).
        case delete(userFiles: UserFiles)
    }

    package var target: Target
    package var action: Action

    package init(_ target: Target, _ action: Action) {
        self.target = target
        self.action = action
    }
}

/// What a batch did, in one line; `trouble` when part of it could not be done (a file that
/// would not go), said as an error as well.
package struct BatchOutcome: Sendable, Equatable {
    package var said: String
    package var trouble: String?
    package init(said: String, trouble: String? = nil) {
        self.said = said
        self.trouble = trouble
    }
}

extension HistoryStore {
    /// The jobs a target names now.
    package func ids(_ target: HistoryBatch.Target) throws -> [Int64] {
        switch target {
        case .jobs(let ids): ids
        case .search(let text): try ids(matching: parse(text))
        }
    }

    /// Runs a batch in one transaction per action and says what it did.
    package func apply(_ batch: HistoryBatch) throws -> BatchOutcome {
        let ids = try ids(batch.target)
        guard !ids.isEmpty else { return BatchOutcome(said: "no job to change") }
        let one = ids.count == 1 ? "job \(ids[0])" : nil
        let jobs = one ?? counted(ids.count, "job")
        switch batch.action {
        case .rate(let n):
            try rate(ids, n)
            return BatchOutcome(said: n == 0 ? "took the rating from \(jobs)" : one.map { "\($0) rated \(n)" } ?? "rated \(jobs) \(n)")
        case .favourite(let on):
            try setFavourite(ids, on)
            return BatchOutcome(said: one.map { on ? "\($0) is a favourite" : "\($0) is no longer a favourite" }
                                ?? (on ? "\(jobs) marked favourite" : "\(jobs) no longer favourite"))
        case .tag(let add, let remove):
            try tag(ids, add: add, remove: remove)
            return BatchOutcome(said: "tagged \(jobs)" + (add.isEmpty ? "" : ": +" + add.joined(separator: " +"))
                                + (remove.isEmpty ? "" : " -" + remove.joined(separator: " -")))
        case .export(let folder):
            var written = 0, missing = 0
            for id in ids {
                let outcome = try export(id, to: URL(fileURLWithPath: folder))
                written += outcome.written.count
                missing += outcome.missing.count
            }
            let gone = missing == 0 ? nil : "\(missing) image file\(missing == 1 ? " is" : "s are") missing"
            return BatchOutcome(said: "exported \(jobs): \(counted(written, "file")) in \(folder)" + (gone.map { "; " + $0 } ?? ""),
                                trouble: gone)
        case .delete(let userFiles) where one != nil:
            let deletion = try delete(ids[0], userFiles: userFiles)
            return BatchOutcome(said: deletion.summary, trouble: deletion.failed.isEmpty ? nil : deletion.summary)
        case .delete(let userFiles):
            let deletion = try delete(ids, userFiles: userFiles)
            return BatchOutcome(said: deletion.summary, trouble: deletion.failed.isEmpty ? nil : deletion.summary)
        }
    }
}
