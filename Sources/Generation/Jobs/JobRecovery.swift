import Foundation
import History
import RunwareAPI

/// Start-up care for jobs a crash or kill left behind: temporary files are removed, async jobs
/// are collected with getResponse by their taskUUID, and the rest become `interrupted` with a
/// reason. Jobs of a Darkroom process that is still running are left alone.
package struct JobRecovery: Sendable {
    package let runner: JobRunner
    package let history: HistoryStore
    /// How long to keep asking about one job that is still running at the API.
    package let resumeBudget: Duration

    package init(runner: JobRunner, history: HistoryStore, resumeBudget: Duration = .seconds(15)) {
        self.runner = runner
        self.history = history
        self.resumeBudget = resumeBudget
    }

    package struct Outcome: Sendable, Equatable {
        package var jobID: Int64
        package var status: JobStatus
        package var reason: String?
        /// History could not record this outcome (the job keeps its old status there).
        package var historyWriteFailure: String?
        /// An async job left for later (`collect: false`): still pending, collected by the studio or `history collect`.
        package var leftForLater = false
    }

    /// Settles every orphaned job; throws when History cannot even list them. With `collect`
    /// false, async jobs are not waited for (a new `generate` must not wait for old jobs): they
    /// stay pending and are named, for the studio or `history collect`.
    package func recover(into folder: URL, collect: Bool = true) async throws -> [Outcome] {
        var outcomes: [Outcome] = []
        for job in try history.unfinished(orphanedOnly: true) {
            if !collect && job.delivery == DeliveryMethod.async.rawValue {
                outcomes.append(Outcome(jobID: job.id, status: job.status, reason: nil, leftForLater: true))
                continue
            }
            outcomes.append(await recover(job, into: folder))
        }
        return outcomes
    }

    func recover(_ job: HistoryJob, into folder: URL) async -> Outcome {
        func close(_ status: JobStatus, _ reason: String?) -> Outcome {
            var outcome = Outcome(jobID: job.id, status: status, reason: reason)
            do { try history.finish(job.id, status: status, reason: reason) } catch {
                outcome.historyWriteFailure = "cannot record job \(job.id) as \(status.rawValue): \(error)"
            }
            return outcome
        }
        let request: ImageInferenceRequest
        do { request = try job.request } catch {
            return close(.interrupted, "Darkroom stopped while the job ran, and it cannot be collected: \(error)")
        }
        guard job.delivery == DeliveryMethod.async.rawValue else {
            let total = request.resultCount
            if !job.results.isEmpty {
                return close(job.results.count >= total ? .done : .interrupted,
                             job.results.count >= total ? nil
                                 : "Darkroom stopped after saving \(job.results.count) of \(total) images; the rest of a sync task cannot be collected later")
            }
            return close(.interrupted, "Darkroom stopped before the sync answer arrived; a sync task cannot be collected later")
        }
        // Resume the wait where the dead process left it, for a while; a task still running after
        // that goes back to `pending` for the next start.
        let patient = runner.with(schedule: PollSchedule(initial: .milliseconds(200), factor: 1.5, cap: .seconds(2),
                                                         budget: resumeBudget))
        let collector = ResultCollector(runner: patient, request: request, folder: folder, jobID: job.id, createdAt: job.createdAt,
                                        known: job.results.map { ($0.imageUUID, $0.index) }, events: { _ in })
        do {
            try await patient.poll(request, into: collector, events: { _ in })
            let outcome = collector.outcome
            if outcome.saved.isEmpty && job.results.isEmpty {
                return close(.failed, outcome.failures.map(\.description).joined(separator: "; "))
            }
            let have = job.results.count + outcome.saved.count
            if have >= request.resultCount && outcome.notes.isEmpty { return close(.done, nil) }
            var parts = have < request.resultCount ? ["\(have) of \(request.resultCount) images"] + outcome.failures.map(\.description) : []
            parts += outcome.notes.map { "note: \($0)" }
            return close(.done, "collected after a restart: " + parts.joined(separator: "; "))
        } catch JobFailure.timedOut {
            var outcome = Outcome(jobID: job.id, status: .pending, reason: nil)
            do { try history.requeue(job.id) } catch {
                outcome.historyWriteFailure = "cannot put job \(job.id) back to pending: \(error)"
            }
            return outcome
        } catch {
            return close(.interrupted, "Darkroom stopped while the job ran, and collecting it failed: \(error)")
        }
    }
}
