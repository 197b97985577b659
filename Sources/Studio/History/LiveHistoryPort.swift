import Foundation
import History
import Imaging

/// The History screen's port on the real store (nil when History is not kept this session)
/// and the folder sweep sheets are saved in.
package struct LiveHistoryPort: HistoryPort {
    package let history: HistoryStore?
    /// Where sweeps saved as one PNG go (not the images folder, which holds History's files only).
    package let sweepFolder: URL
    let now: @Sendable () -> Date

    package init(history: HistoryStore?, sweepFolder: URL, now: @escaping @Sendable () -> Date = { Date() }) {
        self.history = history
        self.sweepFolder = sweepFolder
        self.now = now
    }

    package func page(query: String, page: Int, stacked: Bool) throws -> (total: Int, jobs: [HistoryJob], matching: Int?) {
        guard let history else { return (0, [], nil) }
        let parsed = try history.parse(query, typing: true)
        let size = HistoryBrowser.pageSize
        if stacked {
            let counts = try history.countStacked(matching: parsed)
            return (counts.stacks, try history.searchStacked(parsed, limit: size, offset: page * size),
                    counts.jobs == counts.stacks ? nil : counts.jobs)
        }
        if parsed.isEmpty {
            return (try history.count, try history.list(limit: size, offset: page * size), nil)
        }
        return (try history.count(matching: parsed), try history.search(parsed, limit: size, offset: page * size), nil)
    }

    package func apply(_ batch: HistoryBatch) throws -> BatchOutcome {
        guard let history else { return BatchOutcome(said: "History is not kept in this session") }
        return try history.apply(batch)
    }

    package func measure(_ target: HistoryBatch.Target) throws -> (ids: [Int64], files: Int, userFiles: [String]) {
        guard let history else { return ([], 0, []) }
        let ids = try history.ids(target)
        let files = try history.files(of: ids)
        return (ids, files.filter(\.owned).count, files.filter { !$0.owned }.map(\.path))
    }

    package func lineage(of id: Int64) throws -> LineageTree {
        guard let history else { throw HistoryError.noSuchJob(id) }
        let job = try history.job(id)
        // A deleted parent leaves the tree without its top; any other failure is reported.
        var parent: HistoryJob?
        if let parentID = job.parentID {
            do { parent = try history.job(parentID) } catch HistoryError.noSuchJob { parent = nil }
        }
        return LineageTree(parent: parent, job: job, children: try history.children(of: id))
    }

    package func saveSweep(_ sweep: SweepGrid) throws -> [String] {
        let cell = LabelledSheet.cellSide(forFiles: sweep.cells.compactMap(\.path), columns: sweep.columns, rows: sweep.rows)
        var title = "sweep of job \(sweep.baseJobID)"
        if let base = try? history?.job(sweep.baseJobID) {
            title += ": " + String(base.positivePrompt.prefix(80))
            if let seed = base.results.first?.seed ?? base.seed { title += "  seed \(seed)" }
        }
        let stamp = Int(now().timeIntervalSince1970)
        try FileManager.default.createDirectory(at: sweepFolder, withIntermediateDirectories: true)
        var saved: [String] = []
        for page in 0..<sweep.pages {
            let files = (0..<sweep.rows).map { r in (0..<sweep.columns).map { c in sweep.cell(page: page, row: r, column: c).path } }
            let pageTitle = sweep.pages > 1 ? "\(title)  page \(page + 1) of \(sweep.pages): \(sweep.pageLabels[page])" : title
            let sheet = LabelledSheet.compose(files: files, columnLabels: sweep.columnLabels, rowLabels: sweep.rowLabels,
                                              cell: cell, title: pageTitle)
            let name = "sweep-job\(sweep.baseJobID)-\(stamp)" + (sweep.pages > 1 ? "-page\(page + 1)" : "") + ".png"
            let file = sweepFolder.appendingPathComponent(name)
            try AtomicFile.write(try ImageEncoder.encode(sheet, as: .png), to: file)
            saved.append(file.path)
        }
        return saved
    }

    package func savedSearches() throws -> [String: String] {
        Dictionary((try history?.savedSearches() ?? []).map { ($0.name, $0.query) }, uniquingKeysWith: { a, _ in a })
    }

    package func saveSearch(name: String, query: String) throws {
        try history?.saveSearch(name, query: query)
    }

    package func version() throws -> Int {
        try history?.dataVersion() ?? 0
    }
}
