import Foundation
import TerminalUI

extension StudioReducer {
    /// Carries out what a screen or a pop-up asked for; returns the effects among it.
    func carry(_ commands: [Command], _ state: inout StudioState) -> [StudioEffect] {
        var effects: [StudioEffect] = []
        for command in commands {
            switch command {
            case .effect(let effect): effects.append(effect)
            case .notice(let text): state.status.notice = text
            case .quit:
                // The loop ends when it sees this; there is nothing to carry out.
                state.quitRequested = true
            case .open(let overlay): state.overlay = overlay
            case .rememberFolder(let folder): state.pickerFolder = folder
            case .copy(let text, let what):
                state.status.notice = state.clipboard.notice(copied: what)
                effects.append(.copy(text))
            case .show(let screen): show(screen, &state)
            case .send(let order): effects.append(send(order, &state))
            case .generate(let order): effects += carry(generateReducer.apply(order, &state.generate), &state)
            case .history(.sweep(let text, let id)): effects += carry(historyReducer.startSweep(text, over: id, &state.history), &state)
            case .history(.forget(let id)):
                if state.history.selectedJob?.id == id { state.history.pane = .browse }
            case .history(.clearMarks): state.history.clearMarks()
            case .history(.loupe(let id)):
                // The job's own stack, unstacked: the job is a cell of its own even when another
                // job of its stack is the stack's cover in the full view; e goes back to everything.
                state.history.query = LineEditor("stack:\(id)")
                state.history.queryBeforeStack = ""
                state.status.notice = "job \(id) with the jobs that differ from it only in seed; e shows all of History"
                state.history.clearMarks()
                state.history.restoreSelection(index: 0, id: id)
                state.history.reload(keepSelection: true)
                state.history.pane = .loupe
                state.screen = .history
            case .history(.search(let text)):
                state.history.query = LineEditor(text)
                state.history.pane = .browse
                historyReducer.applyQuery(&state.history)
            }
        }
        return effects
    }

    func show(_ screen: StudioScreen, _ state: inout StudioState) {
        state.screen = screen
        switch screen {
        case .history:
            if state.history.total == nil || state.history.pages.isEmpty { state.history.reload(keepSelection: true) }
        case .generate:
            if case .detail = state.history.pane { state.history.pane = .browse }
        }
    }

    /// Numbers a job, lists it, and says so.
    func send(_ order: JobOrder, _ state: inout StudioState) -> StudioEffect {
        let id = state.jobs.start(order, now: state.now)
        // Its number is History's id, which the runner's first event brings.
        state.status.notice = "sending " + (order.parent.map { "a \($0.lineage.rawValue) of job \($0.id)" } ?? "a new job")
        // The runner mints its taskUUID.
        return .generate(jobID: id, order.request, parent: order.parent)
    }

    /// Work implied by the new state: an estimate for a new model/size/steps, History pages for
    /// what is on screen, thumbnails for what is shown.
    func followUps(_ state: inout StudioState) -> [StudioEffect] {
        var effects: [StudioEffect] = []
        let key = state.generate.estimateKey
        if state.generate.estimates[key] == nil {
            state.generate.estimates[key] = .unknown
            effects.append(.estimate(key))
        }
        if state.screen == .history { effects += state.history.neededPages(HistoryLayout(columns: state.columns, rows: state.rows)) }
        for thumb in state.wantedThumbnails where !state.thumbnailsRequested.contains(thumb) {
            state.thumbnailsRequested.insert(thumb)
            effects.append(.thumbnail(thumb))
        }
        return effects
    }
}
