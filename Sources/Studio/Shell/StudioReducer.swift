import Foundation
import Generation
import RunwareAPI
import TerminalUI

/// Applies one event to the state and says what work should follow. Pure: no I/O, no clock
/// (the time arrives in `.tick` and with the state), no randomness.
///
/// The shell: it resolves a key through the key map for whatever has the focus (the pop-up,
/// else the screen's pane or field), runs the actions that belong to no screen (quit, help,
/// cancel, suspend, redraw, switching screens) itself, and hands the rest to the owner's reducer
/// with a read-only context. Owners answer with commands the shell carries out.
package struct StudioReducer: Sendable {
    package var keyMap: KeyMap
    let generateReducer = GenerateReducer()
    let historyReducer = HistoryReducer()

    package init(keyMap: KeyMap = .defaults) { self.keyMap = keyMap }

    package func reduce(_ state: inout StudioState, _ event: StudioEvent) -> [StudioEffect] {
        var effects: [StudioEffect]
        switch event {
        case .terminal(.key(let key)):
            state.status.notice = nil
            effects = handle(key, &state)
        case .terminal(.paste(let text)):
            effects = route(.paste(text), &state)
        case .terminal(.resize(let columns, let rows)):
            state.columns = columns
            state.rows = rows
            effects = []
        case .terminal(.mouse(let button, let x, let y, let pressed)):
            if pressed, state.overlay == nil {
                switch state.screen {
                case .generate: generateReducer.mouse(&state.generate, button, x: x, y: y, state.context)
                case .history: historyReducer.mouse(&state.history, button, x: x, y: y, state.context)
                }
            }
            effects = []
        default:
            effects = receive(event, &state)
        }
        return effects + followUps(&state)
    }

    // MARK: Keys

    /// The key contexts for whatever has the focus, most specific first, and whether it takes
    /// printable keys as text.
    package static func focus(_ state: StudioState) -> (contexts: [KeyContext], takesText: Bool) {
        if let overlay = state.overlay { return (overlay.keyContexts, overlay.takesText) }
        switch state.screen {
        case .generate: return (state.generate.keyContexts, state.generate.takesText)
        case .history: return (state.history.pane.keyContexts, state.history.pane.takesText)
        }
    }

    func handle(_ key: Key, _ state: inout StudioState) -> [StudioEffect] {
        let focus = Self.focus(state)
        // Esc, then a key, is that key with Alt (as in readline), where Esc means nothing else:
        // the way to every Alt binding on a keyboard or terminal without a usable Alt.
        if state.escapeAsAlt {
            state.escapeAsAlt = false
            if case .character(let c) = key {
                guard keyMap.action(for: .alt(c), in: focus.contexts) != nil else {
                    state.status.notice = "esc \(c): alt-\(c) does nothing here"
                    return []
                }
                return handle(.alt(c), &state)
            }
        } else if key == .escape, keyMap.action(for: .escape, in: focus.contexts) == nil {
            state.escapeAsAlt = true
            state.status.notice = "esc: the next key is taken with alt (esc p is alt-p)"
            return []
        }
        // Printable keys type into text, so single-character bindings (`?`) do not steal them.
        if case .character(let c) = key, focus.takesText { return route(.type(String(c)), &state) }
        guard let action = keyMap.action(for: key, in: focus.contexts) else { return route(.unbound(key), &state) }
        if let binding = keyMap.binding(action), let why = binding.whenDisabled.reason(in: state) {
            state.status.notice = "\(binding.description): \(why)"
            return []
        }
        return perform(action, &state)
    }

    /// Runs an action: the shell's own here, the rest by whoever has the focus.
    func perform(_ action: StudioAction, _ state: inout StudioState) -> [StudioEffect] {
        switch action {
        case .quit:
            // Asked first while jobs run (a second ctrl-q, or y, quits).
            let asked = if case .confirm(let c)? = state.overlay, c.purpose == .quit { true } else { false }
            if state.jobs.inFlight > 0, !asked {
                let question = Self.quitQuestion(state)
                state.overlay = .confirm(Confirmation(.quit, question: question))
                state.status.notice = question + " y: quit, n: stay"
                return []
            }
            state.overlay = nil
            state.quitRequested = true
            return []
        case .help:
            state.overlay = .help(HelpOverlay(screen: state.screen))
        case .messageShow:
            state.overlay = .message(MessageOverlay(state))
        case .cancel:
            guard let job = state.jobs.newestInFlight else { return [] }
            state.status.notice = "cancelling job \(job.number)"
            return [.cancel(jobID: job.id)]
        case .suspend: return [.suspend]
        case .redraw: return [.redraw]
        case .showHistory: return carry([.show(.history)], &state)
        case .showGenerate: return carry([.show(.generate)], &state)
        default:
            return route(.action(action), &state)
        }
        return []
    }

    /// Hands input to the pop-up when one is open, else to the screen.
    func route(_ input: Input, _ state: inout StudioState) -> [StudioEffect] {
        let context = state.context
        if let overlay = state.overlay {
            let outcome = overlay.handle(input, context)
            state.overlay = outcome.overlay
            return carry(outcome.commands, &state)
        }
        switch state.screen {
        case .generate: return carry(generateReducer.reduce(&state.generate, input, context), &state)
        case .history: return carry(historyReducer.reduce(&state.history, input, context), &state)
        }
    }
}
