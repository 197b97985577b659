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

    /// The newest job of each stack matching the query, newest first, with how many matching
    /// jobs its stack holds (`HistoryJob.stackCount`).
    public func searchStacked(_ query: HistoryQuery, limit: Int = 200, offset: Int = 0) throws -> [HistoryJob] {
        let (from, clause, _, arguments) = Self.filter(query)
        return try pool.read { db in
            // Everything: each stack's newest job found by the (variantKey, id) index, newest first,
            // stopping at the page; a search: its matches grouped.
            let tops = query.isEmpty
                ? try Row.fetchAll(db, sql: """
                    SELECT job.id AS top, (SELECT count(*) FROM job j2 WHERE j2.variantKey = job.variantKey) AS n FROM job
                    WHERE NOT EXISTS (SELECT 1 FROM job j2 WHERE j2.variantKey = job.variantKey AND j2.id > job.id)
                    ORDER BY job.id DESC LIMIT \(max(0, limit)) OFFSET \(max(0, offset))
                    """)
                : try Row.fetchAll(db, sql: """
                    SELECT max(job.id) AS top, count(*) AS n FROM \(from) WHERE \(clause)
                    GROUP BY job.variantKey ORDER BY top DESC LIMIT \(max(0, limit)) OFFSET \(max(0, offset))
                    """, arguments: arguments)
            guard !tops.isEmpty else { return [] }
            let counts = Dictionary(tops.map { ($0["top"] as Int64, $0["n"] as Int) }, uniquingKeysWith: { a, _ in a })
            let marks = counts.keys.map { _ in "?" }.joined(separator: ",")
            return try Self.jobs(db, where: "job.id IN (\(marks))", order: "job.id DESC", arguments: StatementArguments(Array(counts.keys)))
                .map { job in
                    var job = job
                    job.stackCount = counts[job.id] ?? 1
                    return job
                }
        }
    }

    /// How many jobs match, and in how many stacks.
    public func countStacked(matching query: HistoryQuery) throws -> (jobs: Int, stacks: Int) {
        let (from, clause, _, arguments) = Self.filter(query)
        return try pool.read { db in
            let row = try Row.fetchOne(db, sql: "SELECT count(*) AS jobs, count(DISTINCT job.variantKey) AS stacks FROM \(from) WHERE \(clause)",
                                       arguments: arguments)
            return (row?["jobs"] ?? 0, row?["stacks"] ?? 0)
        }
    }
}
