import Foundation
import Generation
import RunwareAPI
import TerminalUI

/// Applies one event to the state and says what work should follow. Pure: no I/O, no clock
/// (the time arrives in `.tick` and with the state), no randomness.
public struct StudioReducer: Sendable {
    public var keyMap: KeyMap

    public init(keyMap: KeyMap = .defaults) { self.keyMap = keyMap }

    public func reduce(_ state: inout StudioState, _ event: StudioEvent) -> [StudioEffect] {
        var effects: [StudioEffect]
        switch event {
        case .terminal(.key(let key)):
            state.notice = nil
            effects = handle(key, &state)
        case .terminal(.paste(let text)):
            effects = paste(text, &state)
        case .terminal(.resize(let columns, let rows)):
            state.columns = columns
            state.rows = rows
            effects = []
        case .terminal(.mouse(let button, let x, let y, let pressed)):
            effects = mouse(button, x: x, y: y, pressed: pressed, &state)
        default:
            effects = receive(event, &state)
        }
        keepFocusVisible(&state)
        return effects + followUps(&state)
    }

    // MARK: Keys

    func handle(_ key: Key, _ state: inout StudioState) -> [StudioEffect] {
        if state.overlay != nil {
            // Pop-ups take typed characters; a quit bound to a control key still works in them.
            if case .character = key {} else if keyMap.action(for: key, on: state.screen) == .quit { return [.quit] }
            return overlayKey(key, &state)
        }
        if state.screen == .history { return historyKey(key, &state) }
        let field = state.focusedField
        // Printable keys type into text fields, so single-character bindings (`?`) do not steal them.
        if case .character = key, field?.kind.takesText == true { return fieldKey(key, &state) }
        // The prompt editor moves by wrapped lines before Up and Down move focus.
        if case .prompt? = field?.kind, key == .up || key == .down {
            let width = max(1, GenerateLayout(columns: state.columns, rows: state.rows).formBody.width - 2)
            if state.prompt.vertical(key == .up ? -1 : 1, width: width) { return [] }
        }
        if let effects = bound(key, &state) { return effects }
        return fieldKey(key, &state)
    }

    /// Runs the key map's action for the key on this screen; nil when the key is not bound.
    func bound(_ key: Key, _ state: inout StudioState) -> [StudioEffect]? {
        guard let action = keyMap.action(for: key, on: state.screen) else { return nil }
        if let binding = keyMap.binding(action), let why = Self.disabledReason(binding.whenDisabled, state) {
            state.notice = "\(binding.description): \(why)"
            return []
        }
        return perform(action, &state)
    }

    /// Why a binding cannot run now, or nil when it can.
    public static func disabledReason(_ rule: Availability, _ state: StudioState) -> String? {
        switch rule {
        case .never: return nil
        case .whileFormInvalid:
            let n = state.form.issues.count
            return n == 0 ? nil : "fix the \(n) problem\(n == 1 ? "" : "s") shown in the form first"
        case .withoutJobInFlight: return state.jobsInFlight == 0 ? "no job is running" : nil
        case .withoutPromptHistory: return state.promptHistory.isEmpty ? "no prompts sent yet" : nil
        case .whileNotRecalling: return state.recall == nil ? "already at the newest prompt" : nil
        case .withoutLastSeed: return state.lastSeed == nil ? "no result with a seed yet" : nil
        case .outsideStack: return state.focusedField?.stackName == nil ? "move to LoRA, ControlNet or IP-Adapters" : nil
        case .outsideStackItem: return state.focusedField?.stackIndex == nil ? "move to a stack item" : nil
        case .withoutResult:
            if state.screen == .history { return state.history.selectedJob?.results.isEmpty == false ? nil : "no image selected" }
            return state.results.isEmpty ? "no results yet" : nil
        case .withoutSelectedJob: return state.history.selectedJob == nil ? "no job selected" : nil
        case .withoutSweep: return state.history.sweep?.cells.contains { $0.path != nil } == true ? nil : "no sweep with results yet"
        }
    }

    func perform(_ action: StudioAction, _ state: inout StudioState) -> [StudioEffect] {
        switch action {
        case .generate: return generate(&state)
        case .cancel:
            guard let job = state.jobs.last(where: \.inFlight) else { return [] }
            state.notice = "cancelling job \(job.id)"
            return [.cancel(jobID: job.id)]
        case .quit:
            state.quitRequested = true
            return [.quit]
        case .help:
            state.overlay = .help(scroll: 0)
        case .focusNext: moveFocus(by: 1, &state)
        case .focusPrevious: moveFocus(by: -1, &state)
        case .promptPrevious: recall(by: 1, &state)
        case .promptNext: recall(by: -1, &state)
        case .promptSearch: state.overlay = .promptSearch(PromptSearch())
        case .seedRandom:
            setField("seed", text: "", &state)
            state.notice = "seed: random for each generation"
        case .seedReuse:
            if let seed = state.lastSeed {
                setField("seed", text: String(seed), &state)
                state.notice = "seed: \(seed) from the last result"
            }
        case .stackAdd:
            guard let field = state.focusedField, let stack = field.stackName else { return [] }
            return openModelPicker(.newStackItem(stack: stack, after: field.stackIndex), category: Self.category(of: stack), &state)
        case .stackRemove:
            guard let field = state.focusedField, let stack = field.stackName, let i = field.stackIndex else { return [] }
            state.form.removeStackItem(stack, at: i)
            focus(path: state.form.value(JSONPath("\(stack)[\(i)]")) != nil ? JSONPath("\(stack)[\(i)].model")
                  : i > 0 ? JSONPath("\(stack)[\(i - 1)].model") : JSONPath(stack), &state)
            state.notice = "removed \(stack) item \(i + 1)"
        case .stackUp, .stackDown:
            guard let field = state.focusedField, let stack = field.stackName, let i = field.stackIndex else { return [] }
            let j = state.form.moveStackItem(stack, at: i, by: action == .stackUp ? -1 : 1)
            focus(path: JSONPath("\(stack)[\(j)].model"), &state)
        case .copyPrompt:
            state.notice = "copied the prompt"
            if state.screen == .history, let job = state.history.selectedJob { return [.copy(job.positivePrompt)] }
            return [.copy(state.prompt.text)]
        case .copySeed:
            if state.screen == .history, let job = state.history.selectedJob, let seed = job.results.first?.seed ?? job.seed {
                state.notice = "copied seed \(seed)"
                return [.copy(String(seed))]
            }
            guard let seed = state.selected?.seed ?? state.lastSeed else { return [] }
            state.notice = "copied seed \(seed)"
            return [.copy(String(seed))]
        case .copyPath:
            let historyPath = state.screen == .history ? state.history.selectedJob?.results.first?.path : nil
            guard let path = historyPath ?? state.selected?.path else { return [] }
            state.notice = "copied the image path"
            return [.copy(path)]
        case .resultPrevious: state.selectedResult = max(0, state.selectedResult - 1)
        case .resultNext: state.selectedResult = min(max(0, state.results.count - 1), state.selectedResult + 1)
        case .suspend: return [.suspend]
        case .redraw: return [.redraw]
        case .showHistory, .showGenerate, .historySearch, .historyMode, .historyOpen, .historyFork, .historyRerun,
             .historyVariations, .historyFavourite, .historyDelete, .historyTag, .historyExport, .historyOpenFile, .historyLineage,
             .historyCompare, .historySweep, .sweepSave:
            return performHistory(action, &state)
        }
        return []
    }

    static func category(of stack: String) -> String? {
        switch stack {
        case "lora": return "lora"
        case "controlNet": return "controlnet"
        default: return nil
        }
    }

    func generate(_ state: inout StudioState) -> [StudioEffect] {
        let id = state.nextJobID
        state.nextJobID += 1
        // The runner mints its taskUUID when it runs it.
        let request = state.form.draft
        let parent = state.forkedFrom
        state.forkedFrom = nil
        let summary = request.positivePrompt.replacingOccurrences(of: "\n", with: " ")
        state.jobs.append(JobLine(id: id, summary: summary, started: state.now, total: request.resultCount))
        if state.jobs.count > 20 { state.jobs.removeFirst(state.jobs.count - 20) }
        let prompt = request.positivePrompt
        state.promptHistory.removeAll { $0 == prompt }
        state.promptHistory.insert(prompt, at: 0)
        state.recall = nil
        state.promptBeforeRecall = nil
        state.notice = "job \(id) sent"
        return [.generate(jobID: id, request, parent: parent)]
    }

    // MARK: Focus

    func moveFocus(by delta: Int, _ state: inout StudioState) {
        let n = state.form.fields.count
        guard n > 0 else { return }
        setFocus((state.focus + delta + n) % n, &state)
    }

    func setFocus(_ index: Int, _ state: inout StudioState) {
        state.focus = max(0, min(state.form.fields.count - 1, index))
        if let field = state.focusedField { state.line = LineEditor(state.form.text(field)) }
    }

    func focus(path: JSONPath, _ state: inout StudioState) {
        if let i = state.form.fields.firstIndex(where: { $0.path == path }) { setFocus(i, &state) } else {
            setFocus(min(state.focus, state.form.fields.count - 1), &state)
        }
    }

    /// Scrolls the form so the focused field and its messages are in view.
    func keepFocusVisible(_ state: inout StudioState) {
        if state.focus >= state.form.fields.count { setFocus(state.form.fields.count - 1, &state) }
        let layout = GenerateLayout(columns: state.columns, rows: state.rows)
        let rows = FormRow.build(state)
        guard let span = FormRow.span(of: state.focus, in: rows) else { return }
        let height = layout.formBody.height
        // The section head above the first field of a section comes into view with it.
        let top = max(0, span.top - 1)
        if top < state.formScroll { state.formScroll = top }
        if span.top + span.height > state.formScroll + height { state.formScroll = span.top + min(span.height, height) - height }
        let total = rows.reduce(0) { $0 + $1.height }
        state.formScroll = max(0, min(state.formScroll, max(0, total - height)))
    }

    // MARK: Prompt recall

    func recall(by delta: Int, _ state: inout StudioState) {
        let history = state.promptHistory
        guard !history.isEmpty else { return }
        if state.recall == nil { state.promptBeforeRecall = state.prompt.text }
        let next = (state.recall ?? -1) + delta
        if next < 0 {
            state.recall = nil
            setPrompt(state.promptBeforeRecall ?? "", &state)
            return
        }
        state.recall = min(next, history.count - 1)
        setPrompt(history[state.recall!], &state)
        state.notice = "prompt \(state.recall! + 1) of \(history.count) from History"
    }

    func setPrompt(_ text: String, _ state: inout StudioState) {
        state.prompt.setText(text)
        if let field = state.form.fields.first(where: { $0.path == "positivePrompt" }) { state.form.set(field, text: text) }
        focus(path: "positivePrompt", &state)
    }

    func setField(_ path: JSONPath, text: String, _ state: inout StudioState) {
        guard let field = state.form.fields.first(where: { $0.path == path }) else { return }
        state.form.set(field, text: text)
        if state.focusedField?.path == path { state.line = LineEditor(state.form.text(field)) }
    }

    // MARK: Follow-ups

    /// Work implied by the new state: an estimate for a new model/size/steps, thumbnails for the
    /// preview and the strip.
    func followUps(_ state: inout StudioState) -> [StudioEffect] {
        var effects: [StudioEffect] = []
        let key = state.estimateKey
        if state.estimates[key] == nil {
            state.estimates[key] = .unknown
            effects.append(.estimate(key))
        }
        effects += historyPages(&state)
        for thumb in Self.wantedThumbnails(state) where !state.thumbnailsRequested.contains(thumb) {
            state.thumbnailsRequested.insert(thumb)
            effects.append(.thumbnail(thumb))
        }
        return effects
    }

    /// The thumbnails the current screen shows.
    public static func wantedThumbnails(_ state: StudioState) -> [ThumbnailKey] {
        if state.screen == .history { return historyThumbnails(state) }
        let layout = GenerateLayout(columns: state.columns, rows: state.rows)
        var keys: [ThumbnailKey] = []
        if !state.pixelPreview, let preview = layout.preview, let selected = state.selected, preview.height >= 2 {
            keys.append(ThumbnailKey(path: selected.path, columns: preview.width, rows: preview.height))
        }
        for result in state.results.prefix(layout.stripCount) {
            keys.append(ThumbnailKey(path: result.path, columns: GenerateLayout.stripThumbWidth, rows: GenerateLayout.stripThumbHeight))
        }
        if case .files(let picker)? = state.overlay, let path = picker.selectedPath {
            let box = FilePickerView.thumbnailBox(columns: state.columns, rows: state.rows)
            keys.append(ThumbnailKey(path: path, columns: box.width, rows: box.height))
        }
        return keys
    }
}
