import Foundation
import Generation
import RunwareAPI

extension StudioReducer {
    /// Answers from background work: job progress, search results, thumbnails, History figures.
    func receive(_ event: StudioEvent, _ state: inout StudioState) -> [StudioEffect] {
        switch event {
        case .tick(let now):
            state.now = now
        case .job(let id, let jobEvent):
            jobProgress(id, jobEvent, &state)
        case .jobEnded(let id, let failure, let cancelled):
            guard let line = state.jobs.line(id) else { return [] }
            let now = state.now
            state.jobs.update(id) { line in
                line.ended = now
                line.phase = cancelled ? .cancelled : failure.map { .failed($0) } ?? .done
            }
            if let failure, !cancelled {
                if let cell = line.sweepCell, state.history.sweep?.cells.indices.contains(cell) == true {
                    state.history.sweep?.cells[cell].failure = failure
                }
                state.status.lastError = "job \(line.number): \(failure)"
            } else {
                // The line says how the job ended, not "sent" long after it is done.
                let failed = line.images?.failed ?? 0
                state.status.notice = cancelled ? "job \(line.number) cancelled"
                    : "job \(line.number) done: \(line.finished) of \(counted(line.total, "image"))"
                        + (failed > 0 ? ", \(failed) failed (History has why)" : "")
                // Only the form fits: say where the result is.
                if state.screen == .generate, state.generate.layout(columns: state.columns, rows: state.rows).previewHidden,
                   !cancelled, line.finished > 0 {
                    state.status.notice? += "; f3 shows it"
                }
            }
            state.generate.estimates = [:]
            // The History screen shows the finished job without a refresh; the selection stays on its job.
            state.history.reload(keepSelection: true)
            return [.refreshSpend]
        case .models(let query, let results, let error):
            guard case .models(var picker)? = state.overlay else { return [] }
            picker.receive(query: query, results: results, error: error)
            state.overlay = .models(picker)
        case .folder(let path, let entries, let error):
            guard case .files(var picker)? = state.overlay else { return [] }
            picker.receive(folder: path, entries: entries, error: error)
            state.overlay = .files(picker)
        case .thumbnail(let key, let grid):
            if let grid { state.thumbnails[key] = grid }
            Self.boundThumbnails(&state)
        case .thumbnailFailed(let key, let reason):
            state.thumbnails[key] = .unreadable(columns: key.columns, rows: key.rows, reason: reason)
            Self.boundThumbnails(&state)
        case .estimate(let key, let estimate):
            state.generate.estimates[key] = estimate
        case .spendToday(let spend):
            state.status.spendToday = spend
        case .balance(let balance):
            state.status.balance = balance
        case .promptHistory(let prompts):
            state.generate.recall.learn(prompts)
        case .notice(let text):
            state.status.notice = text
        case .error(let text):
            state.status.lastError = text
        case .historyPage(let generation, let page, let total, let jobs, let matching):
            guard generation == state.history.generation else { return [] }
            state.history.matching = matching
            state.history.receive(page: page, total: total, jobs: jobs)
        case .historyFailed(let generation, let why):
            guard generation == state.history.generation else { return [] }
            state.history.error = why
            state.history.total = state.history.total ?? 0
        case .deleteReady(let ids, let files, let userFiles, let what):
            guard !ids.isEmpty else {
                state.history.clearMarks()
                state.status.notice = "nothing to delete: \(what) holds no job now"
                return []
            }
            let question = "delete \(what): \(counted(ids.count, "job")) and \(counted(files, "image file"))?"
                + Confirmation.userFilesClause(userFiles)
            state.overlay = .confirm(Confirmation(.deleteJobs(ids), question: question, userFiles: userFiles))
            state.status.notice = question + (userFiles.isEmpty ? " y/n" : " y/f/n")
        case .savedSearches(let saved):
            state.history.savedSearches = saved
        case .historyVersion(let version):
            // Another process wrote: what is shown is read again, the selection kept on its job.
            if let seen = state.history.dataVersion, seen != version { state.history.reload(keepSelection: true) }
            state.history.dataVersion = version
        case .historyChanged(let what):
            state.status.notice = what
            state.history.reload(keepSelection: true)
        case .sweepSaved(let paths):
            state.history.sweep?.savedPNGs = paths
            state.status.notice = paths.count == 1 ? "saved the sweep as \(paths[0])"
                : "saved the sweep's \(paths.count) pages as \(paths[0]) … \((paths[paths.count - 1] as NSString).lastPathComponent)"
        case .lineage(let tree):
            state.history.pane = .lineage(tree)
        case .imageRequest(let path, let object, let error):
            let name = (path as NSString).lastPathComponent
            guard let object else {
                state.status.notice = error ?? "\(name) carries no generation parameters"
                return []
            }
            let notice = "loaded the parameters of \(name) into the form" + (error.map { "; \($0)" } ?? "")
            return carry([.generate(.load(object, parent: nil, notice: notice)), .show(.generate)], &state)
        case .terminal, .pixels:
            break
        }
        return []
    }

    private func jobProgress(_ id: Int, _ event: JobEvent, _ state: inout StudioState) {
        guard var line = state.jobs.line(id) else { return }
        // From the runner's first event on, the job is known by its History id.
        if let historyID = event.jobID, line.historyID == nil {
            state.jobs.recorded(id, historyID: historyID)
            line = state.jobs.line(id) ?? line
        }
        switch event.step {
        case .uploading: state.jobs.update(id) { $0.phase = .uploading }
        case .submitted(let delivery):
            state.jobs.update(id) {
                $0.phase = .waiting
                $0.delivery = delivery
            }
            state.status.notice = "job \(line.number) sent"
        case .processing(let images):
            state.jobs.update(id) {
                $0.phase = .processing
                $0.images = images
                $0.finished = images.saved
                $0.total = images.total
            }
        case .saved(let image):
            if let cell = line.sweepCell, state.history.sweep?.cells.indices.contains(cell) == true {
                state.history.sweep?.cells[cell].path = image.path
            }
            state.jobs.update(id) {
                $0.finished += 1
                $0.cost += image.cost ?? 0
            }
            state.generate.add(RecentResult(path: image.path, seed: image.seed, job: line.number, index: image.index,
                                            flagged: image.nsfw == true))
        case .imageFailed(let reason):
            state.status.lastError = "job \(line.number): an image failed: \(reason)"
        case .retrying(let retry):
            state.status.notice = "job \(line.number): retry \(retry.attempt) of \(retry.maxRetries) in "
                + String(format: "%.1f s", Double(retry.delay.components.seconds) + Double(retry.delay.components.attoseconds) / 1e18)
                + " after \(retry.reason)"
        case .note(let text):
            state.status.notice = "job \(line.number): \(text)"
        case .historyWriteFailed(let reason):
            state.status.lastError = "job \(line.number): History could not record it: \(reason)"
        case .validated, .uploaded, .finished: break
        }
    }

    /// Keeps only what is on screen and a few recent pictures, so memory stays bounded while
    /// scrolling through any number of jobs (files that failed to load included).
    static func boundThumbnails(_ state: inout StudioState) {
        guard state.thumbnails.count > 64 || state.thumbnailsRequested.count > 256 else { return }
        let wanted = Set(state.wantedThumbnails)
        for k in state.thumbnails.keys where !wanted.contains(k) { state.thumbnails[k] = nil }
        state.thumbnailsRequested = state.thumbnailsRequested.intersection(wanted.union(state.thumbnails.keys))
    }
}
