import Foundation
import GRDB
import RunwareAPI

/// Stacks: jobs whose requests differ only in seed (variations, re-runs, more results of the same
/// request) share a `variantKey`, and the History screen shows them as one cell with a count.
extension HistoryStore {
    /// The request without what a variation changes (taskUUID, seed, numberResults), as sorted
    /// JSON, hashed (64-bit FNV-1a, hex): equal for jobs of one stack.
    static func variantKey(_ requestJSON: String) -> String {
        guard var object = (try? JSONValue.parse(Data(requestJSON.utf8)))?.objectValue else { return "unreadable:" + requestJSON }
        for key in ["taskUUID", "seed", "numberResults"] { object[key] = nil }
        let canonical = (try? RunwareJSON.encode(JSONValue.object(object))).map { String(decoding: $0, as: UTF8.self) } ?? requestJSON
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in canonical.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return String(hash, radix: 16)
    }

    /// Each stack matching the query, newest first (by its newest matching job), as its cover:
    /// the newest matching job with a picture, else the newest (a cancelled or failed re-run
    /// never hides the stack's pictures), with how many matching jobs it holds (`stackCount`).
    package func searchStacked(_ query: HistoryQuery, limit: Int = 200, offset: Int = 0) throws -> [HistoryJob] {
        let (from, clause, _, arguments) = Self.filter(query)
        return try pool.read { db in
            // Everything: each stack's newest job found by the (variantKey, id) index, newest first,
            // stopping at the page; a search: its matches grouped.
            let tops = query.isEmpty
                ? try Row.fetchAll(db, sql: """
                    SELECT job.id AS top, job.variantKey AS stack,
                           (SELECT count(*) FROM job j2 WHERE j2.variantKey = job.variantKey) AS n FROM job
                    WHERE NOT EXISTS (SELECT 1 FROM job j2 WHERE j2.variantKey = job.variantKey AND j2.id > job.id)
                    ORDER BY job.id DESC LIMIT \(max(0, limit)) OFFSET \(max(0, offset))
                    """)
                : try Row.fetchAll(db, sql: """
                    SELECT max(job.id) AS top, job.variantKey AS stack, count(*) AS n FROM \(from) WHERE \(clause)
                    GROUP BY job.variantKey ORDER BY top DESC LIMIT \(max(0, limit)) OFFSET \(max(0, offset))
                    """, arguments: arguments)
            guard !tops.isEmpty else { return [] }
            let topIDs: [Int64] = tops.map { $0["top"] }
            let withPicture = Set(try Int64.fetchAll(db, sql: "SELECT DISTINCT jobID FROM result WHERE jobID IN (\(Self.marks(topIDs.count)))",
                                                     arguments: StatementArguments(topIDs)))
            // A stack whose newest job has no picture is shown by its newest (matching) job that has one.
            var covers: [(id: Int64, stack: String, count: Int)] = []
            for row in tops {
                let top: Int64 = row["top"], stack: String = row["stack"], count: Int = row["n"]
                guard !withPicture.contains(top), count > 1 else {
                    covers.append((top, stack, count))
                    continue
                }
                let pictured = try Int64.fetchOne(db, sql: """
                    SELECT job.id FROM \(from) WHERE (\(clause)) AND job.variantKey = ? AND job.id < ?
                      AND EXISTS (SELECT 1 FROM result WHERE result.jobID = job.id)
                    ORDER BY job.id DESC LIMIT 1
                    """, arguments: arguments + [stack, top])
                covers.append((pictured ?? top, stack, count))
            }
            let byID = Dictionary(try Self.jobs(db, where: "job.id IN (\(Self.marks(covers.count)))", order: "job.id DESC",
                                                arguments: StatementArguments(covers.map(\.id))).map { ($0.id, $0) },
                                  uniquingKeysWith: { a, _ in a })
            return covers.compactMap { cover in
                guard var job = byID[cover.id] else { return nil }
                job.stackCount = cover.count
                job.stackKey = cover.stack
                return job
            }
        }
    }

    /// `count` SQL placeholders, comma-separated.
    static func marks(_ count: Int) -> String { Array(repeating: "?", count: count).joined(separator: ",") }

    /// How many jobs match, and in how many stacks.
    package func countStacked(matching query: HistoryQuery) throws -> (jobs: Int, stacks: Int) {
        let (from, clause, _, arguments) = Self.filter(query)
        return try pool.read { db in
            let row = try Row.fetchOne(db, sql: "SELECT count(*) AS jobs, count(DISTINCT job.variantKey) AS stacks FROM \(from) WHERE \(clause)",
                                       arguments: arguments)
            return (row?["jobs"] ?? 0, row?["stacks"] ?? 0)
        }
    }
}
