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

    /// Polls an async task until all its images are in.
    func collect(_ client: RunwareClient, _ taskUUID: String) async throws -> [ImageResult] {
        var results: [ImageResult] = []
        for _ in 0..<500 where !(results.first?.isFinished ?? false) {
            results = try await client.getResponse(taskUUID: taskUUID)
            if results.first?.isFinished != true { try await Task.sleep(for: .milliseconds(10)) }
        }
        return results
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
                r.deliveryMethod = .async
                _ = try await client.imageInference(r)
                let result = try #require(try await collect(client, r.taskUUID).first)
                made += result.imageBase64Data?.utf8.count ?? 0
                first = first ?? r.taskUUID
                #expect(sandbox.engine.storage.taskRecordBytes <= budget)
            }
            #expect(made > 2 * budget)
            await #expect(throws: RunwareError.self) { try await client.getResponse(taskUUID: first ?? "") }
        }
    }

    @Test func syncTaskRecordsKeepNoImageData() async throws {
        try await SandboxHarness.with { sandbox in
            let client = sandbox.client()
            var made = 0
            for i in 0..<10 {
                var r = request("sync job \(i)", width: 256, height: 256)
                r.outputType = i.isMultiple(of: 2) ? .base64Data : .dataURI
                r.outputFormat = .png
                let result = try #require(try await client.imageInference(r).first)
                made += (result.imageBase64Data ?? result.imageDataURI ?? "").utf8.count
            }
            #expect(made > 100_000)
            // Ten records of their UUIDs only: no image nobody can fetch is kept.
            #expect(sandbox.engine.storage.taskRecords == 10)
            #expect(sandbox.engine.storage.taskRecordBytes <= 10 * 1024)
            // An async task's record keeps its images for getResponse.
            var r = request("async job", width: 256, height: 256)
            r.outputType = .base64Data
            r.deliveryMethod = .async
            _ = try await client.imageInference(r)
            #expect(try await collect(client, r.taskUUID).first?.imageBase64Data?.isEmpty == false)
        }
    }
}
