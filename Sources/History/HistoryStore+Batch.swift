import Foundation
import GRDB
import RunwareAPI

/// Ratings, saved searches, and the actions that apply to many jobs at once (the marked ones, or
/// every job of a search): each is one transaction, so another process sees all or nothing.
extension HistoryStore {
    /// Rates every job given; a rating outside 0-5 or a job that is not there is refused whole.
    package func rate(_ ids: [Int64], _ rating: Int) throws {
        guard (0...5).contains(rating) else { throw HistoryError.badRating(rating) }
        try write { db in
            for id in ids {
                try db.execute(sql: "UPDATE job SET rating = ? WHERE id = ?", arguments: [rating, id])
                if db.changesCount == 0 { throw HistoryError.noSuchJob(id) }
            }
        }
    }

    package func setFavourite(_ ids: [Int64], _ on: Bool) throws {
        try write { db in
            for id in ids {
                try db.execute(sql: "UPDATE job SET favourite = ? WHERE id = ?", arguments: [on, id])
                if db.changesCount == 0 { throw HistoryError.noSuchJob(id) }
            }
        }
    }

    package func tag(_ ids: [Int64], add: [String] = [], remove: [String] = []) throws {
        try write { db in
            for id in ids {
                guard try Int.fetchOne(db, sql: "SELECT 1 FROM job WHERE id = ?", arguments: [id]) != nil else {
                    throw HistoryError.noSuchJob(id)
                }
                for t in add { try db.execute(sql: "INSERT OR IGNORE INTO tag (jobID, name) VALUES (?, ?)", arguments: [id, t]) }
                for t in remove { try db.execute(sql: "DELETE FROM tag WHERE jobID = ? AND name = ?", arguments: [id, t]) }
            }
        }
    }

    /// The ids of every job the query matches, newest first (what a batch action applies to).
    package func ids(matching query: HistoryQuery) throws -> [Int64] {
        let (from, clause, order, arguments) = Self.filter(query)
        return try pool.read { db in
            try Int64.fetchAll(db, sql: "SELECT job.id FROM \(from) WHERE \(clause) ORDER BY \(order)", arguments: arguments)
        }
    }

    /// The ids given that are not in History (a batch action refuses them all before it changes anything).
    package func missing(_ ids: [Int64]) throws -> [Int64] {
        let present: Set<Int64> = try pool.read { db in
            var found: Set<Int64> = []
            for chunk in Array(Set(ids)).chunked(500) {
                let marks = chunk.map { _ in "?" }.joined(separator: ",")
                found.formUnion(try Int64.fetchAll(db, sql: "SELECT id FROM job WHERE id IN (\(marks))", arguments: StatementArguments(chunk)))
            }
            return found
        }
        var seen: Set<Int64> = []
        return ids.filter { !present.contains($0) && seen.insert($0).inserted }
    }

    // MARK: Saved searches

    /// Keeps a search under a name (letters, digits, `-`, `_`); a name already kept is replaced.
    package func saveSearch(_ name: String, query: String) throws {
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
            throw HistoryError.badQuery("a saved search's name is letters, digits, - and _ (\"\(name)\" is not)")
        }
        _ = try HistoryQuery.parse(query) { try? self.savedSearch($0) }
        try pool.write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO saved_search (name, query, createdAt) VALUES (?, ?, ?)",
                           arguments: [name, query, now().timeIntervalSince1970])
        }
    }

    package func savedSearch(_ name: String) throws -> String? {
        try pool.read { db in try String.fetchOne(db, sql: "SELECT query FROM saved_search WHERE name = ?", arguments: [name]) }
    }

    /// Every saved search, by name.
    package func savedSearches() throws -> [(name: String, query: String)] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT name, query FROM saved_search ORDER BY name").map { ($0["name"], $0["query"]) }
        }
    }

    package func forgetSearch(_ name: String) throws {
        try pool.write { db in
            try db.execute(sql: "DELETE FROM saved_search WHERE name = ?", arguments: [name])
            if db.changesCount == 0 { throw HistoryError.badQuery("no saved search called @\(name)") }
        }
    }

    /// A query's text parsed with this History's saved searches for `@name`.
    package func parse(_ text: String, typing: Bool = false) throws -> HistoryQuery {
        try HistoryQuery.parse(text, typing: typing) { try? self.savedSearch($0) }
    }
}

/// What a batch delete did: jobs and files removed, already gone, or not removable (named).
package struct BatchDeletion: Sendable, Equatable {
    package var jobs = 0
    package var jobsAlreadyGone = 0
    package var removed = 0
    package var alreadyGone = 0
    package var failed: [FileRemovalFailure] = []
    /// Files left where they are: the user's own, or another job's too.
    package var kept: [KeptFile] = []

    package init() {}

    package var summary: String {
        var text = "deleted \(counted(jobs, "job")) and \(counted(removed, "image file"))"
        if jobsAlreadyGone > 0 { text += "; \(jobsAlreadyGone) job\(jobsAlreadyGone == 1 ? " was" : "s were") already gone" }
        if alreadyGone > 0 { text += "; \(alreadyGone) file\(alreadyGone == 1 ? " was" : "s were") already gone" }
        if !failed.isEmpty { text += "; \(failed.count) could not be removed: " + failed.map(\.description).joined(separator: "; ") }
        if kept.count <= 3 {
            if !kept.isEmpty { text += "; " + kept.map(\.description).joined(separator: "; ") }
        } else {
            let own = kept.filter { $0.why == .usersOwn }.count
            if own > 0 { text += "; kept \(counted(own, "of your own file")) (imported where they lie)" }
            if kept.count > own { text += "; kept \(counted(kept.count - own, "file")) other jobs use too" }
        }
        return text
    }
}

extension HistoryStore {
    /// The job whose saved image is at this path, if any (a History image used as an input).
    package func jobID(ofResultPath path: String) throws -> Int64? {
        try pool.read { db in try Int64.fetchOne(db, sql: "SELECT jobID FROM result WHERE path = ? LIMIT 1", arguments: [path]) }
    }

    /// SQLite's `data_version` on this store's writing connection: it changes when another
    /// connection (another Darkroom process) commits. O(1), so an open History screen can ask
    /// twice a second whether to reload, without reading a single row.
    package func dataVersion() throws -> Int {
        try pool.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
    }
}
