import Foundation
import History
import Generation
import Imaging
import RunwareAPI
import RunwareSandbox
import Synchronization
import Testing
import TestSupport

final class EventLog: Sendable {
    private let events = Mutex<[String]>([])
    func record(_ e: JobEvent) {
        let name: String
        switch e.step {
        case .validated: name = "validated"
        case .uploading: name = "uploading"
        case .uploaded: name = "uploaded"
        case .submitted: name = "submitted"
        case .retrying: name = "retrying"
        case .processing: name = "processing"
        case .saved: name = "saved"
        case .imageFailed: name = "imageFailed"
        case .note: name = "note"
        case .historyWriteFailed: name = "historyWriteFailed"
        case .finished: name = "finished"
        }
        events.withLock { $0.append(name) }
    }
    var names: [String] { events.withLock { $0 } }
}

@Suite struct JobRunnerTests {
    let fast = PollSchedule(initial: .milliseconds(10), factor: 1.5, cap: .milliseconds(40), budget: .seconds(20))

    @Test func syncJobsSaveEveryImageAtomically() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        try await SandboxHarness.with { sandbox in
            var r = request(width: 128, height: 128)
            r.numberResults = 3
            r.outputFormat = .webp
            r.seed = 9
            let log = EventLog()
            let saved = try await JobRunner(client: sandbox.client(), schedule: fast).run(r, into: folder.url) { log.record($0) }
            #expect(saved.map(\.seed) == [9, 10, 11])
            #expect(folder.files().count == 3 && folder.files().allSatisfy { $0.hasSuffix(".webp") && !$0.hasPrefix(".") })
            for image in saved {
                let data = try #require(FileManager.default.contents(atPath: image.path))
                #expect(ImageFormat.detect(data) == .webp && data.count == image.bytes)
            }
            #expect(log.names == ["validated", "submitted", "saved", "saved", "saved", "finished"])
        }
    }

    @Test(arguments: [OutputType.url, .base64Data, .dataURI])
    func asyncJobsPollUntilEveryResultArrives(_ type: OutputType) async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        try await SandboxHarness.with(.init(apiKey: SandboxHarness.key, asyncLatency: .milliseconds(120))) { sandbox in
            var r = request(width: 128, height: 128)
            r.deliveryMethod = .async
            r.outputType = type
            r.numberResults = 2
            let log = EventLog()
            let saved = try await JobRunner(client: sandbox.client(), schedule: fast).run(r, into: folder.url) { log.record($0) }
            #expect(saved.count == 2)
            #expect(log.names.contains("processing"))
            #expect(folder.files().count == 2)
        }
    }

    /// Polls that bring no change tell nothing: with the sandbox's clock standing still its
    /// percentage stays at 0 through four polls, and the progress is told twice: 0% being made,
    /// then 1 of 1 saved. The task finishes after its fourth poll, however busy the machine is.
    @Test func progressIsToldOncePerChange() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let fixed = Date(timeIntervalSince1970: 1_800_000_000)
        try await SandboxHarness.with(.init(apiKey: SandboxHarness.key, asyncLatency: .zero, asyncPolls: 4, now: { fixed })) { sandbox in
            var r = request(width: 128, height: 128)
            r.deliveryMethod = .async
            let log = EventLog()
            _ = try await JobRunner(client: sandbox.client(), schedule: fast).run(r, into: folder.url) { log.record($0) }
            #expect(sandbox.engine.requestCount >= 4, "polled \(sandbox.engine.requestCount) times")
            #expect(log.names == ["validated", "submitted", "processing", "saved", "processing", "finished"], "\(log.names)")
        }
    }

    @Test func localFilesAreUploadedAndReplacedByTheirUUIDs() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        try await SandboxHarness.with { sandbox in
            let path = folder.path + "/seed.jpg"
            try ImageEncoder.encode(RGBAImage(width: 64, height: 64, fill: (200, 10, 10, 255)), as: .jpeg).write(to: URL(fileURLWithPath: path))
            var r = request(width: 128, height: 128)
            r.inputs = .init(seedImage: path)
            r.pulid = .init(images: [path])
            let log = EventLog()
            _ = try await JobRunner(client: sandbox.client(), schedule: fast).run(r, into: folder.url.appendingPathComponent("out")) { log.record($0) }
            #expect(log.names.filter { $0 == "uploaded" }.count == 2)
            #expect(sandbox.engine.requestCount == 3)
        }
    }

    /// An async job whose acknowledgement was lost is collected after the conflict; a sync one
    /// cannot be (getResponse serves async tasks only) and ends with that reason, not a hang.
    @Test func aLostReplyIsCollectedAfterTheConflict() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        try await SandboxHarness.with { sandbox in
            sandbox.engine.plan(try FaultPlan(specs: ["drop*1"]))
            var r = request(width: 128, height: 128)
            r.deliveryMethod = .async
            let saved = try await JobRunner(client: sandbox.client(retries: 2), schedule: fast).run(r, into: folder.url)
            #expect(saved.count == 1)
            sandbox.engine.plan(try FaultPlan(specs: ["drop*1"]))
            var sync = request(width: 128, height: 128)
            sync.deliveryMethod = .sync
            let before = sandbox.engine.requestCount
            await #expect { try await JobRunner(client: sandbox.client(retries: 2), schedule: fast).run(sync, into: folder.url) } throws: { error in
                guard case JobFailure.lostSyncAnswer? = error as? JobFailure else { return false }
                return "\(error)".contains("may still run at Runware and be billed") && "\(error)".contains("Async delivery")
            }
            // Sent once: a resent sync task meets its own first copy (conflictTaskUUID) and is lost all the same.
            #expect(sandbox.engine.requestCount == before + 1)
        }
    }

    /// A sync answer comes when the task is done, with no byte before it: the stall limit cut it
    /// (after about 37 s on Runware) and the retry lost the billed task. Here the stall limit is
    /// 1 s and the answer takes 2.5 s.
    @Test func aSlowSyncAnswerIsWaitedFor() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        try await SandboxHarness.with { sandbox in
            sandbox.engine.plan(try FaultPlan(specs: ["delay=2500*1"]))
            var sync = request(width: 128, height: 128)
            sync.deliveryMethod = .sync
            let client = sandbox.client(retries: 2, options: CurlTransport.Options(stallTimeout: .seconds(1)))
            let saved = try await JobRunner(client: client, schedule: fast).run(sync, into: folder.url)
            #expect(saved.count == 1)
            #expect(sandbox.engine.requestCount == 1)
        }
    }

    @Test func slowJobsTimeOutWithWhatArrived() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        try await SandboxHarness.with(.init(apiKey: SandboxHarness.key, asyncLatency: .seconds(30))) { sandbox in
            var r = request(width: 128, height: 128)
            r.deliveryMethod = .async
            let schedule = PollSchedule(initial: .milliseconds(10), factor: 1, cap: .milliseconds(10), budget: .milliseconds(100))
            await #expect { try await JobRunner(client: sandbox.client(), schedule: schedule).run(r, into: folder.url) } throws: { error in
                guard case JobFailure.timedOut(_, 0, 1)? = error as? JobFailure else { return false }
                return true
            }
            #expect(folder.files().isEmpty)
        }
    }

    @Test func cancellingAJobStopsIt() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        try await SandboxHarness.with(.init(apiKey: SandboxHarness.key, asyncLatency: .seconds(30))) { sandbox in
            var r = request(width: 128, height: 128)
            r.deliveryMethod = .async
            let history = try HistoryStore(path: folder.url.appendingPathComponent("h.sqlite").path)
            let runner = JobRunner(client: sandbox.client(), schedule: fast, history: history)
            let job = Task { try await runner.run(r, into: folder.url) }
            try await Task.sleep(for: .milliseconds(150))
            job.cancel()
            // However the transfer ended (a cancelled curl call), the job was cancelled.
            await #expect { try await job.value } throws: { error in
                if case JobFailure.cancelled? = error as? JobFailure { return true }
                return false
            }
            #expect(try history.list().first?.status == .cancelled)
            #expect(try history.search(HistoryQuery.parse("status:cancelled")).count == 1)
        }
    }

    /// A paid image in another format than asked is kept, named by its real format, and the
    /// difference is said (it was refused and the job failed: the image was lost).
    @Test func aResultInAnotherFormatIsKeptWithItsOwnExtension() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let history = try HistoryStore(path: folder.path + "/history.sqlite")
        let png = try ImageEncoder.encode(RGBAImage(width: 8, height: 8), as: .png).base64EncodedString()
        let uuid = TaskID.make()
        let body = #"{"data":[{"taskType":"imageInference","taskUUID":"\#(uuid)","imageUUID":"i","imageBase64Data":"\#(png)","seed":1}]}"#
        let client = RunwareClient(endpoint: "http://fake/v1", apiKey: "k", transport: FixedTransport(body: body))
        var r = ImageInferenceRequest(taskUUID: uuid, positivePrompt: "a cat")
        r.outputFormat = .jpg
        // The canned answer names this taskUUID, so the job must keep it (the runner would mint another).
        let log = JobEventRecorder()
        let saved = try await JobRunner(client: client, history: history).run(r, into: folder.url, taskUUID: uuid) { log.record($0) }
        #expect(saved.count == 1 && saved[0].format == "PNG" && saved[0].path.hasSuffix("-i-1.png"))
        #expect(ImageFormat.detect(try #require(FileManager.default.contents(atPath: saved[0].path))) == .png)
        let said = "image 1: asked for JPG but the server sent PNG; kept as .png"
        #expect(log.all.contains { if case .note(let text) = $0.step { return text == said } else { return false } })
        let job = try #require(history.list().first)
        #expect(job.status == .done && job.reason?.contains(said) == true && job.results.first?.format == "PNG")
    }

    /// Two jobs finishing in the same second with imageUUIDs whose first 8 safe characters agree
    /// got one file name: the second image replaced the first. Now the second gets `-2`.
    @Test func anImageNeverReplacesAnother() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let history = try HistoryStore(path: folder.path + "/history.sqlite")
        var paths: [String] = []
        for (n, imageUUID) in ["abcdefgh-1111", "abcdefgh-2222"].enumerated() {
            let png = try ImageEncoder.encode(RGBAImage(width: 8, height: 8, fill: (UInt8(n * 200), 0, 0, 255)), as: .png)
            let uuid = TaskID.make()
            let body = #"{"data":[{"taskType":"imageInference","taskUUID":"\#(uuid)","imageUUID":"\#(imageUUID)","imageBase64Data":"\#(png.base64EncodedString())","seed":1}]}"#
            let client = RunwareClient(endpoint: "http://fake/v1", apiKey: "k", transport: FixedTransport(body: body))
            var r = ImageInferenceRequest(taskUUID: uuid, positivePrompt: "a cat")
            r.outputFormat = .png
            let runner = JobRunner(client: client, history: history, now: { Date(timeIntervalSince1970: 1_800_000_000) })
            paths += try await runner.run(r, into: folder.url, taskUUID: uuid).map(\.path)
        }
        #expect(paths.count == 2 && paths[0] != paths[1])
        #expect(paths[0].hasSuffix("-abcdefgh-1.png") && paths[1].hasSuffix("-abcdefgh-1-2.png"))
        let first = try ImageDecoder.decode(try #require(FileManager.default.contents(atPath: paths[0])))
        let second = try ImageDecoder.decode(try #require(FileManager.default.contents(atPath: paths[1])))
        #expect(first.pixels[0] == 0 && second.pixels[0] == 200)
        #expect(Set(try history.list().flatMap { $0.results.map(\.path) }) == Set(paths))
    }
}

struct FixedTransport: Transport {
    let body: String
    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        HTTPResponse(status: 200, headers: ["content-type": "application/json"], body: Data(body.utf8))
    }
}
