import Foundation
import History
import RunwareAPI

/// What the History screen shows under its search line: one thing at a time.
package enum HistoryPane: Sendable, Equatable {
    /// The contact sheet or the list.
    case browse
    /// The sheet or list, with keys going to the search line.
    case search
    case detail(JobDetail)
    case lineage(LineageTree)
    case compare(Comparison)
    /// The last sweep's sheet (the sweep itself is `HistoryBrowser.sweep`).
    case sweep
    /// The selected job's picture as large as the screen allows; moving the selection moves it.
    case loupe

    /// The key contexts that take keys in this pane, most specific first.
    package var keyContexts: [KeyContext] {
        switch self {
        case .browse: [.history, .global]
        case .search: [.historySearch, .text, .global]
        case .detail: [.detail, .history, .global]
        case .lineage: [.lineage, .list, .global]
        case .compare: [.compare, .global]
        case .sweep: [.sweep, .history, .global]
        case .loupe: [.loupe, .history, .global]
        }
    }

    package var takesText: Bool { self == .search }
}

/// One job in full: every parameter of the request, the results and what the API answered for
/// each, as label and value lines made when the detail opens.
package struct JobDetail: Sendable, Equatable {
    package struct Line: Sendable, Equatable {
        package var label: String
        package var value: String
    }

    package var row: HistoryRow
    package var lines: [Line]
    package var scroll = 0

    package init(_ row: HistoryRow) {
        self.row = row
        let job = row.job
        var lines = [
            Line(label: "job", value: "#\(job.id)" + (job.favourite ? " ♥ favourite" : "") + (job.tags.isEmpty ? "" : "  tags: " + job.tags.joined(separator: ", "))),
            Line(label: "rating", value: job.rating > 0 ? String(repeating: "★", count: job.rating) + String(repeating: "☆", count: 5 - job.rating)
                 : "not rated (0-5 rate it)"),
            Line(label: "status", value: job.status.rawValue + (job.reason.map { ": \($0)" } ?? "")),
        ]
        if let parent = job.parentID { lines.append(Line(label: "from", value: "\(job.lineage?.rawValue ?? "child") of job \(parent)")) }
        if let cost = job.cost { lines.append(Line(label: "cost", value: String(format: "$%.4f", cost))) }
        lines.append(Line(label: "", value: ""))
        // Every value, nested ones by their path (each LoRA's model and weight, each feature's settings).
        for (path, value) in RequestPaths.flatten(row.request ?? [:]) {
            lines.append(Line(label: path, value: value))
        }
        for result in job.results {
            lines.append(Line(label: "", value: ""))
            lines.append(Line(label: "image \(result.index + 1)", value: (result.path as NSString).lastPathComponent))
            if let seed = result.seed { lines.append(Line(label: "  seed", value: String(seed))) }
            if let w = result.width, let h = result.height { lines.append(Line(label: "  size", value: "\(w)x\(h) \(result.format)")) }
            if let cost = result.cost { lines.append(Line(label: "  cost", value: String(format: "$%.4f", cost))) }
            if result.nsfw == true { lines.append(Line(label: "  content", value: "flagged NSFW by the content checker")) }
            // The rest of what the API answered for this image.
            if let response = result.response {
                for key in response.keys.sorted() where !["seed", "cost", "taskType", "taskUUID"].contains(key) {
                    lines.append(Line(label: "  " + key, value: GenerateForm.display(response[key]!)))
                }
            }
        }
        self.lines = lines
    }
}

/// Two jobs side by side: every parameter of either request, and whether they differ.
package struct Comparison: Sendable, Equatable {
    package struct Row: Sendable, Equatable {
        package var name: String
        package var a: String
        package var b: String
        package var differs: Bool { a != b }
    }

    package var a: HistoryJob
    package var b: HistoryJob
    package var rows: [Row]

    package init(_ first: HistoryRow, _ second: HistoryRow) {
        a = first.job
        b = second.job
        let oa = first.request ?? [:], ob = second.request ?? [:]
        var rows = [Row(name: "job", a: "#\(a.id)", b: "#\(b.id)"), Row(name: "status", a: a.status.rawValue, b: b.status.rawValue),
                    Row(name: "result seed", a: a.results.first?.seed.map(String.init) ?? "-", b: b.results.first?.seed.map(String.init) ?? "-")]
        // Nested values by path, so two jobs that differ only in a LoRA's weight are marked there.
        let fa = Dictionary(RequestPaths.flatten(oa).map { ($0.path, $0.value) }, uniquingKeysWith: { a, _ in a })
        let fb = Dictionary(RequestPaths.flatten(ob).map { ($0.path, $0.value) }, uniquingKeysWith: { a, _ in a })
        for path in Set(fa.keys).union(fb.keys).sorted() {
            rows.append(Row(name: path, a: fa[path] ?? "(default)", b: fb[path] ?? "(default)"))
            // The prompts' changed words, when they differ.
            if (path == "positivePrompt" || path == "negativePrompt"), let pa = fa[path], let pb = fb[path], pa != pb {
                let words = WordDiff.diff(pa, pb)
                rows.append(Row(name: "  words", a: words.filter { $0.change == .removed }.map { "-" + $0.word }.joined(separator: " "),
                                b: words.filter { $0.change == .added }.map { "+" + $0.word }.joined(separator: " ")))
            }
        }
        self.rows = rows
    }
}
