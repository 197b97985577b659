import Foundation
import Generation
import RunwareAPI

extension StudioReducer {
    /// Answers from background work. A screen's own go to its reducer, a picker's to the pop-up;
    /// the shell keeps the jobs, the pictures and the status line, and tells a screen what it
    /// needs to know of them with an order.
    func receive(_ event: StudioEvent, _ state: inout StudioState) -> [StudioEffect] {
        switch event {
        case .tick(let now):
            state.now = now
        case .generate(let answer):
            return carry(generateReducer.receive(answer, &state.generate), &state)
        case .history(let answer):
            return carry(historyReducer.receive(answer, &state.history), &state)
        case .picker(let answer):
            state.overlay = state.overlay?.receive(answer)
        case .job(let id, let jobEvent):
            return jobProgress(id, jobEvent, &state)
        case .jobEnded(let id, let failure, let cancelled):
            return jobEnded(id, failure: failure, cancelled: cancelled, &state)
        case .thumbnail(let key, let grid):
            if let grid { state.thumbnails[key] = grid }
            Self.boundThumbnails(&state)
        case .thumbnailFailed(let key, let reason):
            state.thumbnails[key] = .unreadable(columns: key.columns, rows: key.rows, reason: reason)
            Self.boundThumbnails(&state)
        case .spendToday(let spend):
            state.status.spendToday = spend
        case .balance(let balance):
            state.status.balance = balance
        case .notice(let text):
            state.status.notice = text
        case .error(let text):
            state.status.lastError = text
        case .terminal, .pixels:
            break
        }
        return []
    }

    private func jobEnded(_ id: Int, failure: String?, cancelled: Bool, _ state: inout StudioState) -> [StudioEffect] {
        guard let line = state.jobs.line(id) else { return [] }
        let now = state.now
        state.jobs.update(id) { line in
            line.ended = now
            line.phase = cancelled ? .cancelled : failure.map { .failed($0) } ?? .done
        }
        var orders: [Command] = [.generate(.jobEnded), .history(.jobEnded)]
        if let failure, !cancelled {
            if let cell = line.sweepCell { orders.append(.history(.jobFailed(sweepCell: cell, failure))) }
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
        return carry(orders, &state) + [.refreshSpend]
    }

    private func jobProgress(_ id: Int, _ event: JobEvent, _ state: inout StudioState) -> [StudioEffect] {
        guard var line = state.jobs.line(id) else { return [] }
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
            state.jobs.update(id) {
                $0.finished += 1
                $0.cost += image.cost ?? 0
            }
            var orders: [Command] = [.generate(.resultSaved(RecentResult(path: image.path, seed: image.seed, historyID: line.historyID,
                                                                         index: image.index, flagged: image.nsfw == true)))]
            if let cell = line.sweepCell { orders.append(.history(.jobSaved(sweepCell: cell, path: image.path))) }
            return carry(orders, &state)
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
        return []
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
