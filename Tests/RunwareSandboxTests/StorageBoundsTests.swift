import Foundation
import Imaging
import RunwareAPI
import RunwareSandbox
import Testing
import TestSupport

/// Stored images and task records stay within their budgets however many jobs run; what is
/// evicted answers like what has expired.
@Suite struct StorageBoundsTests {
    func settings(_ change: (inout SandboxLimits) -> Void) -> SandboxEngine.Settings {
        var settings = SandboxEngine.Settings(apiKey: SandboxHarness.key, asyncLatency: .milliseconds(30))
        change(&settings.limits)
        return settings
    }

    func get(_ url: String) async throws -> HTTPResponse {
        try await CurlTransport().send(HTTPRequest(method: "GET", url: url))
    }

    @Test func storedImagesStayWithinTheirBudgetAndTheLeastRecentlyUsedGoFirst() async throws {
        let budget = 150_000
        try await SandboxHarness.with(settings { $0.imageBytes = budget }) { sandbox in
            let client = sandbox.client()
            func job(_ prompt: String) async throws -> (url: String, bytes: Int) {
                var r = request(prompt, width: 192, height: 192)
                r.outputFormat = .png
                let url = try #require(try await client.imageInference(r).first?.imageURL)
                return (url, try await client.download(url).count)
            }
            let kept = try await job("kept: read after every job")
            let evicted = try await job("never read again")
            // Jobs until twice the budget has been made, reading `kept` after each.
            var made = kept.bytes + evicted.bytes
            var last = evicted
            for i in 0..<200 where made <= 2 * budget {
                last = try await job("filler \(i)")
                made += last.bytes
                #expect(try await client.download(kept.url).count == kept.bytes)
                #expect(sandbox.engine.storage.imageBytes <= budget)
            }
            #expect(made > 2 * budget)
            let gone = try await get(evicted.url)
            #expect(gone.status == 404)
            #expect(try ResponseEnvelope<JSONValue>.decode(gone.body).errors.first?.code == "imageNotFound")
            #expect(try await get(last.url).status == 200)
        }
    }

    @Test func uploadsShareTheImageBudget() async throws {
        let budget = 150_000
        try await SandboxHarness.with(settings { $0.imageBytes = budget }) { sandbox in
            let client = sandbox.client()
            let picture = try ImageEncoder.encode(RGBAImage(width: 64, height: 64), as: .png)
            let upload = try await client.upload(image: picture.base64EncodedString())
            #expect(try await get(upload.imageURL ?? "").status == 200)
            var made = 0
            for i in 0..<200 where made <= 2 * budget {
                var r = request("filler \(i)", width: 192, height: 192)
                r.outputFormat = .png
                let url = try #require(try await client.imageInference(r).first?.imageURL)
                made += try await client.download(url).count
            }
            #expect(sandbox.engine.storage.imageBytes <= budget)
            #expect(try await get(upload.imageURL ?? "").status == 404)
            // Naming the evicted upload is the same error as naming an expired one.
            var r = request(width: 128, height: 128)
            r.inputs = ImageInferenceRequest.Inputs(seedImage: upload.imageUUID)
            await #expect { try await client.imageInference(r) } throws: { error in
                guard case RunwareError.api(400, let errors)? = error as? RunwareError else { return false }
                return errors.first?.code == "invalidSeedImage"
            }
        }
    }

    @Test func taskRecordsAreBoundedByCount() async throws {
        try await SandboxHarness.with(settings { $0.taskRecords = 3 }) { sandbox in
            let client = sandbox.client()
            var uuids: [String] = []
            for i in 0..<6 {
                var r = request("job \(i)", width: 128, height: 128)
                r.deliveryMethod = .async
                _ = try await client.imageInference(r)
                uuids.append(r.taskUUID)
                #expect(sandbox.engine.storage.taskRecords <= 3)
            }
            await #expect { try await client.getResponse(taskUUID: uuids[0]) } throws: { error in
                guard case RunwareError.api(404, let errors)? = error as? RunwareError else { return false }
                return errors.first?.code == "taskFailedOrNotFound"
            }
            var last: [ImageResult] = []
            for _ in 0..<200 where last.first?.isFinished != true {
                last = try await client.getResponse(taskUUID: uuids[5])
                try await Task.sleep(for: .milliseconds(20))
            }
            #expect(last.first?.isFinished == true)
        }
    }

    @Test func taskRecordsAreBoundedByBytes() async throws {
        let budget = 60_000
        try await SandboxHarness.with(settings { $0.taskRecordBytes = budget }) { sandbox in
            let client = sandbox.client()
            var first: String?
            var made = 0
            for i in 0..<200 where made <= 2 * budget {
                var r = request("job \(i)", width: 128, height: 128)
                r.outputType = .base64Data
                let result = try #require(try await client.imageInference(r).first)
                made += result.imageBase64Data?.utf8.count ?? 0
                first = first ?? r.taskUUID
                #expect(sandbox.engine.storage.taskRecordBytes <= budget)
            }
            #expect(made > 2 * budget)
            await #expect(throws: RunwareError.self) { try await client.getResponse(taskUUID: first ?? "") }
        }
    }
}
