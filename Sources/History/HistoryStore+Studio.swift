import Foundation
import GRDB

/// Figures the studio shows while a request is edited: past prompts, comparable costs, spend.
extension HistoryStore {
    /// Every distinct prompt sent, newest first.
    package func recentPrompts(limit: Int = 2000) throws -> [String] {
        try pool.read { db in
            try String.fetchAll(db, sql: """
                SELECT positivePrompt FROM job GROUP BY positivePrompt ORDER BY max(id) DESC LIMIT ?
                """, arguments: [limit])
        }
    }

    /// The mean recorded cost per image of finished jobs with this model, size and steps (steps
    /// left out matches steps left out), and how many jobs it comes from; nil when none.
    package func costPerImage(model: String, width: Int?, height: Int?, steps: Int?) throws -> (cost: Double, jobs: Int)? {
        try pool.read { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT sum(r.cost) AS total, count(r.cost) AS images, count(DISTINCT j.id) AS jobs
                FROM job j JOIN result r ON r.jobID = j.id
                WHERE j.model = ? AND j.width IS ? AND j.height IS ?
                  AND json_extract(j.requestJSON, '$.steps') IS ? AND r.cost IS NOT NULL
                """, arguments: [model, width, height, steps])
            guard let row, let images: Int = row["images"], images > 0, let total: Double = row["total"] else { return nil }
            return (total / Double(images), row["jobs"])
        }
    }

    /// What jobs created since `start` cost.
    package func spend(since start: Date) throws -> Double {
        try pool.read { db in
            try Double.fetchOne(db, sql: "SELECT coalesce(sum(cost), 0) FROM job WHERE createdAt >= ?",
                                arguments: [start.timeIntervalSince1970]) ?? 0
        }
    }
}
