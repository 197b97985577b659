import Foundation
import History
import RunwareAPI
import TerminalUI

/// The History screen's reducer: moving the selection, the search line, the panes and the
/// actions on the selected job. It changes only `HistoryBrowser`; everything else it asks of
/// the shell as commands.
struct HistoryReducer: Sendable {
    /// How many images "variations" asks for (more when the job already had more).
    static let variationCount = 4

    func reduce(_ h: inout HistoryBrowser, _ input: Input, _ context: ScreenContext) -> [Command] {
        let layout = HistoryLayout(columns: context.columns, rows: context.rows)
        defer { h.keepSelectionVisible(layout) }
        switch input {
        case .type(let text), .paste(let text):
            guard h.pane == .search else { return [] }
            h.query.paste(text)
            applyQuery(&h)
            return []
        case .unbound:
            return []
        case .action(let action):
            if let command = action.editCommand {
                guard h.pane == .search else { return [] }
                if h.query.apply(command) { applyQuery(&h) }
                return []
            }
            return perform(action, &h, layout, context)
        }
    }

    private func applyQuery(_ h: inout HistoryBrowser) {
        do {
            _ = try HistoryQuery.parse(h.query.text)
            h.queryError = nil
            h.reload(keepSelection: false)
        } catch {
            h.queryError = "\(error)"
        }
    }

    private func perform(_ action: StudioAction, _ h: inout HistoryBrowser, _ layout: HistoryLayout,
                         _ context: ScreenContext) -> [Command] {
        let perRow = layout.perRow(h.mode), page = layout.pageCount(h.mode)
        switch action {
        case .historyLeft: move(&h, by: -1)
        case .historyRight: move(&h, by: 1)
        case .historyUp: move(&h, by: -perRow)
        case .historyDown: move(&h, by: perRow)
        case .historyPageUp: move(&h, by: -page)
        case .historyPageDown: move(&h, by: page)
        case .historyFirst: move(&h, by: -Int.max / 2)
        case .historyLast: move(&h, by: Int.max / 2)
        case .historySearch: h.pane = .search
        case .historySearchDone: h.pane = .browse
        case .historyMode: h.mode = h.mode == .sheet ? .list : .sheet
        case .historyOpen:
            if let row = h.selectedRow { h.pane = .detail(JobDetail(row)) }
        case .detailClose, .lineageClose, .compareClose, .sweepClose: h.pane = .browse
        case .detailUp, .detailDown, .detailPageUp, .detailPageDown:
            guard case .detail(var detail) = h.pane else { return [] }
            let delta = [StudioAction.detailUp: -1, .detailDown: 1, .detailPageUp: -10, .detailPageDown: 10][action] ?? 0
            detail.scroll = max(0, detail.scroll + delta)
            h.pane = .detail(detail)
        case .listUp, .listDown, .listPageUp, .listPageDown:
            guard case .lineage(var tree) = h.pane else { return [] }
            tree.selected = max(0, min(tree.rows.count - 1, tree.selected + ListStep.delta(action, page: context.listPage)))
            h.pane = .lineage(tree)
        case .lineageWalk:
            // Walk on: the chosen job becomes the centre, or opens when it already is.
            guard case .lineage(let tree) = h.pane else { return [] }
            let chosen = tree.rows[tree.selected]
            if chosen.id == tree.job.id {
                h.pane = .detail(JobDetail(HistoryRow(chosen)))
            } else {
                return [.effect(.loadLineage(chosen.id))]
            }
        case .historyLineage:
            guard let job = h.selectedJob else { return [] }
            return [.effect(.loadLineage(job.id))]
        case .historyFavourite:
            guard let job = h.selectedJob else { return [] }
            return [.effect(.setFavourite(jobID: job.id, !job.favourite))]
        case .historyFork:
            guard let row = h.selectedRow, let object = row.request else { return unreadable(h) }
            h.pane = .browse
            return [.generate(.load(object, parent: JobParent(id: row.id, lineage: .fork),
                                    notice: "forked job \(row.id) into the form; the next generation is recorded as its fork")),
                    .show(.generate)]
        case .historyRerun, .historyVariations:
            return resend(action == .historyRerun ? .rerun : .variation, h)
        case .historyTag:
            guard let job = h.selectedJob else { return [] }
            return [.open(.input(InputPrompt(.tags(jobID: job.id, current: job.tags), title: "Tags for job \(job.id): +name adds, -name removes",
                                             text: job.tags.map { "+" + $0 }.joined(separator: " "))))]
        case .historyExport:
            guard let job = h.selectedJob else { return [] }
            return [.open(.input(InputPrompt(.exportFolder(jobID: job.id), title: "Export job \(job.id) to the folder",
                                             text: (context.pickerFolder as NSString).appendingPathComponent("darkroom-export"))))]
        case .historyOpenFile:
            return [.open(.files(FilePicker(target: FilePicker.openImageTarget, folder: context.pickerFolder))),
                    .effect(.listFolder(context.pickerFolder))]
        case .historyCompare:
            guard let row = h.selectedRow else { return [] }
            if let first = h.compareMark, first.id != row.id {
                h.pane = .compare(Comparison(first, row))
                h.compareMark = nil
            } else {
                h.compareMark = row
                return [.notice("marked job \(row.id); press c on another job to compare")]
            }
        case .historySweep:
            guard let job = h.selectedJob else { return [] }
            return [.open(.input(InputPrompt(.sweep(jobID: job.id), title: "Sweep job \(job.id): NAME=values [NAME=values]",
                                             text: "CFGScale=2,4,6 steps=20,28,36")))]
        case .sweepSave:
            guard let sweep = h.sweep else { return [] }
            return [.notice("saving the sweep…"), .effect(.saveSweep(sweep))]
        case .historyDelete:
            guard let job = h.selectedJob else { return [] }
            let files = job.results.count
            let names = job.results.prefix(2).map { ($0.path as NSString).lastPathComponent }.joined(separator: ", ")
                + (files > 2 ? ", …" : "")
            let question = "delete job \(job.id) and its \(files) image file\(files == 1 ? "" : "s")"
                + (files > 0 ? " (\(names))" : "") + "?"
            return [.open(.confirm(Confirmation(.deleteJob(job.id), question: question))), .notice(question + " y/n")]
        case .copyPrompt:
            guard let job = h.selectedJob else { return [] }
            return [.notice("copied the prompt"), .effect(.copy(job.positivePrompt))]
        case .copySeed:
            guard let job = h.selectedJob, let seed = job.results.first?.seed ?? job.seed else { return [] }
            return [.notice("copied seed \(seed)"), .effect(.copy(String(seed)))]
        case .copyPath:
            guard let path = h.selectedJob?.results.first?.path else { return [] }
            return [.notice("copied the image path"), .effect(.copy(path))]
        default:
            break
        }
        return []
    }

    private func move(_ h: inout HistoryBrowser, by delta: Int) {
        guard let total = h.total, total > 0 else { return }
        h.select(index: max(0, min(total - 1, h.selected + delta)))
    }

    private func unreadable(_ h: HistoryBrowser) -> [Command] {
        guard let job = h.selectedJob else { return [] }
        return [.notice("job \(job.id): its recorded request cannot be read")]
    }

    /// The same request again (a re-run) or with new seeds (variations), as a child of the job.
    private func resend(_ lineage: Lineage, _ h: HistoryBrowser) -> [Command] {
        guard let row = h.selectedRow, let object = row.request else { return unreadable(h) }
        var form = GenerateForm(document: object)
        if lineage == .variation, let seed = form.fields.first(where: { $0.path == "seed" }),
           let count = form.fields.first(where: { $0.path == "numberResults" }) {
            // New seeds (each result gets its own), and at least four of them.
            form.set(seed, text: "")
            form.set(count, text: String(max(Self.variationCount, form.draft.resultCount)))
        }
        guard form.issues.isEmpty else { return [.notice("job \(row.id) cannot be sent again: \(form.issues[0].description)")] }
        return [.send(JobOrder(request: form.draft, parent: JobParent(id: row.id, lineage: lineage), summary: row.job.positivePrompt))]
    }

    /// Sends one job per cell of a sweep over a History job and opens its sheet.
    func startSweep(_ text: String, over id: Int64, _ h: inout HistoryBrowser) -> [Command] {
        guard let row = h.selectedRow, row.id == id, let base = row.request else { return [.notice("sweep: job \(id) is no longer selected")] }
        let cells: [(label: String, request: ImageInferenceRequest)]
        let axes: [SweepAxis]
        do {
            axes = try SweepGrid.axes(text, fields: GenerateForm(document: base).fields)
            cells = try SweepGrid.requests(base: base, axes: axes)
        } catch {
            return [.notice("sweep: \(error)")]
        }
        h.sweep = SweepGrid(baseJobID: id, axes: axes, cells: cells.map { SweepCell(label: $0.label) })
        h.pane = .sweep
        var commands: [Command] = cells.enumerated().map { i, cell in
            .send(JobOrder(request: cell.request, parent: JobParent(id: id, lineage: .sweep), summary: "sweep \(cell.label)", sweepCell: i))
        }
        commands.append(.notice("sweep of job \(id): \(cells.count) jobs sent"))
        return commands
    }

    /// The wheel moves the selection a row; a click selects the job under it (a second click opens it).
    func mouse(_ h: inout HistoryBrowser, _ button: MouseButton, x: Int, y: Int, _ context: ScreenContext) {
        guard h.pane == .browse || h.pane == .search, let total = h.total, total > 0 else { return }
        let layout = HistoryLayout(columns: context.columns, rows: context.rows)
        defer { h.keepSelectionVisible(layout) }
        let perRow = layout.perRow(h.mode)
        switch button {
        case .wheelUp, .wheelDown:
            move(&h, by: button == .wheelUp ? -perRow : perRow)
        case .left where layout.body.contains(x, y):
            let index: Int
            if h.mode == .sheet {
                let col = (x - layout.body.x) / HistoryLayout.cellWidth, row = (y - layout.body.y) / HistoryLayout.cellHeight
                guard col < perRow else { return }
                index = (h.scroll + row) * perRow + col
            } else {
                guard y > layout.body.y else { return }
                index = h.scroll + (y - layout.body.y - 1)
            }
            guard index < total else { return }
            if index == h.selected, let row = h.selectedRow { h.pane = .detail(JobDetail(row)) }
            h.select(index: index)
        default: break
        }
    }
}
