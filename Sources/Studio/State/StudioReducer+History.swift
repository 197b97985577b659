import Foundation
import History
import RunwareAPI
import TerminalUI

extension StudioReducer {
    func historyKey(_ key: Key, _ state: inout StudioState) -> [StudioEffect] {
        var h = state.history
        defer { if state.screen == .history { keepSelectionVisible(&state) } }
        if let job = h.confirmDelete {
            switch key {
            case .character("y"), .character("Y"):
                state.history.confirmDelete = nil
                state.history.detail = nil
                return [.deleteJob(job.id)]
            case .character("n"), .character("N"), .escape:
                state.history.confirmDelete = nil
                state.notice = "kept job \(job.id)"
            default:
                state.notice = "delete job \(job.id)? y deletes it and its images, n keeps it"
            }
            return []
        }
        if var tree = h.lineage {
            switch key {
            case .escape, .character("l"): state.history.lineage = nil
            case .up: tree.selected = max(0, tree.selected - 1); state.history.lineage = tree
            case .down: tree.selected = min(tree.rows.count - 1, tree.selected + 1); state.history.lineage = tree
            case .enter:
                // Walk on: the chosen job becomes the centre, or opens when it already is.
                let chosen = tree.rows[tree.selected]
                if chosen.id == tree.job.id {
                    state.history.lineage = nil
                    state.history.detail = chosen
                    state.history.detailScroll = 0
                } else {
                    return [.loadLineage(chosen.id)]
                }
            default: break
            }
            return []
        }
        if h.sweepOpen, key == .escape {
            state.history.sweepOpen = false
            return []
        }
        if h.comparing != nil {
            if key == .escape || key == .character("c") || key == .enter { state.history.comparing = nil }
            return []
        }
        if h.editingQuery {
            switch key {
            case .enter, .escape, .tab, .down:
                state.history.editingQuery = false
            default:
                if edit(&h.query, key) {
                    state.history.query = h.query
                    applyQuery(&state)
                }
            }
            return []
        }
        if h.detail != nil {
            switch key {
            case .escape, .enter, .backspace:
                state.history.detail = nil
                return []
            case .up: state.history.detailScroll = max(0, h.detailScroll - 1); return []
            case .down: state.history.detailScroll += 1; return []
            case .pageUp: state.history.detailScroll = max(0, h.detailScroll - 10); return []
            case .pageDown: state.history.detailScroll += 10; return []
            default: break
            }
        }
        if let effects = bound(key, &state) { return effects }
        let layout = HistoryLayout(columns: state.columns, rows: state.rows)
        let perRow = layout.perRow(h.mode), page = layout.pageCount(h.mode)
        let delta: Int? = switch key {
        case .left: -1
        case .right: 1
        case .up: -perRow
        case .down: perRow
        case .pageUp: -page
        case .pageDown: page
        case .home: -Int.max / 2
        case .end: Int.max / 2
        default: nil
        }
        if let delta, let total = h.total, total > 0 {
            state.history.selected = max(0, min(total - 1, h.selected + delta))
        }
        return []
    }

    /// The wheel moves the selection a row; a click selects the job under it (a second click opens it).
    func historyMouse(_ button: MouseButton, x: Int, y: Int, _ state: inout StudioState) -> [StudioEffect] {
        let h = state.history
        guard h.detail == nil, h.lineage == nil, h.comparing == nil, !h.sweepOpen, let total = h.total, total > 0 else { return [] }
        let layout = HistoryLayout(columns: state.columns, rows: state.rows)
        let perRow = layout.perRow(h.mode)
        switch button {
        case .wheelUp, .wheelDown:
            state.history.selected = max(0, min(total - 1, h.selected + (button == .wheelUp ? -perRow : perRow)))
        case .left where layout.body.contains(x, y):
            let index: Int
            if h.mode == .sheet {
                let col = (x - layout.body.x) / HistoryLayout.cellWidth, row = (y - layout.body.y) / HistoryLayout.cellHeight
                guard col < perRow else { return [] }
                index = (h.scroll + row) * perRow + col
            } else {
                guard y > layout.body.y else { return [] }
                index = h.scroll + (y - layout.body.y - 1)
            }
            guard index < total else { return [] }
            if index == h.selected, let job = h.job(at: index) {
                state.history.detail = job
                state.history.detailScroll = 0
            }
            state.history.selected = index
        default: break
        }
        keepSelectionVisible(&state)
        return []
    }

    func applyQuery(_ state: inout StudioState) {
        do {
            _ = try HistoryQuery.parse(state.history.query.text)
            state.history.queryError = nil
            state.history.reload(keepSelection: false)
        } catch {
            state.history.queryError = "\(error)"
        }
    }

    func performHistory(_ action: StudioAction, _ state: inout StudioState) -> [StudioEffect] {
        switch action {
        case .showHistory:
            state.screen = .history
            if state.history.total == nil || state.history.pages.isEmpty { state.history.reload(keepSelection: true) }
        case .showGenerate:
            state.screen = .generate
            state.history.detail = nil
        case .historySearch:
            state.history.editingQuery = true
        case .historyMode:
            state.history.mode = state.history.mode == .sheet ? .list : .sheet
        case .historyOpen:
            state.history.detail = state.history.selectedJob
            state.history.detailScroll = 0
        case .historyFork:
            guard let job = state.history.selectedJob, let object = Self.taskObject(job) else { return [] }
            loadForm(object, &state)
            state.forkedFrom = JobParent(id: job.id, lineage: .fork)
            state.screen = .generate
            state.history.detail = nil
            state.notice = "forked job \(job.id) into the form; the next generation is recorded as its fork"
        case .historyRerun, .historyVariations:
            guard let job = state.history.selectedJob, let object = Self.taskObject(job) else { return [] }
            var form = GenerateForm(document: object)
            if action == .historyVariations, let seed = form.fields.first(where: { $0.path == "seed" }),
               let count = form.fields.first(where: { $0.path == "numberResults" }) {
                // New seeds (each result gets its own), and at least four of them.
                form.set(seed, text: "")
                form.set(count, text: String(max(Self.variationCount, form.draft.resultCount)))
            }
            guard form.issues.isEmpty else {
                state.notice = "job \(job.id) cannot be sent again: \(form.issues[0].description)"
                return []
            }
            let id = state.nextJobID
            state.nextJobID += 1
            state.jobs.append(JobLine(id: id, summary: job.positivePrompt, started: state.now, total: form.draft.resultCount))
            let lineage: Lineage = action == .historyRerun ? .rerun : .variation
            state.notice = "job \(id) sent: \(lineage.rawValue) of job \(job.id)"
            return [.generate(jobID: id, form.draft, parent: JobParent(id: job.id, lineage: lineage))]
        case .historyFavourite:
            guard let job = state.history.selectedJob else { return [] }
            return [.setFavourite(jobID: job.id, !job.favourite)]
        case .historyTag:
            guard let job = state.history.selectedJob else { return [] }
            state.overlay = .input(InputPrompt(.tags(jobID: job.id), title: "Tags for job \(job.id): +name adds, -name removes",
                                               text: job.tags.map { "+" + $0 }.joined(separator: " ")))
        case .historyExport:
            guard let job = state.history.selectedJob else { return [] }
            state.overlay = .input(InputPrompt(.exportFolder(jobID: job.id), title: "Export job \(job.id) to the folder",
                                               text: (state.pickerFolder as NSString).appendingPathComponent("darkroom-export")))
        case .historyOpenFile:
            state.overlay = .files(FilePicker(target: Self.openImageTarget, folder: state.pickerFolder))
            return [.listFolder(state.pickerFolder)]
        case .historyLineage:
            guard let job = state.history.selectedJob else { return [] }
            return [.loadLineage(job.id)]
        case .historyCompare:
            guard let job = state.history.selectedJob else { return [] }
            if let first = state.history.compareMark, first.id != job.id {
                state.history.comparing = (first, job)
                state.history.compareMark = nil
            } else {
                state.history.compareMark = job
                state.notice = "marked job \(job.id); press c on another job to compare"
            }
        case .historySweep:
            guard let job = state.history.selectedJob else { return [] }
            state.overlay = .input(InputPrompt(.sweep(jobID: job.id), title: "Sweep job \(job.id): NAME=values [NAME=values]",
                                               text: "CFGScale=2,4,6 steps=20,28,36"))
        case .sweepSave:
            guard let sweep = state.history.sweep else { return [] }
            state.notice = "saving the sweep…"
            return [.saveSweep(sweep)]
        case .historyDelete:
            guard let job = state.history.selectedJob else { return [] }
            state.history.confirmDelete = job
            let files = job.results.count
            let names = job.results.prefix(2).map { ($0.path as NSString).lastPathComponent }.joined(separator: ", ")
                + (files > 2 ? ", …" : "")
            state.notice = "delete job \(job.id) and its \(files) image file\(files == 1 ? "" : "s")"
                + (files > 0 ? " (\(names))" : "") + "? y/n"
        default:
            break
        }
        return []
    }

    /// Sends one job per cell of a sweep over a History job and opens its sheet.
    func startSweep(_ text: String, over id: Int64, _ state: inout StudioState) -> [StudioEffect] {
        guard let job = state.history.selectedJob, job.id == id, let base = Self.taskObject(job) else { return [] }
        let cells: [(label: String, request: ImageInferenceRequest)]
        let axes: [SweepAxis]
        do {
            axes = try SweepGrid.axes(text, fields: GenerateForm(document: base).fields)
            cells = try SweepGrid.requests(base: base, axes: axes)
        } catch {
            state.notice = "sweep: \(error)"
            return []
        }
        var grid = SweepGrid(baseJobID: id, axes: axes, cells: [])
        var effects: [StudioEffect] = []
        for cell in cells {
            let jobID = state.nextJobID
            state.nextJobID += 1
            state.jobs.append(JobLine(id: jobID, summary: "sweep \(cell.label)", started: state.now, total: cell.request.resultCount))
            grid.cells.append(SweepCell(jobID: jobID, label: cell.label))
            effects.append(.generate(jobID: jobID, cell.request, parent: JobParent(id: id, lineage: .sweep)))
        }
        state.history.sweep = grid
        state.history.sweepOpen = true
        state.history.detail = nil
        state.notice = "sweep of job \(id): \(cells.count) jobs sent"
        return effects
    }

    /// How many images "variations" asks for (more when the job already had more).
    static let variationCount = 4

    /// The file picker's target when it opens an image to fork rather than filling a field.
    static let openImageTarget: JSONPath = "ui.openImage"

    /// The task object a job's request JSON holds, without its taskUUID and taskType.
    static func taskObject(_ job: HistoryJob) -> [String: JSONValue]? {
        guard var object = job.taskObject else { return nil }
        object["taskUUID"] = nil
        object["taskType"] = nil
        return object
    }

    func loadForm(_ object: [String: JSONValue], _ state: inout StudioState) {
        state.form.replace(with: object)
        state.prompt.setText(object["positivePrompt"]?.stringValue ?? "")
        setFocus(0, &state)
        state.formScroll = 0
    }

    /// Keeps the selected job on screen.
    func keepSelectionVisible(_ state: inout StudioState) {
        let layout = HistoryLayout(columns: state.columns, rows: state.rows)
        let h = state.history
        let row = h.selected / layout.perRow(h.mode), visible = layout.visibleRows(h.mode)
        if row < h.scroll { state.history.scroll = row }
        if row >= h.scroll + visible { state.history.scroll = row - visible + 1 }
    }

    /// Pages the screen needs that are neither loaded nor asked for; far pages are dropped.
    func historyPages(_ state: inout StudioState) -> [StudioEffect] {
        guard state.screen == .history, state.history.queryError == nil else { return [] }
        let layout = HistoryLayout(columns: state.columns, rows: state.rows)
        let h = state.history
        let first = h.scroll * layout.perRow(h.mode)
        let last = first + layout.pageCount(h.mode)
        let wanted = Set((first / HistoryBrowser.pageSize)...(max(first, last) / HistoryBrowser.pageSize))
        let keep = (wanted.min()! - HistoryBrowser.keptPages)...(wanted.max()! + HistoryBrowser.keptPages)
        for page in state.history.pages.keys where !keep.contains(page) { state.history.pages[page] = nil }
        state.history.pagesRequested = state.history.pagesRequested.filter { keep.contains($0) }
        var effects: [StudioEffect] = []
        for page in wanted.sorted() where state.history.pages[page] == nil && !state.history.pagesRequested.contains(page) {
            if let total = h.total, page * HistoryBrowser.pageSize >= max(total, 1) { continue }
            state.history.pagesRequested.insert(page)
            effects.append(.loadHistory(query: h.query.text, generation: h.generation, page: page))
        }
        return effects
    }

    /// The first image of every job on screen, at contact-sheet size; the detail's picture.
    static func historyThumbnails(_ state: StudioState) -> [ThumbnailKey] {
        let h = state.history
        if h.sweepOpen, let sweep = h.sweep {
            let size = HistorySweepView.cellSize(sweep, columns: state.columns, rows: state.rows)
            return sweep.cells.compactMap { $0.path.map { ThumbnailKey(path: $0, columns: size.width, rows: size.height) } }
        }
        if let (a, b) = h.comparing {
            let (left, right) = HistoryCompareView.pictureBoxes(columns: state.columns, rows: state.rows)
            return [(a, left), (b, right)].compactMap { job, box in
                job.results.first.map { ThumbnailKey(path: $0.path, columns: box.width, rows: box.height) }
            }
        }
        if let job = h.detail {
            guard let path = job.results.first?.path, !state.pixelPreview else { return [] }
            let box = HistoryDetailView.pictureBox(columns: state.columns, rows: state.rows)
            return [ThumbnailKey(path: path, columns: box.width, rows: box.height)]
        }
        guard h.mode == .sheet else { return [] }
        let layout = HistoryLayout(columns: state.columns, rows: state.rows)
        let first = h.scroll * layout.perRow(h.mode)
        return (first..<(first + layout.pageCount(h.mode))).compactMap { i in
            h.job(at: i)?.results.first.map {
                ThumbnailKey(path: $0.path, columns: HistoryLayout.thumbWidth, rows: HistoryLayout.thumbHeight)
            }
        }
    }
}
