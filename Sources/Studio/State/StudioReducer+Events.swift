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
            guard let i = state.jobs.firstIndex(where: { $0.id == id }) else { return [] }
            switch jobEvent.step {
            case .uploading: state.jobs[i].phase = .uploading
            case .submitted: state.jobs[i].phase = .waiting
            case .processing(let progress, let finished, let total):
                state.jobs[i].phase = .processing
                state.jobs[i].progress = progress
                state.jobs[i].finished = finished
                state.jobs[i].total = total
            case .saved(let image):
                if let cell = state.history.sweep?.cells.firstIndex(where: { $0.jobID == id }) {
                    state.history.sweep?.cells[cell].path = image.path
                }
                state.jobs[i].finished += 1
                state.jobs[i].cost += image.cost ?? 0
                state.results.insert(RecentResult(path: image.path, seed: image.seed, jobID: id, index: image.index), at: 0)
                if state.results.count > 48 { state.results.removeLast(state.results.count - 48) }
                state.selectedResult = 0
                if let seed = image.seed { state.lastSeed = seed }
            case .imageFailed(let reason):
                state.lastError = "job \(id): an image failed: \(reason)"
            default: break
            }
        case .jobEnded(let id, let failure, let cancelled):
            guard let i = state.jobs.firstIndex(where: { $0.id == id }) else { return [] }
            state.jobs[i].ended = state.now
            if cancelled {
                state.jobs[i].phase = .cancelled
            } else if let failure {
                if let cell = state.history.sweep?.cells.firstIndex(where: { $0.jobID == id }) {
                    state.history.sweep?.cells[cell].failure = failure
                }
                state.jobs[i].phase = .failed(failure)
                state.lastError = "job \(id): \(failure)"
            } else {
                state.jobs[i].phase = .done
            }
            state.estimates = [:]
            // The History screen shows the finished job without a refresh.
            state.history.reload(keepSelection: true)
            return [.refreshSpend]
        case .models(let query, let results, let error):
            guard case .models(var picker)? = state.overlay, picker.query.text == query else { return [] }
            picker.results = results
            picker.answered = query
            picker.error = error
            picker.selected = min(picker.selected, max(0, results.count - 1))
            state.overlay = .models(picker)
        case .folder(let path, let entries, let error):
            guard case .files(var picker)? = state.overlay, picker.folder == path else { return [] }
            picker.entries = entries
            picker.error = error
            picker.loading = false
            picker.selected = entries.isEmpty ? 0 : 1
            state.overlay = .files(picker)
        case .thumbnail(let key, let grid):
            if let grid { state.thumbnails[key] = grid }
            // Keep only what is on screen and a few recent ones, so memory stays bounded while
            // scrolling through any number of jobs (files that failed to load included).
            if state.thumbnails.count > 64 || state.thumbnailsRequested.count > 256 {
                let wanted = Set(Self.wantedThumbnails(state))
                for k in state.thumbnails.keys where !wanted.contains(k) { state.thumbnails[k] = nil }
                state.thumbnailsRequested = state.thumbnailsRequested.intersection(wanted.union(state.thumbnails.keys))
            }
        case .estimate(let key, let estimate):
            state.estimates[key] = estimate
        case .spendToday(let spend):
            state.spendToday = spend
        case .promptHistory(let prompts):
            var seen = Set(state.promptHistory)
            state.promptHistory += prompts.filter { seen.insert($0).inserted }
        case .notice(let text):
            state.notice = text
        case .error(let text):
            state.lastError = text
        case .historyPage(let generation, let page, let total, let jobs):
            guard generation == state.history.generation else { return [] }
            state.history.total = total
            state.history.pages[page] = jobs
            state.history.error = nil
            if let open = state.history.detail, let fresh = jobs.first(where: { $0.id == open.id }) { state.history.detail = fresh }
            state.history.selected = min(state.history.selected, max(0, total - 1))
        case .historyFailed(let generation, let why):
            guard generation == state.history.generation else { return [] }
            state.history.error = why
            state.history.total = state.history.total ?? 0
        case .historyChanged(let what):
            state.notice = what
            state.history.reload(keepSelection: true)
        case .sweepSaved(let path):
            state.history.sweep?.savedPNG = path
            state.notice = "saved the sweep as \(path)"
        case .lineage(let tree):
            state.history.lineage = tree
        case .imageRequest(let path, let object, let error):
            guard let object else {
                state.notice = error ?? "\((path as NSString).lastPathComponent) carries no generation parameters"
                return []
            }
            loadForm(object, &state)
            state.forkedFrom = nil
            state.screen = .generate
            state.notice = "loaded the parameters of \((path as NSString).lastPathComponent) into the form" + (error.map { "; \($0)" } ?? "")
        case .terminal, .pixels:
            break
        }
        return []
    }
}
