import RunwareAPI

extension Availability {
    /// Why a binding with this rule cannot run in this state, or nil when it can. Each rule is
    /// its owner's to decide: a screen's by that screen, the jobs' by the shell. Read by the shell
    /// before it runs an action and by the footer and `?` to dim it.
    package func reason(in state: StudioState) -> String? {
        switch self {
        case .never: return nil
        case .withoutJobInFlight: return state.jobs.inFlight == 0 ? "no job is running" : nil
        // A result is the shown screen's: the strip's, or History's selected job's.
        case .withoutResult: return state.screen == .history ? state.history.unavailable(self) : state.generate.unavailable(self)
        case .withoutSelectedJob, .withoutSweep, .withoutSweepPages: return state.history.unavailable(self)
        default: return state.generate.unavailable(self)
        }
    }
}
