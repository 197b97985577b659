import RunwareAPI

extension StudioReducer {
    /// What quitting now does to each running job: an async job sent to Runware goes on there and
    /// is collected at the next start; a sync one, or one not sent yet, is lost (and History says
    /// so at the next start). The built-in sandbox forgets everything when the studio ends.
    static func quitQuestion(_ state: StudioState) -> String {
        let running = state.jobs.lines.filter(\.inFlight)
        let sandbox = state.status.target == "sandbox"
        let kept = running.filter { $0.delivery == .async && !sandbox }
        let lost = running.filter { !($0.delivery == .async && !sandbox) }
        var parts = ["quit with \(counted(running.count, "job")) running?"]
        if !kept.isEmpty {
            parts.append(names(kept) + " go\(kept.count == 1 ? "es" : "") on at Runware and \(kept.count == 1 ? "is" : "are") collected when Darkroom starts again;")
        }
        if !lost.isEmpty {
            let why = sandbox ? "the built-in sandbox ends with the studio" : "not sent async"
            parts.append(names(lost) + " will be lost (\(why));")
        }
        return parts.joined(separator: " ")
    }

    private static func names(_ jobs: [JobLine]) -> String {
        (jobs.count == 1 ? "job " : "jobs ") + jobs.map(\.number).joined(separator: ", ")
    }
}
