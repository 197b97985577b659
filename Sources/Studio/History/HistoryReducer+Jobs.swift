import Foundation
import History
import RunwareAPI

extension HistoryReducer {
    /// How many images "variations" asks for (more when the job already had more).
    static let variationCount = 4

    /// The actions on the selected job: send it again, fork it, favourite, tag, export, delete,
    /// compare, sweep, copy.
    func jobAction(_ action: StudioAction, _ h: inout HistoryBrowser, _ context: ScreenContext) -> [Command] {
        if let batch = batchAction(action, &h, context) { return batch }
        switch action {
        case .historyLineage:
            guard let job = h.selectedJob else { return [] }
            return [.effect(.history(.lineage(job.id)))]
        case .historyFavourite:
            guard let job = h.selectedJob else { return [] }
            return [.effect(.history(.batch(HistoryBatch(.jobs([job.id]), .favourite(!job.favourite)))))]
        case .historyFork:
            guard let row = h.selectedRow, var object = row.request else { return unreadable(h) }
            h.pane = .browse
            // The seed the first image was made with, so the fork starts from that picture.
            if let first = row.job.reproducingTasks()?.first { object = first }
            return [.generate(.load(object, parent: JobParent(id: row.id, lineage: .fork),
                                    notice: "forked job \(row.id) into the form; the next generation is recorded as its fork")),
                    .show(.generate)]
        case .historyUseSeedImage, .historyUseMask, .historyUseGuide:
            guard let row = h.selectedRow else { return [] }
            guard let path = row.job.results.first?.path else { return [.notice("job \(row.id) has no image to use")] }
            let use: ImageUse = action == .historyUseSeedImage ? .seedImage : action == .historyUseMask ? .maskImage : .guideImage
            h.pane = .browse
            return [.generate(.useImage(path, as: use, job: row.id)), .show(.generate)]
        case .historyRerun, .historyVariations:
            return resend(action == .historyRerun ? .rerun : .variation, h)
        case .historyTag:
            guard let job = h.selectedJob else { return [] }
            return [.open(.input(InputPrompt(.tags(jobID: job.id, current: job.tags), title: "Tags for job \(job.id): +name adds, -name removes",
                                             text: job.tags.map { "+" + $0 }.joined(separator: " "))))]
        case .historyExport:
            guard let job = h.selectedJob else { return [] }
            return [.open(.input(InputPrompt(.exportFolder(jobID: job.id), title: "Export job \(job.id) to the folder",
                                             text: Self.exportFolder(context))))]
        case .historyOpenFile:
            return [.open(.files(FilePicker(target: FilePicker.openImageTarget, folder: context.pickerFolder))),
                    .effect(.picker(.listFolder(context.pickerFolder)))]
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
            return [.open(.input(InputPrompt(.sweep(jobID: job.id), title: "Sweep job \(job.id): NAME=values, up to three (the third as pages); prompt:word/other,other",
                                             text: "CFGScale=2,4,6 steps=20,28,36")))]
        case .sweepSave:
            guard let sweep = h.sweep else { return [] }
            return [.notice("saving the sweep…"), .effect(.history(.saveSweep(sweep)))]
        case .historyDelete:
            guard let job = h.selectedJob else { return [] }
            // Darkroom's own files go with the job; the user's own (imported where they lie) stay unless asked.
            let ours = job.results.filter(\.owned)
            let theirs = job.results.filter { !$0.owned }.map(\.path)
            let files = ours.count
            let names = ours.prefix(2).map { ($0.path as NSString).lastPathComponent }.joined(separator: ", ")
                + (files > 2 ? ", …" : "")
            let question = "delete job \(job.id)" + (theirs.isEmpty || files > 0 ? " and its \(counted(files, "image file"))" : "")
                + (files > 0 ? " (\(names))" : "") + "?" + Confirmation.userFilesClause(theirs)
            return [.open(.confirm(Confirmation(.deleteJob(job.id), question: question, userFiles: theirs))),
                    .notice(question + (theirs.isEmpty ? " y/n" : " y/f/n"))]
        case .copyPrompt:
            guard let job = h.selectedJob else { return [] }
            return [.copy(job.positivePrompt, what: "the prompt")]
        case .copySeed:
            guard let job = h.selectedJob, let seed = job.results.first?.seed ?? job.seed else { return [] }
            return [.copy(String(seed), what: "seed \(seed)")]
        case .copyPath:
            guard let path = h.selectedJob?.results.first?.path else { return [] }
            return [.copy(path, what: "the image path")]
        default:
            return []
        }
        return []
    }

    /// The folder an export offers first: `darkroom-export` in the folder the file picker opens on.
    static func exportFolder(_ context: ScreenContext) -> String {
        (context.pickerFolder as NSString).appendingPathComponent("darkroom-export")
    }

    /// Ratings, marks, saved searches, and d x t * acting on the marked jobs when there are any.
    private func batchAction(_ action: StudioAction, _ h: inout HistoryBrowser, _ context: ScreenContext) -> [Command]? {
        if let n = action.rating {
            if let target = h.batchTarget { return [.effect(.history(.batch(HistoryBatch(target, .rate(n)))))] }
            guard let job = h.selectedJob else { return [] }
            // Shown at once, written off the UI thread; then on to the next job, so a day is rated from the home row.
            h.updateLoaded(job.id) { $0.rating = n }
            h.select(index: h.selected + 1)
            return [.effect(.history(.batch(HistoryBatch(.jobs([job.id]), .rate(n)))))]
        }
        switch action {
        case .historyMark:
            guard let job = h.selectedJob else { return [] }
            if h.markAll { h.markAll = false }
            if h.marks.remove(job.id) == nil { h.marks.insert(job.id) }
            h.select(index: h.selected + 1)
            return [.notice(h.marksDescription.map { $0 + ": d x t * 0-5 act on them; a clears" } ?? "no marks")]
        case .historyMarkAll:
            if h.markAll || !h.marks.isEmpty {
                h.clearMarks()
                return [.notice("no marks")]
            }
            h.markAll = true
            return [.notice((h.marksDescription ?? "") + " marked: d x t * 0-5 act on it; a clears")]
        case .historyOpenStack:
            if let before = h.queryBeforeStack {
                h.queryBeforeStack = nil
                return [.history(.search(before))]
            }
            guard let job = h.selectedJob else { return [] }
            guard job.stackCount > 1 || !h.showsStacks else { return [.notice("job \(job.id) is alone: no other job differs from it only in seed")] }
            h.queryBeforeStack = h.query.text
            return [.history(.search("stack:\(job.id)")), .notice("the stack of job \(job.id); e goes back")]
        case .historyStacks:
            h.stacked.toggle()
            h.reload(keepSelection: true)
            h.pages = [:]
            h.stalePages = []
            return [.notice(h.stacked ? "stacks: jobs that differ only in seed are one cell" : "every job on its own")]
        case .historySaveSearch:
            guard !h.query.text.trimmingCharacters(in: .whitespaces).isEmpty else {
                return [.notice("type a search first (/), then = keeps it under a name")]
            }
            return [.open(.input(InputPrompt(.saveSearch(query: h.query.text), title: "Save \"\(h.query.text)\" as @name")))]
        case .historySavedSearches:
            guard !h.savedSearches.isEmpty else { return [.notice("no saved searches yet: search (/), then = keeps one")] }
            let options = h.savedSearches.sorted { $0.key < $1.key }.map { "@\($0.key)  \($0.value)" }
            return [.open(.choice(ChoicePicker(path: ChoicePicker.savedSearchTarget, options: options, current: nil)))]
        default:
            break
        }
        guard let target = h.batchTarget, let what = h.marksDescription else { return nil }
        switch action {
        case .historyDelete: return [.notice("counting what \(what) holds…"), .effect(.history(.prepareDelete(target, what: what)))]
        case .historyFavourite: return [.effect(.history(.batch(HistoryBatch(target, .favourite(true)))))]
        case .historyTag:
            return [.open(.input(InputPrompt(.batchTags(target), title: "Tags for \(what): +name adds, -name removes")))]
        case .historyExport:
            return [.open(.input(InputPrompt(.batchExport(target), title: "Export \(what) to the folder",
                                             text: Self.exportFolder(context))))]
        default: return nil
        }
    }

    func unreadable(_ h: HistoryBrowser) -> [Command] {
        guard let job = h.selectedJob else { return [] }
        return [.notice("job \(job.id): its recorded request cannot be read")]
    }

    /// The same request again with the seeds its images were made with (a re-run: one job, or one
    /// per image when their seeds are unrelated) or with new seeds (variations), as a child of the job.
    private func resend(_ lineage: Lineage, _ h: HistoryBrowser) -> [Command] {
        guard let row = h.selectedRow, let object = row.request else { return unreadable(h) }
        if lineage == .rerun, let tasks = row.job.reproducingTasks(), tasks.count > 1 {
            var commands: [Command] = []
            for (n, task) in tasks.enumerated() {
                let form = GenerateForm(document: task)
                guard form.issues.isEmpty else { return [.notice("job \(row.id) cannot be sent again: \(FieldNames.message(form.issues[0]))")] }
                commands.append(.send(JobOrder(request: form.draft, parent: JobParent(id: row.id, lineage: .rerun),
                                               summary: "\(row.job.positivePrompt) (image \(n + 1))")))
            }
            return commands + [.notice("re-running job \(row.id) as \(tasks.count) jobs, one per image (their seeds are unrelated)")]
        }
        var form = GenerateForm(document: lineage == .rerun ? row.job.reproducingTasks()?.first ?? object : object)
        if lineage == .variation, let seed = form.fields.first(where: { $0.path == "seed" }),
           let count = form.fields.first(where: { $0.path == "numberResults" }) {
            // New seeds (each result gets its own), and at least four of them.
            form.set(seed, text: "")
            form.set(count, text: String(max(Self.variationCount, form.draft.resultCount)))
        }
        guard form.issues.isEmpty else { return [.notice("job \(row.id) cannot be sent again: \(FieldNames.message(form.issues[0]))")] }
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
}
