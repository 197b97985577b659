import Foundation
import Generation
@testable import History
import Imaging
import RunwareAPI
import RunwareSandbox
import Synchronization
import Testing
import TestSupport

/// Every event of a job as it came, for tests that look inside them.
final class JobEventRecorder: Sendable {
    private let events = Mutex<[JobEvent]>([])
    func record(_ e: JobEvent) { events.withLock { $0.append(e) } }
    var all: [JobEvent] { events.withLock { $0 } }
}

/// One job, one identity: the runner mints the taskUUID, every event names the job by its History
/// id, retries are the job's events, and History failing to record is said, never swallowed.
@Suite struct JobIdentityTests {
    let fast = PollSchedule(initial: .milliseconds(10), factor: 1.5, cap: .milliseconds(40), budget: .seconds(20))
    static let first = "11111111-1111-4111-8111-111111111111"
    static let second = "22222222-2222-4222-8222-222222222222"

    @Test func theRunnerMintsEachJobsTaskUUIDFromItsSource() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let history = try HistoryStore(path: folder.path + "/history.sqlite")
        try await SandboxHarness.with { sandbox in
            let runner = JobRunner(client: sandbox.client(), schedule: fast, history: history,
                                   taskUUIDs: .sequence([Self.first, Self.second]))
            // Whatever the draft holds (the studio's form holds a placeholder) is replaced.
            var draft = request(width: 128, height: 128)
            draft.taskUUID = "00000000-0000-4000-8000-000000000000"
            let a = try await runner.run(draft, into: folder.url)
            let b = try await runner.run(draft, into: folder.url)
            #expect(a.map(\.taskUUID) == [Self.first] && b.map(\.taskUUID) == [Self.second])
            #expect(try history.list().map(\.taskUUID) == [Self.second, Self.first])
            // `generate --task-uuid` names its own.
            let chosen = "33333333-3333-4333-8333-333333333333"
            let c = try await runner.run(draft, into: folder.url, taskUUID: chosen)
            #expect(c.map(\.taskUUID) == [chosen])
        }
    }

    @Test func everyEventCarriesTheJobsHistoryIDAndItsParent() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let history = try HistoryStore(path: folder.path + "/history.sqlite")
        try await SandboxHarness.with { sandbox in
            let runner = JobRunner(client: sandbox.client(), schedule: fast, history: history)
            _ = try await runner.run(request(width: 128, height: 128), into: folder.url)
            let parentID = try #require(history.list().first?.id)
            let log = JobEventRecorder()
            var r = request(width: 128, height: 128)
            r.numberResults = 2
            _ = try await runner.run(r, into: folder.url, parent: JobParent(id: parentID, lineage: .rerun)) { log.record($0) }
            let job = try #require(history.list().first)
            #expect(job.id != parentID && job.parent == JobParent(id: parentID, lineage: .rerun))
            #expect(log.all.count >= 4)
            #expect(log.all.allSatisfy { $0.jobID == job.id && $0.taskUUID == job.taskUUID })
            #expect(log.all.first?.jobName == "job \(job.id)")
        }
    }

    @Test func retriesAreTheJobsEventsWithWhatAStatusLineNeeds() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let history = try HistoryStore(path: folder.path + "/history.sqlite")
        try await SandboxHarness.with { sandbox in
            sandbox.engine.plan(try FaultPlan(specs: ["503*1"]))
            let log = JobEventRecorder()
            let saved = try await JobRunner(client: sandbox.client(retries: 2), schedule: fast, history: history)
                .run(request(width: 128, height: 128), into: folder.url) { log.record($0) }
            #expect(saved.count == 1)
            let retries = log.all.compactMap { event -> (Int64?, RetryEvent)? in
                if case .retrying(let retry) = event.step { return (event.jobID, retry) }
                return nil
            }
            let id = try #require(history.list().first?.id)
            #expect(retries.count == 1)
            #expect(retries.first?.0 == id)
            #expect(retries.first?.1.attempt == 1 && retries.first?.1.maxRetries == 2 && retries.first?.1.reason == "HTTP 503")
        }
    }

    /// The job's row vanishes while it runs (another process deleted it): recording its image
    /// fails, which is what the job fails with, and recording that failure fails too, which is
    /// said as an event instead of being dropped.
    @Test func aHistoryWriteFailureSurfaces() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let history = try HistoryStore(path: folder.path + "/history.sqlite")
        try await SandboxHarness.with { sandbox in
            let log = JobEventRecorder()
            let runner = JobRunner(client: sandbox.client(), schedule: fast, history: history)
            await #expect {
                try await runner.run(request(width: 128, height: 128), into: folder.url) { event in
                    log.record(event)
                    if case .validated = event.step, let id = event.jobID { _ = try? history.delete(id) }
                }
            } throws: { error in
                guard case JobFailure.history(let why) = error else { return false }
                return why.contains("FOREIGN KEY")
            }
            let failures = log.all.compactMap { event -> String? in
                if case .historyWriteFailed(let why) = event.step { return why }
                return nil
            }
            #expect(failures.count == 1 && failures[0].contains("cannot record job") && failures[0].contains("as failed"))
        }
    }

    /// An image that does not decode (a PNG that ends right after its header) is a failed image:
    /// nothing is saved and the job fails with the reason (it was saved as `done`, exit 0).
    @Test func aDamagedImageIsAFailedImageNotADoneOne() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let history = try HistoryStore(path: folder.path + "/history.sqlite")
        let png = try ImageEncoder.encode(RGBAImage(width: 8, height: 8), as: .png)
        let headerOnly = png.prefix(33)
        let uuid = TaskID.make()
        let body = #"{"data":[{"taskType":"imageInference","taskUUID":"\#(uuid)","imageUUID":"i","imageBase64Data":"\#(headerOnly.base64EncodedString())","seed":1}]}"#
        let client = RunwareClient(endpoint: "http://fake/v1", apiKey: "k", transport: FixedTransport(body: body))
        var r = ImageInferenceRequest(taskUUID: uuid, positivePrompt: "a cat")
        r.outputFormat = .png
        await #expect { try await JobRunner(client: client, history: history).run(r, into: folder.url, taskUUID: uuid) } throws: { error in
            guard case JobFailure.result(let why)? = error as? JobFailure else { return false }
            return why.contains("result i cannot be read") && why.contains("damaged PNG")
        }
        #expect(folder.files().filter { !$0.hasSuffix("sqlite") && !$0.contains("sqlite-") }.isEmpty)
        let job = try #require(history.list().first)
        #expect(job.status == .failed && job.results.isEmpty && job.reason?.contains("cannot be read") == true)
    }

    @Test func storedImagesGetASmallThumbnailAtOnce() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let thumbnails = StoredThumbnails(folder: folder.url.appendingPathComponent("cache/thumbnails"))
        try await SandboxHarness.with { sandbox in
            var r = request(width: 1024, height: 512)
            r.numberResults = 2
            let saved = try await JobRunner(client: sandbox.client(), schedule: fast, thumbnails: thumbnails)
                .run(r, into: folder.url.appendingPathComponent("images"))
            for image in saved {
                let location = try #require(thumbnails.location(ofImageAt: image.path))
                let small = try ImageDecoder.decode(try ImageFile.read(location.path))
                #expect(small.width == StoredThumbnails.side && small.height == StoredThumbnails.side / 2)
            }
        }
    }
}
