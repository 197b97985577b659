import Foundation
import GRDB

extension HistoryStore {
    package func job(_ id: Int64) throws -> HistoryJob {
        guard let job = try pool.read({ db in try Self.jobs(db, where: "job.id = ?", order: "id", arguments: [id]).first }) else {
            throw HistoryError.noSuchJob(id)
        }
        return job
    }

    package func job(taskUUID: String) throws -> HistoryJob? {
        try pool.read { db in try Self.jobs(db, where: "taskUUID = ?", order: "id", arguments: [taskUUID]).first }
    }

    /// Most recently recorded first.
    package func list(limit: Int = 200, offset: Int = 0) throws -> [HistoryJob] {
        try pool.read { db in
            try Self.jobs(db, where: "1", order: "id DESC LIMIT \(max(0, limit)) OFFSET \(max(0, offset))", arguments: [])
        }
    }

    /// Jobs matching the query, most recently recorded first. Text terms walk the full-text index
    /// in rowid order and stop at `limit`, so a common word costs no more than a rare one.
    package func search(_ query: HistoryQuery, limit: Int = 200, offset: Int = 0) throws -> [HistoryJob] {
        let (from, clause, order, arguments) = Self.filter(query)
        return try pool.read { db in
            try Self.jobs(db, where: clause, order: "\(order) LIMIT \(max(0, limit)) OFFSET \(max(0, offset))",
                          arguments: arguments, from: from)
        }
    }

    /// How many jobs match (the length of the History screen's sheet).
    package func count(matching query: HistoryQuery) throws -> Int {
        let (from, clause, _, arguments) = Self.filter(query)
        return try pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM \(from) WHERE \(clause)", arguments: arguments) ?? 0 }
    }

    static func filter(_ query: HistoryQuery) -> (from: String, clause: String, order: String, arguments: StatementArguments) {
        if let tree = query.tree {
            var arguments: [(any DatabaseValueConvertible)?] = []
            let clause = condition(tree, &arguments)
            return ("job", clause, "job.id DESC", StatementArguments(arguments.map { $0?.databaseValue ?? .null }))
        }
        var arguments: [(any DatabaseValueConvertible)?] = []
        let match = query.matchExpression
        var conditions = conditions(query, &arguments, standalone: false)
        if match != nil { conditions.insert("job_fts MATCH ?", at: 0); arguments.insert(match, at: 0) }
        let clause = conditions.isEmpty ? "1" : conditions.joined(separator: " AND ")
        let from = match == nil ? "job" : "job_fts JOIN job ON job.id = job_fts.rowid"
        let order = match == nil ? "job.id DESC" : "job_fts.rowid DESC"
        return (from, clause, order, StatementArguments(arguments.map { $0?.databaseValue ?? .null }))
    }

    /// A tree as one SQL condition over `job`.
    static func condition(_ tree: QueryTree, _ arguments: inout [(any DatabaseValueConvertible)?]) -> String {
        switch tree {
        case .leaf(let q):
            let parts = conditions(q, &arguments, standalone: true)
            return parts.isEmpty ? "1" : "(" + parts.joined(separator: " AND ") + ")"
        case .all(let trees): return "(" + trees.map { condition($0, &arguments) }.joined(separator: " AND ") + ")"
        case .any(let trees): return "(" + trees.map { condition($0, &arguments) }.joined(separator: " OR ") + ")"
        case .not(let inner): return "NOT " + condition(inner, &arguments)
        }
    }

    /// A conjunction's conditions; `standalone` puts its text match in a subquery (inside OR or NOT).
    static func conditions(_ query: HistoryQuery, _ arguments: inout [(any DatabaseValueConvertible)?], standalone: Bool) -> [String] {
        var conditions: [String] = []
        if standalone, let match = query.matchExpression {
            conditions.append("job.id IN (SELECT rowid FROM job_fts WHERE job_fts MATCH ?)")
            arguments.append(match)
        }
        if let seed = query.seed {
            conditions.append("(job.seed = ? OR job.id IN (SELECT jobID FROM result WHERE seed = ?))")
            arguments += [String(seed), String(seed)]
        }
        for tag in query.tags { conditions.append("job.id IN (SELECT jobID FROM tag WHERE name = ?)"); arguments.append(tag) }
        if query.favouritesOnly { conditions.append("job.favourite = 1") }
        if let status = query.status { conditions.append("job.status = ?"); arguments.append(status.rawValue) }
        if let before = query.before { conditions.append("job.createdAt < ?"); arguments.append(before.timeIntervalSince1970) }
        if let after = query.after { conditions.append("job.createdAt >= ?"); arguments.append(after.timeIntervalSince1970) }
        if let size = query.size {
            // The size asked for, or (a job sent without one: the API's default) the size its images came out.
            conditions.append("((job.width = ? AND job.height = ?) OR (job.width IS NULL AND job.id IN "
                + "(SELECT jobID FROM result WHERE width = ? AND height = ?)))")
            arguments += [size.width, size.height, size.width, size.height]
        }
        if let id = query.stackOf {
            conditions.append("job.variantKey = (SELECT variantKey FROM job WHERE id = ?)")
            arguments.append(id)
        }
        if let rating = query.rating { conditions.append("job.rating \(rating.comparison.rawValue) ?"); arguments.append(rating.value) }
        return conditions
    }

    /// Jobs made from this one (forks, variations, re-runs, sweep cells), oldest first.
    package func children(of id: Int64) throws -> [HistoryJob] {
        try pool.read { db in try Self.jobs(db, where: "job.parentID = ?", order: "job.id", arguments: [id]) }
    }

    package var count: Int {
        get throws { try pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM job") ?? 0 } }
    }

    static func jobs(_ db: Database, where clause: String, order: String, arguments: StatementArguments,
                     from: String = "job") throws -> [HistoryJob] {
        let rows = try Row.fetchAll(db, sql: "SELECT job.* FROM \(from) WHERE \(clause) ORDER BY \(order)", arguments: arguments)
        guard !rows.isEmpty else { return [] }
        let ids: [Int64] = rows.map { $0["id"] }
        let placeholders = ids.map { _ in "?" }.joined(separator: ",")
        var results: [Int64: [HistoryResult]] = [:]
        for r in try Row.fetchAll(db, sql: "SELECT * FROM result WHERE jobID IN (\(placeholders)) ORDER BY jobID, idx",
                                  arguments: StatementArguments(ids)) {
            let seed: String? = r["seed"]
            results[r["jobID"], default: []].append(HistoryResult(
                index: r["idx"], imageUUID: r["imageUUID"], seed: seed.flatMap { UInt64($0) }, path: r["path"],
                width: r["width"], height: r["height"], format: r["format"], bytes: r["bytes"], nsfw: r["nsfw"],
                cost: r["cost"], responseJSON: r["responseJSON"], owned: r["owned"] ?? true))
        }
        var tags: [Int64: [String]] = [:]
        for r in try Row.fetchAll(db, sql: "SELECT jobID, name FROM tag WHERE jobID IN (\(placeholders)) ORDER BY name",
                                  arguments: StatementArguments(ids)) {
            tags[r["jobID"], default: []].append(r["name"])
        }
        return rows.map { row in
            let id: Int64 = row["id"]
            let seed: String? = row["seed"]
            let finished: Double? = row["finishedAt"]
            let lineage: String? = row["lineage"]
            return HistoryJob(
                id: id, taskUUID: row["taskUUID"], createdAt: Date(timeIntervalSince1970: row["createdAt"]),
                finishedAt: finished.map(Date.init(timeIntervalSince1970:)),
                status: JobStatus(rawValue: row["status"]) ?? .failed, reason: row["reason"], model: row["model"],
                positivePrompt: row["positivePrompt"], negativePrompt: row["negativePrompt"], width: row["width"],
                height: row["height"], seed: seed.flatMap { UInt64($0) }, delivery: row["delivery"],
                requestJSON: row["requestJSON"], cost: row["cost"], favourite: row["favourite"], parentID: row["parentID"],
                lineage: lineage.flatMap(Lineage.init(rawValue:)), tags: tags[id] ?? [], results: results[id] ?? [],
                rating: row["rating"] ?? 0)
        }
    }
}
