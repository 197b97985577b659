import Foundation
import Generation
@testable import History
import Imaging
import RunwareAPI
import RunwareSandbox
import Testing
import TestSupport

@Suite struct HistoryRecordingTests {
    let fast = PollSchedule(initial: .milliseconds(10), factor: 1.5, cap: .milliseconds(40), budget: .seconds(20))

    @Test func aJobIsRecordedPendingThenDoneWithEveryResult() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let history = try HistoryStore(path: folder.path + "/h.sqlite")
        try await SandboxHarness.with { sandbox in
            var r = request(width: 128, height: 128)
            r.numberResults = 2
            r.includeCost = true
            let saved = try await JobRunner(client: sandbox.client(), schedule: fast, history: history)
                .run(r, into: folder.url.appendingPathComponent("out"))
            // The runner minted the job's taskUUID.
            let job = try #require(try history.job(taskUUID: saved[0].taskUUID))
            #expect(job.taskUUID != r.taskUUID)
            #expect(job.status == .done && job.results.count == 2)
            #expect(job.results.map(\.path) == saved.map(\.path))
            #expect(job.results.allSatisfy { $0.width == 128 && $0.format == "JPG" && $0.responseJSON.contains("imageUUID") })
            #expect((job.cost ?? 0) > 0)
        }
    }

    @Test func aFailedJobKeepsItsReasonAndBadInputIsNotRecorded() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let history = try HistoryStore(path: folder.path + "/h.sqlite")
        try await SandboxHarness.with { sandbox in
            sandbox.engine.plan(try FaultPlan(specs: ["500"]))
            let r = request(width: 128, height: 128)
            await #expect(throws: JobFailure.self) {
                try await JobRunner(client: sandbox.client(), schedule: fast, history: history).run(r, into: folder.url,
                                                                                                    taskUUID: r.taskUUID)
            }
            let job = try #require(try history.job(taskUUID: r.taskUUID))
            #expect(job.status == .failed && job.reason?.contains("internalServerError") == true)
            var bad = request(width: 128, height: 128)
            bad.steps = 99
            await #expect(throws: JobFailure.self) {
                try await JobRunner(client: sandbox.client(), history: history).run(bad, into: folder.url)
            }
            #expect(try history.count == 1)
        }
    }

    @Test func recoveryCollectsOrphanedAsyncJobsAndInterruptsTheRest() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let history = try HistoryStore(path: folder.path + "/h.sqlite")
        try await SandboxHarness.with(.init(apiKey: SandboxHarness.key, asyncLatency: .milliseconds(20))) { sandbox in
            let client = sandbox.client()
            // An async job whose process died after sending it.
            var async = request(width: 128, height: 128)
            async.deliveryMethod = .async
            async.numberResults = 2
            let asyncID = try history.createPending(async)
            _ = try await client.imageInference(async)
            try await Task.sleep(for: .milliseconds(100))
            // A sync job whose process died while waiting.
            let syncID = try history.createPending(request(width: 128, height: 128))
            // A job of a process that is still alive.
            let liveID = try history.createPending(request(width: 128, height: 128))
            let dead = Int64(Self.deadPID())
            try await history.pool.write { db in
                try db.execute(sql: "UPDATE job SET ownerPID = ? WHERE id IN (?, ?)", arguments: [dead, asyncID, syncID])
                try db.execute(sql: "UPDATE job SET ownerPID = 1 WHERE id = ?", arguments: [liveID])
            }
            let runner = JobRunner(client: client, schedule: fast, history: history)
            let outcomes = try await JobRecovery(runner: runner, history: history).recover(into: folder.url)
            #expect(outcomes.map(\.jobID) == [asyncID, syncID])
            let collected = try history.job(asyncID)
            #expect(collected.status == .done && collected.results.count == 2)
            #expect(collected.results.allSatisfy { FileManager.default.fileExists(atPath: $0.path) })
            let interrupted = try history.job(syncID)
            #expect(interrupted.status == .interrupted && interrupted.reason?.contains("sync") == true)
            #expect(try history.job(liveID).status == .pending)
        }
    }

    @Test func onlyTemporaryFilesOfGoneWritersAreCleanedUp() throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let dead = Self.deadPID()
        let live = ".c.jpg.\(getpid())-0a0b0c0d.tmp"
        let gone = ".a.jpg.\(dead)-1a2b3c4d.tmp"
        for name in [gone, live, ".notes.tmp", "keep.jpg", ".b.png.zzzzzzzz.tmp", ".old.jpg.1A2B3C4D.tmp",
                     ".fresh.jpg.5A2B3C4D.tmp"] {
            try Data([1]).write(to: folder.url.appendingPathComponent(name))
        }
        // An ownerless name from an older Darkroom goes only once nobody has written it for an hour.
        let old = folder.url.appendingPathComponent(".old.jpg.1A2B3C4D.tmp").path
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -7200)], ofItemAtPath: old)
        #expect(TemporaryFileName.removeAbandoned(under: folder.url) == TemporaryFileCleanup(removed: 2))
        #expect(folder.files() == [".b.png.zzzzzzzz.tmp", live, ".fresh.jpg.5A2B3C4D.tmp", ".notes.tmp", "keep.jpg"].sorted())
        #expect(TemporaryFileName.owner(of: TemporaryFileName.make(for: "x.png")) == .process(getpid()))
    }

    @Test func serverIdentitiesNeverChooseAPath() throws {
        let folder = TempFolder()
        defer { folder.remove() }
        for identity in ["/../../a", "/tmp/zz0", "..", "a/b\u{1b}]0;x\u{07}", "", "ünï"] {
            let name = ImageFileName.make(stamp: "20261202-000000", identity: identity, index: 0, format: .png)
            #expect(!name.contains("/") && name.unicodeScalars.allSatisfy { $0.isASCII && $0.value >= 0x20 })
            let url = try ImageFileName.url(name, in: folder.url)
            #expect(url.deletingLastPathComponent().standardizedFileURL.path == folder.url.standardizedFileURL.path)
        }
        #expect(ImageFileName.tag("/../../a") == "a")
        #expect(throws: ImageFileName.OutsideFolder.self) { try ImageFileName.url("../x.png", in: folder.url) }
        #expect(throws: ImageFileName.OutsideFolder.self) { try ImageFileName.url("..", in: folder.url) }
    }

    /// A pid that belonged to a process which has exited.
    static func deadPID() -> Int32 { Binary.deadPID() }
}

@Suite struct ImageMetadataTests {
    @Test func savedPNGsCarryTheParametersAndTheTask() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        try await SandboxHarness.with { sandbox in
            var r = request("a red fox in snow", width: 128, height: 128)
            r.outputFormat = .png
            r.negativePrompt = "blurry"
            r.steps = 20
            r.cfgScale = 3.5
            r.scheduler = "Euler"
            r.seed = 42
            r.numberResults = 2
            let saved = try await JobRunner(client: sandbox.client()).run(r, into: folder.url)
            let second = try #require(FileManager.default.contents(atPath: saved[1].path))
            let texts = PNGText.read(second)
            #expect(texts["parameters"] == """
                a red fox in snow
                Negative prompt: blurry
                Steps: 20, Sampler: Euler, CFG scale: 3.5, Seed: 43, Size: 128x128, Model: runware-111@1
                """)
            let task = try #require(texts["runware-task"].flatMap { try? JSONValue.parse(Data($0.utf8)).objectValue })
            #expect(task["seed"] == .int(43) && task["numberResults"] == nil && task["positivePrompt"] == .string("a red fox in snow"))
            #expect(try ImageDecoder.dimensions(second) == (128, 128))
        }
    }
}

@Suite struct ParametersTextTests {
    @Test func anotherToolsParametersBecomeARequest() throws {
        let text = """
            masterpiece, a castle on a hill,
            golden hour
            Negative prompt: lowres, blurry
            Steps: 30, Sampler: DPM++ 2M Karras, CFG scale: 6.5, Seed: 1234567890123, Size: 832x1216, Model hash: abc123, Model: juggernaut
            """
        let r = try #require(ImageMetadata.request(fromParameters: text))
        #expect(r.positivePrompt == "masterpiece, a castle on a hill,\ngolden hour")
        #expect(r.negativePrompt == "lowres, blurry")
        #expect(r.steps == 30 && r.scheduler == "DPM++ 2M Karras" && r.cfgScale == 6.5 && r.seed == 1_234_567_890_123)
        #expect(r.width == 832 && r.height == 1216)
        // "juggernaut" is no AIR: kept as written (the import says so), never swapped for ours.
        #expect(r.model == "juggernaut")
        #expect(ImageMetadata.request(fromParameters: "a castle\nSteps: 30")?.model == ImageInferenceRequest.defaultModel, "no Model: field")
        #expect(ImageMetadata.request(fromParameters: "") == nil)
    }

    @Test func ourOwnTextsRoundTrip() throws {
        var r = ImageInferenceRequest(taskUUID: TaskID.make(), positivePrompt: "a fox")
        r.steps = 12; r.seed = 9; r.width = 512; r.height = 512; r.cfgScale = 2
        let back = ImageMetadata.request(fromParameters: ImageMetadata.parameters(r, seed: 9))
        #expect(back?.positivePrompt == "a fox" && back?.steps == 12 && back?.seed == 9 && back?.width == 512 && back?.cfgScale == 2)
        // LoRAs as A1111's prompt tags, AIRs with a dash for their colon (sd-parsers splits at every colon).
        r.lora = [.init(model: "civitai:631986@706528", weight: 0.8), .init(model: "runware:120@3", weight: -0.5)]
        r.model = "civitai:4384@128713"
        let text = ImageMetadata.parameters(r, seed: 9)
        #expect(text.hasPrefix("a fox <lora:civitai-631986@706528:0.8> <lora:runware-120@3:-0.5>\n"), "\(text)")
        #expect(text.hasSuffix("Model: civitai-4384@128713"), "\(text)")
        let withLoRAs = try #require(ImageMetadata.request(fromParameters: text))
        #expect(withLoRAs.positivePrompt == "a fox" && withLoRAs.model == "civitai:4384@128713")
        #expect(withLoRAs.lora == r.lora)
        let exact = ImageMetadata.request(fromTexts: [ImageMetadata.taskKey: try ImageMetadata.task(r, seed: 9)])
        #expect(exact?.seed == 9 && exact?.taskUUID != r.taskUUID)
    }
}
