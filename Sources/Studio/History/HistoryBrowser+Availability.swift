extension HistoryBrowser {
    /// Why an action with this rule cannot run on the History screen now, or nil.
    func unavailable(_ rule: Availability) -> String? {
        switch rule {
        case .withoutResult: return selectedJob?.results.isEmpty == false ? nil : "no image selected"
        case .withoutSelectedJob: return selectedJob == nil ? "no job selected" : nil
        case .withoutSweep: return sweep?.cells.contains { $0.path != nil } == true ? nil : "no sweep with results yet"
        case .withoutSweepPages: return (sweep?.pages ?? 1) > 1 ? nil : "this sweep has one page (a third parameter makes pages)"
        default: return nil
        }
    }
}
