import Foundation
import History
import RunwareAPI

/// Start-up care for jobs a crash or kill left behind: temporary files are removed, async jobs
/// are collected with getResponse by their taskUUID, and the rest become `interrupted` with a
/// reason. Jobs of a Darkroom process that is still running are left alone.
public struct JobRecovery: Sendable {
    public let runner: JobRunner
    public let history: HistoryStore
    /// How long to keep asking about one job that is still running at the API.
    public let resumeBudget: Duration

    public init(runner: JobRunner, history: HistoryStore, resumeBudget: Duration = .seconds(15)) {
        self.runner = runner
        self.history = history
        self.resumeBudget = resumeBudget
    }

    public struct Outcome: Sendable, Equatable {
        public var jobID: Int64
        public var status: JobStatus
        public var reason: String?
    }

    /// Removes the temporary files an interrupted atomic write left in `folder`, only those
    /// whose writing process is gone (see `TemporaryFileName`).
    public static func removeTemporaryFiles(under folder: URL) -> Int {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return 0 }
        var removed = 0
        for case let url as URL in walker where TemporaryFileName.isAbandoned(url) {
            if (try? FileManager.default.removeItem(at: url)) != nil { removed += 1 }
        }
        return removed
    }

    public func recover(into folder: URL) async -> [Outcome] {
        var outcomes: [Outcome] = []
        for job in (try? history.unfinished(orphanedOnly: true)) ?? [] {
            outcomes.append(await recover(job, into: folder))
        }
        return outcomes
    }

    func recover(_ job: HistoryJob, into folder: URL) async -> Outcome {
        func close(_ status: JobStatus, _ reason: String?) -> Outcome {
            try? history.finish(job.id, status: status, reason: reason)
            return Outcome(jobID: job.id, status: status, reason: reason)
        }
        let json = try? JSONValue.parse(Data(job.requestJSON.utf8)).objectValue
        guard job.delivery == DeliveryMethod.async.rawValue, let json else {
            let total = json.map { ImageInferenceRequest.decode($0).request.resultCount } ?? job.results.count
            if !job.results.isEmpty {
                return close(job.results.count >= total ? .done : .interrupted,
                             job.results.count >= total ? nil
                                 : "Darkroom stopped after saving \(job.results.count) of \(total) images; the rest of a sync task cannot be collected later")
            }
            return close(.interrupted, "Darkroom stopped before the sync answer arrived; a sync task cannot be collected later")
        }
        let (request, _) = ImageInferenceRequest.decode(json)
        // Resume the wait where the dead process left it, for a while; a task still running after
        // that goes back to `pending` for the next start.
        let patient = JobRunner(client: runner.client, schedule: PollSchedule(initial: .milliseconds(200), factor: 1.5,
                                                                              cap: .seconds(2), budget: resumeBudget),
                                home: runner.home, history: history)
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
            try? history.requeue(job.id)
            return Outcome(jobID: job.id, status: .pending, reason: nil)
        } catch {
            return close(.interrupted, "Darkroom stopped while the job ran, and collecting it failed: \(error)")
        }
    }
}
