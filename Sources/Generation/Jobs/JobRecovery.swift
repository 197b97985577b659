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

    /// Removes the temporary files (`.NAME.<8 hex digits>.tmp`) an interrupted atomic write left in `folder`.
    public static func removeTemporaryFiles(under folder: URL) -> Int {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return 0 }
        var removed = 0
        for case let url as URL in walker where isOurTemporaryFile(url.lastPathComponent) {
            if (try? FileManager.default.removeItem(at: url)) != nil { removed += 1 }
        }
        return removed
    }

    /// `AtomicFile`'s names: `.` + file name + `.` + 8 hex digits + `.tmp`.
    static func isOurTemporaryFile(_ name: String) -> Bool {
        guard name.hasPrefix("."), name.hasSuffix(".tmp") else { return false }
        let parts = name.dropFirst().dropLast(4).split(separator: ".")
        guard parts.count >= 2, let tag = parts.last else { return false }
        return tag.count == 8 && tag.allSatisfy(\.isHexDigit)
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
        guard job.delivery == DeliveryMethod.async.rawValue,
              let json = try? JSONValue.parse(Data(job.requestJSON.utf8)).objectValue else {
            return close(.interrupted, "Darkroom stopped before the sync answer arrived; a sync task cannot be collected later")
        }
        let (request, _) = ImageInferenceRequest.decode(json)
        // Resume the wait where the dead process left it, for a while; a task still running after
        // that goes back to `pending` for the next start.
        let patient = JobRunner(client: runner.client, schedule: PollSchedule(initial: .milliseconds(200), factor: 1.5,
                                                                              cap: .seconds(2), budget: resumeBudget),
                                home: runner.home, history: history)
        do {
            let finished = try await patient.poll(request, already: [], events: { _ in })
            let have = Set(job.results.map(\.index))
            let missing = finished.enumerated().filter { !have.contains($0.offset) }.map(\.element)
            _ = try await runner.save(missing, of: request, into: folder, jobID: job.id, firstIndex: have.count,
                                      createdAt: job.createdAt, events: { _ in })
            return close(.done, nil)
        } catch JobFailure.timedOut {
            try? history.requeue(job.id)
            return Outcome(jobID: job.id, status: .pending, reason: nil)
        } catch {
            return close(.interrupted, "Darkroom stopped while the job ran, and collecting it failed: \(error)")
        }
    }
}
