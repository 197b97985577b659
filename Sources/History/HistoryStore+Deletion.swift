import Foundation
import GRDB

/// What a delete does with image files Darkroom did not write (imported where they lie).
package enum UserFiles: Sendable, Equatable {
    /// Left where they are: deleting the job removes History's record only.
    case keep
    /// Removed too: only when the user asked for it, having been shown their names.
    case remove
}

/// One file a delete is about to remove or to leave, as the confirmation names it.
package struct FileToDelete: Sendable, Equatable {
    package var path: String
    /// Darkroom wrote it (false: the user's own, imported where it lies).
    package var owned: Bool
}

/// Deleting jobs, in two steps a kill cannot undo: one transaction removes the rows and records
/// every file they leave to remove (table `removal`); then the files go, and their records with
/// them. A delete killed between the two is finished by `finishRemovals` (every start, `check`),
/// so `check --repair` never brings deleted images back as new jobs. On a full disk, where SQLite
/// cannot write, the jobs' own files are removed first to make room.
extension HistoryStore {
    /// Deletes one job; its image files go with it, except the user's own (`userFiles`).
    package func delete(_ id: Int64, userFiles: UserFiles = .keep) throws -> JobDeletion {
        let outcome = try deleteJobs([id], userFiles: userFiles)
        if outcome.jobsAlreadyGone > 0 { throw HistoryError.noSuchJob(id) }
        var deletion = JobDeletion(jobID: id)
        deletion.removed = outcome.removed
        deletion.alreadyGone = outcome.alreadyGone
        deletion.failed = outcome.failed
        deletion.kept = outcome.kept
        return deletion
    }

    /// Deletes every job given in one transaction, then the files. Jobs already gone are counted,
    /// not an error: another process may have deleted some of a search's jobs meanwhile.
    package func delete(_ ids: [Int64], userFiles: UserFiles = .keep) throws -> BatchDeletion {
        let outcome = try deleteJobs(ids, userFiles: userFiles)
        var batch = BatchDeletion()
        batch.jobs = outcome.jobs
        batch.jobsAlreadyGone = outcome.jobsAlreadyGone
        batch.removed = outcome.removed.count
        batch.alreadyGone = outcome.alreadyGone.count
        batch.failed = outcome.failed
        batch.kept = outcome.kept
        return batch
    }

    /// The files these jobs name, each with whose it is: what a confirmation lists.
    package func files(of ids: [Int64]) throws -> [FileToDelete] {
        try pool.read { db in
            var files: [FileToDelete] = []
            for chunk in ids.chunked(500) {
                let marks = chunk.map { _ in "?" }.joined(separator: ",")
                files += try Row.fetchAll(db, sql: "SELECT path, owned FROM result WHERE jobID IN (\(marks)) ORDER BY jobID, idx",
                                          arguments: StatementArguments(chunk)).map { FileToDelete(path: $0["path"], owned: $0["owned"]) }
            }
            return files
        }
    }

    struct DeletionOutcome {
        var jobs = 0
        var jobsAlreadyGone = 0
        var removed: [String] = []
        var alreadyGone: [String] = []
        var failed: [FileRemovalFailure] = []
        var kept: [KeptFile] = []
    }

    func deleteJobs(_ ids: [Int64], userFiles: UserFiles) throws -> DeletionOutcome {
        var outcome = DeletionOutcome()
        var freedFirst: Set<String> = []
        let doomed: [String]
        do {
            doomed = try deleteRowsRecordingRemovals(ids, userFiles: userFiles, into: &outcome)
        } catch let e as DatabaseError where Self.isWriteFailure(e) && HistoryFile.volumeIsFull(path) {
            // SQLite cannot write a byte: free the jobs' own files first (the user asked for them to
            // go), then try again. A kill in between leaves jobs with missing files, never strays.
            for file in try files(of: ids) where file.owned || userFiles == .remove {
                if unlink(file.path) == 0 { freedFirst.insert(file.path) }
            }
            outcome = DeletionOutcome()
            do { doomed = try deleteRowsRecordingRemovals(ids, userFiles: userFiles, into: &outcome) } catch let e as DatabaseError {
                throw HistoryError.unavailable(path: path, reason: "the disk is full (\(e.message ?? "\(e.resultCode)")); "
                    + "\(freedFirst.count) image file\(freedFirst.count == 1 ? " was" : "s were") removed to make room, not enough")
            }
        }
        var done: [String] = []
        for file in doomed {
            if freedFirst.contains(file) || unlink(file) == 0 {
                outcome.removed.append(file)
                done.append(file)
            } else if errno == ENOENT {
                outcome.alreadyGone.append(file)
                done.append(file)
            } else {
                outcome.failed.append(FileRemovalFailure(path: file, reason: HistoryFile.reason(errno)))
            }
        }
        // Their records go once the files are gone; if this write fails, the next start's
        // `finishRemovals` finds the files gone and drops the records then.
        try? forgetRemovals(done)
        return outcome
    }

    /// The transaction: rows out, files to remove recorded. Answers the paths to remove now.
    func deleteRowsRecordingRemovals(_ ids: [Int64], userFiles: UserFiles, into outcome: inout DeletionOutcome) throws -> [String] {
        try pool.write { db in
            var doomed: [String] = []
            let stamp = now().timeIntervalSince1970
            for id in ids {
                let files = try Row.fetchAll(db, sql: "SELECT path, owned FROM result WHERE jobID = ? ORDER BY idx", arguments: [id])
                try db.execute(sql: "DELETE FROM job WHERE id = ?", arguments: [id])
                if db.changesCount == 0 {
                    outcome.jobsAlreadyGone += 1
                    continue
                }
                outcome.jobs += 1
                for row in files {
                    let file: String = row["path"]
                    let owned: Bool = row["owned"]
                    if let other = try Int64.fetchOne(db, sql: "SELECT jobID FROM result WHERE path = ? LIMIT 1", arguments: [file]) {
                        outcome.kept.append(KeptFile(path: file, why: .usedBy(other)))
                    } else if !owned && userFiles == .keep {
                        outcome.kept.append(KeptFile(path: file, why: .usersOwn))
                    } else if !doomed.contains(file) {
                        try db.execute(sql: "INSERT OR REPLACE INTO removal (path, recordedAt) VALUES (?, ?)", arguments: [file, stamp])
                        doomed.append(file)
                    }
                }
            }
            return doomed
        }
    }

    func forgetRemovals(_ paths: [String]) throws {
        guard !paths.isEmpty else { return }
        try pool.write { db in
            for chunk in paths.chunked(500) {
                let marks = chunk.map { _ in "?" }.joined(separator: ",")
                try db.execute(sql: "DELETE FROM removal WHERE path IN (\(marks))", arguments: StatementArguments(chunk))
            }
        }
    }

    /// Finishes the deletes a kill (or a file that could not be removed) left half-done: each
    /// file recorded for removal goes, unless a job names it again or a newer file took its place.
    package func finishRemovals() throws -> RemovalFinish {
        let pending = try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT removal.path, removal.recordedAt, EXISTS (SELECT 1 FROM result WHERE result.path = removal.path) AS used
                FROM removal ORDER BY removal.path
                """).map { (path: $0["path"] as String, recordedAt: $0["recordedAt"] as Double, used: $0["used"] as Bool) }
        }
        var finish = RemovalFinish()
        var done: [String] = []
        for item in pending {
            var info = stat()
            if item.used || stat(item.path, &info) != 0 || Double(info.st_mtim.tv_sec) > item.recordedAt + 1 {
                done.append(item.path)
            } else if unlink(item.path) == 0 || errno == ENOENT {
                finish.removed.append(item.path)
                done.append(item.path)
            } else {
                finish.failed.append(FileRemovalFailure(path: item.path, reason: HistoryFile.reason(errno)))
            }
        }
        try forgetRemovals(done)
        return finish
    }

    /// The paths recorded for removal and not yet removed (`check --repair` must not import them).
    package func pendingRemovals() throws -> Set<String> {
        try pool.read { db in Set(try String.fetchAll(db, sql: "SELECT path FROM removal")) }
    }

    /// A write whose failure on a full or failing disk is said as such (`HistoryError.unavailable`),
    /// with what still works, rather than in SQLite's words.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try pool.write(body) } catch let e as DatabaseError where Self.isWriteFailure(e) {
            let said = e.message ?? "\(e.resultCode)"
            throw HistoryError.unavailable(path: path, reason: HistoryFile.volumeIsFull(path)
                ? "the disk is full (\(said)); deleting jobs works on a full disk and frees space (`darkroom history rm`)" : said)
        }
    }

    static func isWriteFailure(_ e: DatabaseError) -> Bool {
        e.resultCode == .SQLITE_FULL || e.resultCode == .SQLITE_IOERR
    }
}

/// A file a delete left where it is, and why.
package struct KeptFile: Sendable, Equatable {
    package enum Why: Sendable, Equatable {
        /// The user's own file, imported where it lies.
        case usersOwn
        /// Another job still names it.
        case usedBy(Int64)
    }

    package var path: String
    package var why: Why

    package var description: String {
        switch why {
        case .usersOwn: return "kept your file \(path)"
        case .usedBy(let job): return "kept \(path): job \(job) uses it too"
        }
    }
}

/// What finishing earlier deletes did.
package struct RemovalFinish: Sendable, Equatable {
    package var removed: [String] = []
    package var failed: [FileRemovalFailure] = []

    package init() {}
}

extension Array {
    /// The array in consecutive pieces of at most `size` elements (SQLite's variable limit).
    func chunked(_ size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min(count, $0 + size)] }
    }
}
