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
            case .error(let text): state.status.lastError = text
            case .quit:
                // The loop ends when it sees this; there is nothing to carry out.
                state.quitRequested = true
            case .open(let overlay): state.overlay = overlay
            case .rememberFolder(let folder): state.pickerFolder = folder
            case .copy(let text, let what):
                state.status.notice = state.clipboard.notice(copied: what)
                effects.append(.copy(text))
            case .show(let screen): effects += show(screen, &state)
            case .send(let order): effects.append(send(order, &state))
            case .generate(let order): effects += carry(generateReducer.apply(order, &state.generate), &state)
            case .history(let order): effects += carry(historyReducer.apply(order, &state.history), &state)
            }
        }
        return effects
    }

    /// Puts the screen up; each screen is told it comes or goes.
    func show(_ screen: StudioScreen, _ state: inout StudioState) -> [StudioEffect] {
        state.screen = screen
        return carry([.history(screen == .history ? .appear : .leave)], &state)
    }

    /// Numbers a job, lists it, and says so.
    func send(_ order: JobOrder, _ state: inout StudioState) -> StudioEffect {
        let id = state.jobs.start(order, now: state.now)
        // Its number is History's id, which the runner's first event brings.
        state.status.notice = "sending " + (order.parent.map { "a \($0.lineage.rawValue) of job \($0.id)" } ?? "a new job")
        // The runner mints its taskUUID.
        return .run(jobID: id, order.request, parent: order.parent)
    }

    /// Work implied by the new state, asked of each screen (History only while it is up), and
    /// the thumbnails of what is shown.
    func followUps(_ state: inout StudioState) -> [StudioEffect] {
        let context = state.context
        var effects = carry(generateReducer.followUps(&state.generate, context), &state)
        if state.screen == .history { effects += carry(historyReducer.followUps(&state.history, context), &state) }
        for thumb in state.wantedThumbnails where !state.thumbnailsRequested.contains(thumb) {
            state.thumbnailsRequested.insert(thumb)
            effects.append(.thumbnail(thumb))
        }
        return effects
    }
}
