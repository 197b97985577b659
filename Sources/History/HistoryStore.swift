import Foundation
import GRDB
import RunwareAPI

/// The History database: WAL mode, so readers never block and a second process can write
/// (waiting on a busy timeout). The clock is passed in so tests fix it.
package final class HistoryStore: Sendable {
    package static let fileName = "history.sqlite"

    let pool: DatabasePool
    package let path: String
    let now: @Sendable () -> Date

    /// Opens (or creates) the database. A file that is not a SQLite database, or not ours, is
    /// reported and never overwritten.
    package init(path: String, now: @escaping @Sendable () -> Date = { Date() }) throws {
        self.path = path
        self.now = now
        var config = Configuration()
        config.busyMode = .timeout(10)
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA foreign_keys = ON")
        }
        pool = try Self.open(path: path, configuration: config)
    }

    /// Opens, checks and migrates, one process at a time (a lock on the folder). A damaged file is
    /// refused after a quick check, before any write; a file that cannot be opened or written
    /// (read-only or full volume) is named as such, never called foreign.
    static func open(path: String, configuration: Configuration) throws -> DatabasePool {
        if let problem = HistoryFile.unusableReason(path) { throw HistoryError.unavailable(path: path, reason: problem) }
        // Processes opening at once take turns: checking, creating and migrating are one step, so
        // no process sees (or migrates) a database another is half-way through creating.
        return try HistoryFile.whileOpening(path) {
            if FileManager.default.fileExists(atPath: path) {
                let problems = try HistoryFile.quickCheck(path)
                if !problems.isEmpty { throw HistoryError.damaged(path: path, problems: problems) }
            }
            var attempt = 0
            while true {
                do {
                    let pool = try DatabasePool(path: path, configuration: configuration)
                    try pool.read { db in _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") }
                    try checkOwnership(pool, path: path)
                    try HistorySchema.migrator(library: (path as NSString).deletingLastPathComponent).migrate(pool)
                    return pool
                } catch let e as HistoryError {
                    throw e
                } catch let e as DatabaseError where (e.resultCode == .SQLITE_BUSY || e.resultCode == .SQLITE_LOCKED) && attempt < 50 {
                    // A writer of an older Darkroom (which does not take turns) holds the lock a moment.
                    attempt += 1
                    usleep(100_000)
                } catch let e as DatabaseError {
                    throw HistoryFile.classify(e, path: path)
                }
            }
        }
    }

    /// A database with tables but no migration record is someone else's: refuse it.
    static func checkOwnership(_ pool: DatabasePool, path: String) throws {
        try pool.read { db in
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
            if !tables.isEmpty && !tables.contains("grdb_migrations") {
                throw HistoryError.notADatabase(path: path, reason: "it holds other tables: " + tables.prefix(3).joined(separator: ", "))
            }
        }
    }

    // MARK: - Writing

    /// Records a job as `pending` before anything is sent.
    @discardableResult
    package func createPending(_ request: ImageInferenceRequest, parent: JobParent? = nil, createdAt: Date? = nil) throws -> Int64 {
        try pool.write { db in
            try Self.insertJob(db, request, status: .pending, parentID: parent?.id, lineage: parent?.lineage,
                               createdAt: createdAt ?? now(), ownerPID: Int64(getpid()))
        }
    }

    static func insertJob(_ db: Database, _ request: ImageInferenceRequest, status: JobStatus, parentID: Int64?,
                          lineage: Lineage?, createdAt: Date, ownerPID: Int64?) throws -> Int64 {
        let json = String(decoding: try RunwareJSON.encode(request), as: UTF8.self)
        let loras = (request.lora ?? []).map(\.model).joined(separator: " ")
        let controlNets = (request.controlNet ?? []).map(\.model).joined(separator: " ")
        try db.execute(sql: """
                INSERT INTO job (taskUUID, createdAt, status, model, positivePrompt, negativePrompt, width, height, seed,
                                 delivery, requestJSON, loras, controlNets, parentID, lineage, ownerPID, variantKey)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [request.taskUUID, createdAt.timeIntervalSince1970, status.rawValue, request.model,
                                 request.positivePrompt, request.negativePrompt, request.width, request.height,
                                 request.seed.map(String.init), request.effectiveDelivery.rawValue, json, loras, controlNets,
                                 parentID, lineage?.rawValue, ownerPID, variantKey(json)])
        return db.lastInsertedRowID
    }

    package func markRunning(_ id: Int64) throws {
        try pool.write { db in
            try db.execute(sql: "UPDATE job SET status = 'running', startedAt = ? WHERE id = ? AND status = 'pending'",
                           arguments: [now().timeIntervalSince1970, id])
        }
    }

    /// Records one result as soon as its file is on disk.
    package func addResult(_ r: HistoryResult, to id: Int64) throws {
        try pool.write { db in try Self.insertResult(db, r, to: id) }
    }

    static func insertResult(_ db: Database, _ r: HistoryResult, to id: Int64) throws {
        try db.execute(sql: """
                INSERT OR REPLACE INTO result (jobID, idx, imageUUID, seed, path, width, height, format, bytes, nsfw, cost,
                                               responseJSON, owned)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [id, r.index, r.imageUUID, r.seed.map(String.init), r.path, r.width, r.height, r.format,
                                 r.bytes, r.nsfw, r.cost, r.responseJSON, r.owned])
        try db.execute(sql: "UPDATE job SET cost = (SELECT sum(cost) FROM result WHERE jobID = ?) WHERE id = ?",
                       arguments: [id, id])
    }

    /// Finished jobs recorded in one transaction (imports, benchmarks).
    package func importBatch(_ items: [(request: ImageInferenceRequest, createdAt: Date, results: [HistoryResult])]) throws {
        try pool.write { db in
            for item in items {
                let id = try Self.insertJob(db, item.request, status: .done, parentID: nil, lineage: nil,
                                            createdAt: item.createdAt, ownerPID: nil)
                for r in item.results { try Self.insertResult(db, r, to: id) }
            }
        }
    }

    package func finish(_ id: Int64, status: JobStatus, reason: String? = nil) throws {
        precondition(status.isFinal)
        try pool.write { db in
            try db.execute(sql: "UPDATE job SET status = ?, reason = ?, finishedAt = ? WHERE id = ?",
                           arguments: [status.rawValue, reason.map { TextCap.cut($0, limit: Self.reasonLimit) }, now().timeIntervalSince1970, id])
            if db.changesCount == 0 { throw HistoryError.noSuchJob(id) }
        }
    }

    /// The most of a reason History keeps (server text can be any size).
    package static let reasonLimit = 4096

    /// Back to `pending` with no owner: nobody runs it now, the next start tries again.
    package func requeue(_ id: Int64) throws {
        try pool.write { db in
            try db.execute(sql: "UPDATE job SET status = 'pending', ownerPID = NULL WHERE id = ? AND status IN ('pending', 'running')",
                           arguments: [id])
        }
    }

    package func tag(_ id: Int64, add: [String] = [], remove: [String] = []) throws {
        try tag([id], add: add, remove: remove)
    }

    /// Jobs a crash left unfinished: pending or running, oldest first. With `orphanedOnly`, only
    /// those whose process is gone (a live process's jobs are its own business).
    package func unfinished(orphanedOnly: Bool = false) throws -> [HistoryJob] {
        let rows = try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT id, ownerPID FROM job WHERE status IN ('pending', 'running') ORDER BY id")
        }
        let ids: [Int64] = rows.compactMap { row in
            let owner: Int64? = row["ownerPID"]
            if orphanedOnly, let owner, Self.processIsAlive(Int32(owner)) { return nil }
            return row["id"]
        }
        return try ids.map { try job($0) }
    }

    /// Whether a process of this pid exists (ours counts as alive).
    package static func processIsAlive(_ pid: Int32) -> Bool {
        if pid == getpid() { return true }
        return kill(pid, 0) == 0 || errno == EPERM
    }
}

extension HistoryStore {
    /// The start of the reason an imported job is recorded with (see `HistoryJob.isImported`).
    package static let importedReasonPrefix = "imported from "

    /// Records an image made elsewhere (or earlier) as a finished job with one result. `origin`
    /// is where it was found (the result's path, or the file `--copy` copied from).
    @discardableResult
    package func importImage(_ request: ImageInferenceRequest, result: HistoryResult, origin: String? = nil) throws -> Int64 {
        let origin = origin ?? result.path
        return try pool.write { db in
            let id = try Self.insertJob(db, request, status: .done, parentID: nil, lineage: nil, createdAt: now(), ownerPID: nil)
            try Self.insertResult(db, result, to: id)
            try db.execute(sql: "UPDATE result SET origin = ? WHERE jobID = ? AND idx = ?", arguments: [origin, id, result.index])
            try db.execute(sql: "UPDATE job SET reason = ?, finishedAt = ? WHERE id = ?",
                           arguments: [Self.importedReasonPrefix + origin, now().timeIntervalSince1970, id])
            return id
        }
    }

    /// The job that already holds this file: as one of its images, or imported from it.
    package func jobHolding(_ path: String) throws -> Int64? {
        try pool.read { db in
            try Int64.fetchOne(db, sql: "SELECT jobID FROM result WHERE path = ? OR origin = ? ORDER BY jobID LIMIT 1",
                               arguments: [path, path])
        }
    }
}
