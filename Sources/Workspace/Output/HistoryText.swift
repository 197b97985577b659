import Foundation
import History
import RunwareAPI
import TerminalUI

/// History jobs as the `history` subcommands print them: a table, one job's details, or one
/// JSON line per job. Outside text (prompts, paths) is sanitized here and again by the console.
package enum HistoryText {
    /// The table of `history list` and `search` (or JSON lines); no jobs is a note.
    package static func list(_ jobs: [HistoryJob], json: Bool) -> [ReportLine] {
        if json { return jobs.map { .json(jsonLine($0)) } }
        if jobs.isEmpty { return [.note("no jobs")] }
        return [.out("   ID  DATE              STATUS       SIZE       N  RATE  PROMPT")] + jobs.map { .out(row($0)) }
    }

    /// One job's table row: `*` after the id marks a favourite, RATE is 1-5 or `-` for unrated.
    static func row(_ job: HistoryJob) -> String {
        let size = job.width.map { "\($0)x\(job.height ?? 0)" } ?? "-"
        let missing = job.results.contains { !FileManager.default.fileExists(atPath: $0.path) } ? " [missing files]" : ""
        let fav = job.favourite ? "*" : " "
        func pad(_ s: String, _ n: Int) -> String { s.padding(toLength: max(n, s.count), withPad: " ", startingAt: 0) }
        let id = String(job.id)
        let line = String(repeating: " ", count: max(0, 5 - id.count)) + id + fav + " " + date(job.createdAt) + "  "
            + pad(job.status.rawValue, 11) + "  " + pad(size, 9) + " " + pad(String(job.results.count), 2) + "  "
            + pad(job.rating > 0 ? String(job.rating) : "-", 4) + "  "
        return line + SafeText.line(String(job.positivePrompt.prefix(60))) + missing
    }

    /// `history show`: one `label value` line per fact the job has.
    package static func detail(_ job: HistoryJob) -> [ReportLine] {
        var lines: [ReportLine] = []
        func row(_ k: String, _ v: String?) { if let v { lines.append(.out(k.padding(toLength: 10, withPad: " ", startingAt: 0) + SafeText.line(v))) } }
        row("job", "\(job.id)  \(job.taskUUID)")
        row("status", job.status.rawValue + (job.reason.map { ": \($0)" } ?? ""))
        row("created", date(job.createdAt))
        row("model", job.model)
        row("prompt", job.positivePrompt)
        row("negative", job.negativePrompt)
        row("size", job.width.map { "\($0)x\(job.height ?? 0)" })
        row("seed", job.seed.map(String.init))
        row("rating", job.rating > 0 ? String(repeating: "★", count: job.rating) + " (\(job.rating) of 5)" : nil)
        row("cost", job.cost.map { String(format: "$%.4f", $0) })
        row("favourite", job.favourite ? "yes" : nil)
        row("tags", job.tags.isEmpty ? nil : job.tags.joined(separator: ", "))
        row("parent", job.parentID.map { "\($0) (\(job.lineage?.rawValue ?? "?"))" })
        for r in job.results {
            let exists = FileManager.default.fileExists(atPath: r.path) ? "" : "  [missing]"
            let flagged = r.nsfw == true ? "  [flagged NSFW]" : ""
            row("image \(r.index + 1)", "\(r.path)  seed \(r.seed.map(String.init) ?? "?")\(flagged)\(exists)")
        }
        row("request", job.requestJSON)
        return lines
    }

    /// One job as a JSON object on one line; the recorded task object, or its raw text when it cannot be read.
    package static func jsonLine(_ job: HistoryJob) -> String {
        var o: [String: JSONValue] = [
            "id": .int(job.id), "taskUUID": .string(job.taskUUID), "status": .string(job.status.rawValue),
            "createdAt": .string(ISO8601DateFormatter().string(from: job.createdAt)), "model": .string(job.model),
            "positivePrompt": .string(job.positivePrompt), "favourite": .bool(job.favourite), "rating": .int(Int64(job.rating)),
            "tags": .array(job.tags.map(JSONValue.string)),
            "request": job.taskObject.map(JSONValue.object) ?? .string(job.requestJSON),
            "results": .array(job.results.map { r in
                .object(["index": .int(Int64(r.index)), "path": .string(r.path), "seed": r.seed.map { .uint($0) } ?? .null,
                         "format": .string(r.format), "missing": .bool(!FileManager.default.fileExists(atPath: r.path)),
                         "nsfw": r.nsfw.map(JSONValue.bool) ?? .null])
            }),
        ]
        // Every key on every line (null when there is nothing), so a script reads one shape.
        o["reason"] = job.reason.map(JSONValue.string) ?? .null
        o["cost"] = job.cost.map { .double(JSONValue.money($0)) } ?? .null
        o["parentID"] = job.parentID.map(JSONValue.int) ?? .null
        o["lineage"] = job.lineage.map { .string($0.rawValue) } ?? .null
        // Encoding a JSONValue built from strings and numbers cannot fail; "{}" keeps the line count if it ever did.
        return (try? RunwareJSON.encode(JSONValue.object(o))).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// `history stats`: the totals, then the spend per day and per model.
    package static func stats(_ stats: HistoryStats) -> [ReportLine] {
        var lines: [ReportLine] = [.out("jobs: \(stats.jobs)   images: \(stats.images)   spend: $\(String(format: "%.4f", stats.totalCost))")]
        for (day, cost) in stats.costPerDay { lines.append(.out("  \(day)  $\(String(format: "%.4f", cost))")) }
        for m in stats.perModel { lines.append(.out("  \(SafeText.line(m.model))  \(m.jobs) jobs  $\(String(format: "%.4f", m.cost))")) }
        return lines
    }

    static func date(_ d: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.dateFormat = "yyyy-MM-dd HH:mm"
        return f.string(from: d)
    }
}
