import RunwareAPI

extension Availability {
    /// Why a binding with this rule cannot run in this state, or nil when it can. A query of the
    /// state, read by the shell before it runs an action and by the footer and `?` to dim it.
    public func reason(in state: StudioState) -> String? {
        let g = state.generate
        switch self {
        case .never: return nil
        case .whileFormValid:
            return g.form.issues.isEmpty ? "the form has no problem" : nil
        case .whileFormInvalid:
            let n = g.form.issues.count
            return n == 0 ? nil : "fix the \(counted(n, "problem")) shown in the form first"
        case .withoutJobInFlight: return state.jobs.inFlight == 0 ? "no job is running" : nil
        case .withoutPromptHistory: return g.recall.prompts.isEmpty ? "no prompts sent yet" : nil
        case .whileNotRecalling: return g.recall.position == nil ? "already at the newest prompt" : nil
        case .withoutLastSeed: return g.lastSeed == nil ? "no result with a seed yet" : nil
        case .outsideStack: return g.focusedField?.stackName == nil ? "move to LoRA, ControlNet or IP-Adapters" : nil
        case .outsideStackItem: return g.focusedField?.stackIndex == nil ? "move to a stack item" : nil
        case .withoutResult:
            if state.screen == .history { return state.history.selectedJob?.results.isEmpty == false ? nil : "no image selected" }
            return g.results.isEmpty ? "no results yet" : nil
        case .withoutSelectedJob: return state.history.selectedJob == nil ? "no job selected" : nil
        case .withoutSweep: return state.history.sweep?.cells.contains { $0.path != nil } == true ? nil : "no sweep with results yet"
        case .withoutSweepPages: return (state.history.sweep?.pages ?? 1) > 1 ? nil : "this sweep has one page (a third parameter makes pages)"
        }
    }
}
