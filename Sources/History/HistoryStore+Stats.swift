import Foundation
import GRDB

/// Counts and spend, for `darkroom history stats` and the status line.
package struct HistoryStats: Sendable, Encodable {
    package struct ModelRow: Sendable, Encodable {
        package var model: String
        package var jobs: Int
        package var cost: Double
    }
    package var jobs: Int
    package var images: Int
    package var totalCost: Double
    /// (YYYY-MM-DD in UTC, spend), newest first.
    package var costPerDay: [(String, Double)]
    package var perModel: [ModelRow]

    enum CodingKeys: String, CodingKey { case jobs, images, totalCost, costPerDay, perModel }
    package func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(jobs, forKey: .jobs)
        try c.encode(images, forKey: .images)
        try c.encode(totalCost, forKey: .totalCost)
        try c.encode(Dictionary(costPerDay, uniquingKeysWith: +), forKey: .costPerDay)
        try c.encode(perModel, forKey: .perModel)
    }
}

extension HistoryStore {
    package func stats() throws -> HistoryStats {
        try pool.read { db in
            let jobs = try Int.fetchOne(db, sql: "SELECT count(*) FROM job") ?? 0
            let images = try Int.fetchOne(db, sql: "SELECT count(*) FROM result") ?? 0
            let total = try Double.fetchOne(db, sql: "SELECT coalesce(sum(cost), 0) FROM job") ?? 0
            let days = try Row.fetchAll(db, sql: """
                SELECT date(createdAt, 'unixepoch') AS day, sum(cost) AS spend FROM job
                WHERE cost IS NOT NULL GROUP BY day ORDER BY day DESC LIMIT 31
                """).map { ($0["day"] as String, $0["spend"] as Double) }
            let models = try Row.fetchAll(db, sql: """
                SELECT model, count(*) AS n, coalesce(sum(cost), 0) AS spend FROM job GROUP BY model ORDER BY n DESC
                """).map { HistoryStats.ModelRow(model: $0["model"], jobs: $0["n"], cost: $0["spend"]) }
            return HistoryStats(jobs: jobs, images: images, totalCost: total, costPerDay: days, perModel: models)
        }
    }
}

extension HistoryStore {
    /// SQLite's own integrity check; empty when the database is sound.
    package func integrityProblems() throws -> [String] {
        let lines = try pool.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
        return lines == ["ok"] ? [] : lines
    }

    /// Every image path History refers to, with its job.
    package func resultPaths() throws -> [(jobID: Int64, path: String)] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT jobID, path FROM result ORDER BY jobID, idx").map { ($0["jobID"], $0["path"]) }
        }
    }
}
