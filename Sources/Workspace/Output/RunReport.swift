import Foundation
import Generation
import RunwareAPI

/// What `generate` and `history rerun` print while a job runs: crash recovery's outcome, then
/// each job event, the job named by its History id.
package enum RunReport {
    /// Temporary files that could not be removed and History writes that failed are errors;
    /// each settled earlier job is a note unless `quiet`.
    package static func recovery(_ recovery: Session.Recovery, quiet: Bool) -> [ReportLine] {
        var lines: [ReportLine] = recovery.cleanupFailures.map { .error($0.description) }
        for outcome in recovery.outcomes {
            if let failure = outcome.historyWriteFailure { lines.append(.error(failure)) }
            if outcome.status != .pending && outcome.status != .running && !quiet {
                lines.append(.note("earlier job \(outcome.jobID) is now \(outcome.status.rawValue)" + (outcome.reason.map { ": \($0)" } ?? "")))
            }
        }
        let later = recovery.outcomes.filter(\.leftForLater).map(\.jobID)
        if !later.isEmpty && !quiet {
            let named = later.count == 1 ? "earlier job \(later[0]) was" : "earlier jobs " + later.map(String.init).joined(separator: ", ") + " were"
            lines.append(.note("\(named) left unfinished by a Darkroom that stopped; `darkroom history collect` (or the studio, at its start) collects "
                + (later.count == 1 ? "it" : "them")))
        }
        return lines
    }

    /// One job event: a saved image's path (or its JSON line with `json`) on stdout; progress on
    /// stderr unless `quiet`; failures always.
    package static func lines(_ event: JobEvent, quiet: Bool, json: Bool) -> [ReportLine] {
        let job = event.jobName
        switch event.step {
        case .saved(let image):
            var lines: [ReportLine] = []
            if json {
                // A SavedImage is strings and numbers; encoding it cannot fail.
                if let data = try? RunwareJSON.encode(image) { lines.append(.json(String(decoding: data, as: UTF8.self))) }
            } else {
                lines.append(.out(image.path))
            }
            if !quiet && !json {
                let cost = image.cost.map { String(format: ", $%.4f", $0) } ?? ""
                let flagged = image.nsfw == true ? "; flagged NSFW by the content checker" : ""
                lines.append(.note("\(job): saved image \(image.index + 1) (seed \(image.seed.map(String.init) ?? "?")\(cost)\(flagged))"))
            }
            return lines
        case .imageFailed(let reason): return [.note("\(job): an image failed: \(reason)")]
        case .historyWriteFailed(let reason): return [.error("\(job): History: \(reason)")]
        case .note(let text) where !quiet: return [.note("\(job): note: \(text)")]
        case .uploading(let field, let path) where !quiet: return [.note("\(job): uploading \(path) for \(field)")]
        case .submitted(let delivery) where !quiet: return [.note("\(job) sent (task \(event.taskUUID), \(delivery))")]
        case .retrying(let retry) where !quiet:
            return [.note("\(job): retry \(retry.attempt) in \(seconds(retry.delay)) after \(retry.reason) (at most \(retry.maxRetries))")]
        // Once none is being made, the saved and failed lines have said it all.
        case .processing(let images) where !quiet && !images.pending.isEmpty:
            return [.note("\(job): processing: \(images.description)")]
        default: return []
        }
    }

    /// A delay as `1.5 s`.
    package static func seconds(_ d: Duration) -> String {
        String(format: "%.1f s", Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18)
    }
}
