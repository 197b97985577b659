import BlockingWork
import Foundation
import History
import RunwareAPI
import TerminalUI

/// Work the History screen asks for.
package enum HistoryEffect: Sendable, Equatable {
    /// A page of the jobs matching `query`. `stacked`: jobs that differ only in seed come as one
    /// (the newest, with the stack's count).
    case load(query: String, generation: Int, page: Int, stacked: Bool = false)
    /// Every action that writes to History: rate, favourite, tag, export, delete, on one job,
    /// the marked ones or a whole search; answered with the sentence `HistoryStore.apply` says.
    case batch(HistoryBatch)
    /// Finds the jobs and files a batch delete would remove, to ask first.
    case prepareDelete(HistoryBatch.Target, what: String)
    case lineage(Int64)
    case saveSweep(SweepGrid)
    case loadSavedSearches
    case saveSearch(name: String, query: String)
    /// Asks History whether another process wrote since.
    case checkVersion
}

/// What comes back to the History screen.
package enum HistoryAnswer: Sendable, Equatable {
    /// A page of History's matching jobs, for the query of `generation`.
    /// `total`: the cells (stacks, when stacked); `matching`: the jobs, when they differ.
    case page(generation: Int, page: Int, total: Int, jobs: [HistoryJob], matching: Int? = nil)
    case pageFailed(generation: Int, String)
    /// Something in History changed (a favourite, a deletion): said, and what is shown read again.
    case changed(String)
    /// A batch delete measured: exactly these jobs, naming this many files, are to be asked about.
    case deleteReady(ids: [Int64], files: Int, userFiles: [String], what: String)
    case lineage(LineageTree)
    /// The sweep saved: a PNG per page.
    case sweepSaved([String])
    case savedSearches([String: String])
    /// History's data version (`PRAGMA data_version`): another process wrote when it changes.
    case version(Int)
    case said(String)
    case failed(String)
}

/// What the History screen needs from outside: the store, and the sweep sheets' folder.
package protocol HistoryPort: Sendable {
    /// One page of the jobs matching a History query, and how many match in all.
    /// Stacked: the newest job of each stack, `total` counting stacks and `matching` the jobs.
    func page(query: String, page: Int, stacked: Bool) throws -> (total: Int, jobs: [HistoryJob], matching: Int?)
    /// Runs an action that writes; says what it did.
    func apply(_ batch: HistoryBatch) throws -> BatchOutcome
    /// The jobs a batch delete would remove, how many of Darkroom's files, and the user's own files it would leave.
    func measure(_ target: HistoryBatch.Target) throws -> (ids: [Int64], files: Int, userFiles: [String])
    func lineage(of id: Int64) throws -> LineageTree
    /// The sweep's pictures in one PNG per page with its axis labels; returns their paths.
    func saveSweep(_ sweep: SweepGrid) throws -> [String]
    func savedSearches() throws -> [String: String]
    func saveSearch(name: String, query: String) throws
    /// History's data version: a change means another process wrote.
    func version() throws -> Int
}

/// Maps the History screen's effects to calls of its port, on the bounded worker (SQLite and
/// image files block), and their outcomes to answers.
package struct HistoryRunner: Sendable {
    package let port: any HistoryPort
    package init(port: any HistoryPort) { self.port = port }

    package func perform(_ effect: HistoryEffect, answer: @Sendable (HistoryAnswer) -> Void) async {
        let port = self.port
        do {
            switch effect {
            case .load(let query, let generation, let page, let stacked):
                do {
                    let (total, jobs, matching) = try await BlockingWorker.shared.run { try port.page(query: query, page: page, stacked: stacked) }
                    answer(.page(generation: generation, page: page, total: total, jobs: jobs, matching: matching))
                } catch {
                    answer(.pageFailed(generation: generation, SafeText.line("\(error)")))
                }
            case .batch(let batch):
                let outcome = try await BlockingWorker.shared.run(.inOrder) { try port.apply(batch) }
                answer(.changed(SafeText.line(outcome.said)))
                if let trouble = outcome.trouble { answer(.failed(SafeText.line(trouble))) }
            case .prepareDelete(let target, let what):
                let (ids, files, userFiles) = try await BlockingWorker.shared.run(.inOrder) { try port.measure(target) }
                answer(.deleteReady(ids: ids, files: files, userFiles: userFiles.map { SafeText.line($0) }, what: what))
            case .lineage(let id):
                answer(.lineage(try await BlockingWorker.shared.run { try port.lineage(of: id) }))
            case .saveSweep(let sweep):
                do { answer(.sweepSaved(try await BlockingWorker.shared.run { try port.saveSweep(sweep) })) } catch {
                    answer(.failed(SafeText.line("saving the sweep failed: \(error)")))
                }
            case .loadSavedSearches:
                do { answer(.savedSearches(try await BlockingWorker.shared.run { try port.savedSearches() })) } catch {
                    answer(.failed(SafeText.line("History: saved searches: \(error)")))
                }
            case .saveSearch(let name, let query):
                let saved = try await BlockingWorker.shared.run(.inOrder) { () -> [String: String] in
                    try port.saveSearch(name: name, query: query)
                    return try port.savedSearches()
                }
                answer(.savedSearches(saved))
                answer(.said(SafeText.line("saved this search as @\(name)")))
            case .checkVersion:
                if let version = try? await BlockingWorker.shared.run(.inOrder, { try port.version() }) { answer(.version(version)) }
            }
        } catch {
            answer(.failed(SafeText.line("\(error)")))
        }
    }
}
