import Foundation
import Imaging
import RunwareAPI
import RunwareSandbox
import Synchronization
import Testing
import TestSupport

@Suite struct DeliveryTests {
    @Test func asyncAcknowledgesAtOnceThenPollingCollectsEveryResult() async throws {
        try await SandboxHarness.with(.init(apiKey: SandboxHarness.key, asyncLatency: .milliseconds(200))) { sandbox in
            var r = request(width: 128, height: 128)
            r.deliveryMethod = .async
            r.numberResults = 2
            let client = sandbox.client()
            let ack = try await client.imageInference(r)
            #expect(ack.count == 1 && ack[0].taskUUID == r.taskUUID && !ack[0].isFinished)
            var done: [ImageResult] = []
            for _ in 0..<100 where done.count < 2 {
                try await Task.sleep(for: .milliseconds(20))
                done = try await client.getResponse(taskUUID: r.taskUUID).filter(\.isFinished)
            }
            #expect(done.count == 2 && done.allSatisfy { $0.status == "success" && $0.imageURL != nil })
            await #expect { try await client.getResponse(taskUUID: TaskID.make()) } throws: { error in
                guard case RunwareError.api(404, let errors)? = error as? RunwareError else { return false }
                return errors.first?.code == "taskFailedOrNotFound"
            }
        }
    }

    @Test func aTaskStillRunningReportsProcessing() async throws {
        try await SandboxHarness.with(.init(apiKey: SandboxHarness.key, asyncLatency: .seconds(60))) { sandbox in
            var r = request(width: 128, height: 128)
            r.deliveryMethod = .async
            let client = sandbox.client()
            _ = try await client.imageInference(r)
            let early = try await client.getResponse(taskUUID: r.taskUUID)
            #expect(early.count == 1 && early[0].status == "processing" && !early[0].isFinished)
            #expect(early[0].progress != nil)
        }
    }

    @Test func urlResultsAreServedUntilTheirTTL() async throws {
        let clock = Mutex<Date>(Date(timeIntervalSince1970: 1_800_000_000))
        let settings = SandboxEngine.Settings(apiKey: SandboxHarness.key, now: { clock.withLock { $0 } })
        try await SandboxHarness.with(settings) { sandbox in
            var r = request(width: 128, height: 128)
            r.ttl = 60
            r.outputFormat = .webp
            let client = sandbox.client()
            let url = try #require(try await client.imageInference(r).first?.imageURL)
            let bytes = try await client.download(url)
            #expect(ImageFormat.detect(bytes) == .webp)
            clock.withLock { $0 += 61 }
            await #expect(throws: RunwareError.self) { try await client.download(url) }
        }
    }

    @Test func webhooksAndUploadEndpointsReceiveEveryResult() async throws {
        let receiver = Receiver()
        try await receiver.start()
        try await SandboxHarness.with { sandbox in
            var r = request(width: 128, height: 128)
            r.numberResults = 2
            r.outputFormat = .png
            r.webhookURL = receiver.url("/hook?token=abc")
            r.uploadEndpoint = receiver.url("/bucket/out.png")
            _ = try await sandbox.client().imageInference(r)
            let hits = await receiver.wait(for: 4)
            let posts = hits.filter { $0.method == "POST" }, puts = hits.filter { $0.method == "PUT" }
            #expect(posts.count == 2 && puts.count == 2)
            for post in posts {
                let item = try ResponseEnvelope<ImageResult>.decode(post.body).data.first
                #expect(item?.taskUUID == r.taskUUID && item?.imageUUID != nil)
            }
            #expect(puts.allSatisfy { ImageFormat.detect($0.body) == .png && $0.contentType == "image/png" })
        }
        await receiver.stop()
    }

    /// A receiver that answers 404 is tried again (Runware retries any answer but a 2xx); a JPG is
    /// PUT as `image/jpeg`, its registered type.
    @Test func aRefusedWebhookIsRetriedAndJPGsGoAsImageJPEG() async throws {
        let receiver = Receiver(refusing: 2)
        try await receiver.start()
        try await SandboxHarness.with { sandbox in
            var r = request(width: 128, height: 128)
            r.webhookURL = receiver.url("/hook")
            _ = try await sandbox.client().imageInference(r)
            let posts = await receiver.wait(for: 3)
            #expect(posts.count == 3 && posts.allSatisfy { $0.path == "/hook" }, "two 404s, then accepted: \(posts.count)")
            var jpg = request(width: 128, height: 128)
            jpg.uploadEndpoint = receiver.url("/bucket/out.jpg")
            _ = try await sandbox.client().imageInference(jpg)
            let put = await receiver.wait(for: 4).last
            #expect(put?.method == "PUT" && put?.contentType == "image/jpeg", "\(put?.contentType ?? "none")")
        }
        await receiver.stop()
    }

    @Test func aTwoMegapixelPictureIsQuick() async throws {
        // Not a timing assertion: checks a large request completes and is the right size.
        try await SandboxHarness.with { sandbox in
            var r = request(width: 1024, height: 1024)
            r.outputType = .base64Data
            let result = try #require(try await sandbox.client().imageInference(r).first)
            let b64 = try #require(result.imageBase64Data)
            let data = try #require(Data(base64Encoded: b64))
            #expect(try ImageDecoder.dimensions(data) == (1024, 1024))
        }
    }
}
