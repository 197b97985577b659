import Foundation
import Generation
import History
import Imaging
import Preview
import RunwareAPI
import Synchronization

/// The studio's edges: the API, History, the file system and the thumbnailer. The app calls
/// them off the UI thread; tests can give their own.
public protocol StudioServices: Sendable {
    /// Runs one job to the end; throws `JobFailure`.
    func run(_ request: ImageInferenceRequest, parent: JobParent?, events: @escaping @Sendable (JobEvent) -> Void) async throws
    /// Models of `kind` matching `query`, made for `architecture` when it is given, and how many
    /// entries of the answer were malformed and left out.
    func searchModels(query: String, kind: ModelKind, architecture: String?) async throws -> (results: [ModelEntry], skipped: Int)
    func listFolder(_ path: String) throws -> [FileEntry]
    func thumbnail(_ key: ThumbnailKey) throws -> CellGrid
    /// From comparable jobs in History, else the model's published price.
    func estimate(_ key: EstimateKey) async throws -> CostEstimate
    func spendToday() throws -> Double
    /// The account's balance in USD (`accountManagement`), nil when the API gives none.
    func balance() async throws -> Double?
    func promptHistory() throws -> [String]
    /// One page of the jobs matching a History query, and how many match in all.
    /// Stacked: the newest job of each stack, `total` counting stacks and `matching` the jobs.
    func historyPage(query: String, page: Int, stacked: Bool) throws -> (total: Int, jobs: [HistoryJob], matching: Int?)
    func setFavourite(_ id: Int64, _ on: Bool) throws
    /// Removes the job and its image files; says which files went and which could not be removed.
    func delete(_ id: Int64, userFiles: UserFiles) throws -> JobDeletion
    func tag(_ id: Int64, add: [String], remove: [String]) throws
    func export(_ id: Int64, to folder: String) throws -> JobExport.Outcome
    func lineage(of id: Int64) throws -> LineageTree
    /// The task object an image file's metadata holds (ours or another tool's `parameters`).
    /// Local file paths, webhook and upload URLs it names are left out, and said so in `note`.
    func taskObject(fromImage path: String) throws -> (object: [String: JSONValue], note: String?)?
    /// The sweep's pictures in one PNG per page with its axis labels; returns their paths.
    func saveSweep(_ sweep: SweepGrid) throws -> [String]
    /// Runs a batch action; answers the line that says what it did.
    func apply(_ batch: HistoryBatch) throws -> String
    /// The jobs a target names now and how many image files they hold (asked before a delete).
    /// The jobs a batch delete would remove, how many of Darkroom's files, and the user's own files it would leave.
    func measure(_ target: HistoryBatch.Target) throws -> (ids: [Int64], files: Int, userFiles: [String])
    func savedSearches() throws -> [String: String]
    func saveSearch(name: String, query: String) throws
    /// History's data version: a change means another process wrote.
    func historyVersion() throws -> Int
}

/// The real thing: JobRunner against the chosen target, History in SQLite, chafa thumbnails.
public struct LiveServices: StudioServices {
    public let runner: JobRunner
    public let history: HistoryStore?
    public let folder: URL
    public let thumbnailer: Thumbnailer
    public let previewOptions: PreviewOptions
    /// Where sweeps saved as one PNG go (not the images folder, which holds History's files only).
    public let sweepFolder: URL
    let now: @Sendable () -> Date

    public init(runner: JobRunner, history: HistoryStore?, folder: URL, thumbnailer: Thumbnailer, previewOptions: PreviewOptions,
                sweepFolder: URL? = nil, now: @escaping @Sendable () -> Date = { Date() }) {
        self.sweepFolder = sweepFolder ?? folder.appendingPathComponent("sweeps")
        self.runner = runner
        self.history = history
        self.folder = folder
        self.thumbnailer = thumbnailer
        self.previewOptions = previewOptions
        self.now = now
    }

    public func run(_ request: ImageInferenceRequest, parent: JobParent?, events: @escaping @Sendable (JobEvent) -> Void) async throws {
        _ = try await runner.run(request, into: folder, parent: parent, events: events)
    }

    public func searchModels(query: String, kind: ModelKind, architecture: String?) async throws -> (results: [ModelEntry], skipped: Int) {
        guard let request = kind.search(query, architecture: architecture) else { return (ModelKind.ipAdapters(matching: query), 0) }
        let found = try await runner.client.modelSearch(request)
        return (found.results, found.skipped)
    }

    public func listFolder(_ path: String) throws -> [FileEntry] {
        let url = URL(fileURLWithPath: path, isDirectory: true)
        let names = try FileManager.default.contentsOfDirectory(atPath: path)
        var entries: [FileEntry] = []
        for name in names where !name.hasPrefix(".") {
            let values = try? url.appendingPathComponent(name).resourceValues(forKeys: [.isDirectoryKey, .fileSizeKey])
            let isDirectory = values?.isDirectory ?? false
            let ext = (name as NSString).pathExtension.lowercased()
            guard isDirectory || FilePicker.imageExtensions.contains(ext) else { continue }
            entries.append(FileEntry(name: name, isDirectory: isDirectory, bytes: values?.fileSize ?? 0))
        }
        return entries.sorted { a, b in
            a.isDirectory != b.isDirectory ? a.isDirectory : a.name.localizedStandardCompare(b.name) == .orderedAscending
        }
    }

    public func thumbnail(_ key: ThumbnailKey) throws -> CellGrid {
        try thumbnailer.cells(forFile: key.path, columns: key.columns, rows: key.rows, options: previewOptions)
    }

    public func estimate(_ key: EstimateKey) async throws -> CostEstimate {
        if let history, let found = try history.costPerImage(model: key.model, width: key.width, height: key.height, steps: key.steps) {
            return .perImage(found.cost, samples: found.jobs)
        }
        guard let price = try await publishedPrice(key.model) else { return .unknown }
        return .published(price)
    }

    /// Each model's published price, asked of the content service once.
    private let prices = PriceCache()

    private func publishedPrice(_ model: String) async throws -> Double? {
        let client = runner.client
        return try await prices.price(of: model) { try await client.pricing(model: model)?.pricePerImage }
    }

    public func balance() async throws -> Double? {
        try await runner.client.accountDetails().balance
    }

    public func spendToday() throws -> Double {
        guard let history else { return 0 }
        return try history.spend(since: Calendar.current.startOfDay(for: now()))
    }

    public func promptHistory() throws -> [String] {
        try history?.recentPrompts() ?? []
    }

    public func historyPage(query: String, page: Int, stacked: Bool) throws -> (total: Int, jobs: [HistoryJob], matching: Int?) {
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

    public func setFavourite(_ id: Int64, _ on: Bool) throws {
        try history?.setFavourite(id, on)
    }

    public func tag(_ id: Int64, add: [String], remove: [String]) throws {
        try history?.tag(id, add: add, remove: remove)
    }

    public func export(_ id: Int64, to folder: String) throws -> JobExport.Outcome {
        guard let history else { return .init() }
        return try history.export(id, to: URL(fileURLWithPath: folder))
    }

    public func lineage(of id: Int64) throws -> LineageTree {
        guard let history else { throw HistoryError.noSuchJob(id) }
        let job = try history.job(id)
        // A deleted parent leaves the tree without its top; any other failure is reported.
        var parent: HistoryJob?
        if let parentID = job.parentID {
            do { parent = try history.job(parentID) } catch HistoryError.noSuchJob { parent = nil }
        }
        return LineageTree(parent: parent, job: job, children: try history.children(of: id))
    }

    public func taskObject(fromImage path: String) throws -> (object: [String: JSONValue], note: String?)? {
        let data = try ImageFile.read(path)
        let (texts, cut) = ImageText.readNotingCuts(data)
        guard let request = ImageMetadata.request(fromTexts: texts) else { return nil }
        let (safe, dropped) = OutsideRequest.defused(request)
        let notes = [ImageText.cutNote(cut), OutsideRequest.note(dropped), ImageMetadata.outsideModelNote(safe)].compactMap { $0 }
        return (GenerateForm.document(from: safe), notes.isEmpty ? nil : notes.joined(separator: "; "))
    }

    /// A sweep sheet's cell at most this many pixels a side, and the sheet's longest side at most `sweepSheetCap`.
    public static let sweepCellCap = 1024
    public static let sweepSheetCap = 8192

    public func saveSweep(_ sweep: SweepGrid) throws -> [String] {
        // Each cell at the results' own resolution (up to the caps), not the 256 px thumbnails.
        let paths = sweep.cells.compactMap(\.path)
        let largest = paths.compactMap { try? ImageFile.dimensions($0) }.map { max($0.width, $0.height) }.max() ?? 256
        let cell = max(64, min(largest, Self.sweepCellCap, Self.sweepSheetCap / max(1, max(sweep.columns, sweep.rows))))
        var title = "sweep of job \(sweep.baseJobID)"
        if let base = try? history?.job(sweep.baseJobID) {
            title += ": " + String(base.positivePrompt.prefix(80))
            if let seed = base.results.first?.seed ?? base.seed { title += "  seed \(seed)" }
        }
        let stamp = Int(now().timeIntervalSince1970)
        try FileManager.default.createDirectory(at: sweepFolder, withIntermediateDirectories: true)
        var saved: [String] = []
        for page in 0..<sweep.pages {
            let grid: [[RGBAImage?]] = (0..<sweep.rows).map { r in
                (0..<sweep.columns).map { c in
                    sweep.cell(page: page, row: r, column: c).path.flatMap { try? ImageFile.thumbnail($0, fitting: cell, cell) }
                }
            }
            let pageTitle = sweep.pages > 1 ? "\(title)  page \(page + 1) of \(sweep.pages): \(sweep.pageLabels[page])" : title
            let sheet = LabelledSheet.compose(grid, columnLabels: sweep.columnLabels, rowLabels: sweep.rowLabels, cell: cell, title: pageTitle)
            let name = "sweep-job\(sweep.baseJobID)-\(stamp)" + (sweep.pages > 1 ? "-page\(page + 1)" : "") + ".png"
            let file = sweepFolder.appendingPathComponent(name)
            try AtomicFile.write(try ImageEncoder.encode(sheet, as: .png), to: file)
            saved.append(file.path)
        }
        return saved
    }

    public func delete(_ id: Int64, userFiles: UserFiles) throws -> JobDeletion {
        guard let history else { throw HistoryError.noSuchJob(id) }
        return try history.delete(id, userFiles: userFiles)
    }

    public func measure(_ target: HistoryBatch.Target) throws -> (ids: [Int64], files: Int, userFiles: [String]) {
        guard let history else { return ([], 0, []) }
        let ids = try ids(target, history)
        let files = try history.files(of: ids)
        return (ids, files.filter(\.owned).count, files.filter { !$0.owned }.map(\.path))
    }

    private func ids(_ target: HistoryBatch.Target, _ history: HistoryStore) throws -> [Int64] {
        switch target {
        case .jobs(let ids): ids
        case .search(let text): try history.ids(matching: history.parse(text))
        }
    }

    public func apply(_ batch: HistoryBatch) throws -> String {
        guard let history else { return "History is not kept in this session" }
        let ids = try ids(batch.target, history)
        let jobs = "\(counted(ids.count, "job"))"
        guard !ids.isEmpty else { return "no job to change" }
        switch batch.action {
        case .rate(let n):
            try history.rate(ids, n)
            return n == 0 ? "took the rating from \(jobs)" : ids.count == 1 ? "job \(ids[0]) rated \(n)" : "rated \(jobs) \(n)"
        case .favourite(let on):
            try history.setFavourite(ids, on)
            return on ? "\(jobs) marked favourite" : "\(jobs) no longer favourite"
        case .tag(let add, let remove):
            try history.tag(ids, add: add, remove: remove)
            return "tagged \(jobs)" + (add.isEmpty ? "" : ": +" + add.joined(separator: " +")) + (remove.isEmpty ? "" : " -" + remove.joined(separator: " -"))
        case .export(let folder):
            var written = 0, missing = 0
            for id in ids {
                let outcome = try history.export(id, to: URL(fileURLWithPath: folder))
                written += outcome.written.count
                missing += outcome.missing.count
            }
            return "exported \(jobs): \(counted(written, "file")) in \(folder)"
                + (missing > 0 ? "; \(missing) image file\(missing == 1 ? " is" : "s are") missing" : "")
        case .delete(let userFiles):
            return try history.delete(ids, userFiles: userFiles).summary
        }
    }

    public func savedSearches() throws -> [String: String] {
        Dictionary((try history?.savedSearches() ?? []).map { ($0.name, $0.query) }, uniquingKeysWith: { a, _ in a })
    }

    public func saveSearch(name: String, query: String) throws {
        try history?.saveSearch(name, query: query)
    }

    public func historyVersion() throws -> Int {
        try history?.dataVersion() ?? 0
    }
}
