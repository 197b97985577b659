import Foundation
import Imaging
@testable import RunwareSandbox
import Synchronization
import Testing
import TestSupport

/// History shared by several processes, damaged on disk, or fed images from elsewhere.
@Suite struct SharedHistoryCLITests {
    static let darkroom = Binary.product("darkroom")

    /// Four `generate` processes at once, fifteen jobs each, on one History and one images
    /// folder: no start-up may remove another process's half-written image.
    @Test func concurrentRunsKeepEveryImage() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        try await SandboxHarness.with { sandbox in
            let env = Binary.isolatedEnvironment(folder, extra: ["RUNWARE_API_KEY": SandboxHarness.key])
            let failures = FailureList()
            let endpoint = sandbox.endpoint
            await withTaskGroup(of: Void.self) { group in
                for worker in 0..<4 {
                    group.addTask {
                        for job in 0..<15 {
                            let r = try? await Binary.run(Self.darkroom, [
                                "generate", "worker \(worker) job \(job)", "--endpoint", endpoint, "--size", "128x128",
                                "--output-format", "png", "-q",
                            ], environment: env)
                            if r?.status != 0 { failures.add("worker \(worker) job \(job): \(r?.stderr ?? "did not run")") }
                        }
                    }
                }
            }
            #expect(failures.all.isEmpty, "\(failures.all)")
            let list = try await Binary.run(Self.darkroom, ["history", "list", "--json", "--limit", "200"], environment: env)
            let jobs = list.stdout.split(separator: "\n").compactMap {
                try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
            }
            #expect(jobs.count == 60)
            #expect(jobs.allSatisfy { $0["status"] as? String == "done" })
            let results = jobs.flatMap { $0["results"] as? [[String: Any]] ?? [] }
            #expect(results.count == 60 && results.allSatisfy { $0["missing"] as? Bool == false })
            let images = folder.path + "/data/darkroom/images"
            let files = (FileManager.default.enumerator(atPath: images)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".png") }
            #expect(files.count == 60)
        }
    }

    /// Random bytes in the middle of history.sqlite: refused with a clear message, the file's
    /// bytes unchanged, and `history check` says how to recover.
    @Test func aDamagedHistoryIsRefusedAndNeverWritten() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let env = Binary.isolatedEnvironment(folder)
        for n in 0..<6 {
            let r = try await Binary.run(Self.darkroom, ["generate", "a lighthouse number \(n) " + String(repeating: "and a long prompt ", count: 40),
                                                         "--size", "128x128", "-q"], environment: env)
            #expect(r.status == 0, "\(r.stderr)")
        }
        let db = folder.path + "/data/darkroom/history.sqlite"
        var bytes = try Data(contentsOf: URL(fileURLWithPath: db))
        var random = SplitMix64(seed: 11)
        let middle = (bytes.count / 2 / 4096) * 4096
        for i in middle..<(middle + 3000) { bytes[i] = UInt8(truncatingIfNeeded: random.next()) }
        try bytes.write(to: URL(fileURLWithPath: db))
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        let generate = try await Binary.run(Self.darkroom, ["generate", "after the damage", "--size", "128x128"], environment: env)
        #expect(generate.status != 0)
        #expect(generate.stderr.contains("is damaged") && generate.stderr.contains("history check"), "\(generate.stderr)")
        for args in [["history", "list"], ["history", "show", "1"]] {
            let r = try await Binary.run(Self.darkroom, args, environment: env)
            #expect(r.status != 0 && r.stderr.contains("is damaged") && !r.stderr.contains("SQLite error"), "\(r.stderr)")
        }
        let check = try await Binary.run(Self.darkroom, ["history", "check"], environment: env)
        #expect(check.status == 1)
        #expect(check.stdout.contains("database:") && check.stdout.contains(".recover") && check.stdout.contains("keeping the old one"),
                "\(check.stdout)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)
        // Nothing was written through the journal either.
        #expect(folder.files(in: "data/darkroom").filter { $0 == "history.sqlite-wal" }.allSatisfy { name in
            ((try? FileManager.default.attributesOfItem(atPath: folder.path + "/data/darkroom/" + name)[.size] as? NSNumber)?.intValue ?? 0) == 0
        })
    }

    /// An image whose embedded task names a local file, a webhook and an upload URL: importing
    /// it and re-running the job reads no local file and sends nothing anywhere else.
    @Test func anImportedImageCannotSendYourFilesAway() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let secret = folder.path + "/private-photo.png"
        try ImageEncoder.encode(RGBAImage(width: 64, height: 64, fill: (1, 2, 3, 255)), as: .png).write(to: URL(fileURLWithPath: secret))
        let task = """
            {"taskType":"imageInference","taskUUID":"\(UUID().uuidString.lowercased())","model":"runware:111@1",\
            "positivePrompt":"a cat on a sofa","width":512,"height":512,"inputs":{"seedImage":"\(secret)"},"strength":0.5,\
            "webhookURL":"https://collector.example/hook","uploadEndpoint":"https://collector.example/put"}
            """
        let plain = try ImageEncoder.encode(RGBAImage(width: 32, height: 32, fill: (9, 9, 9, 255)), as: .png)
        let cat = folder.path + "/cat.png"
        try ImageText.embed(parameters: "a cat on a sofa", task: task, into: plain).write(to: URL(fileURLWithPath: cat))
        let jpeg = try ImageEncoder.encode(RGBAImage(width: 32, height: 32, fill: (9, 9, 9, 255)), as: .jpeg)
        let server = try HostileServer { request in
            let id = request.tasks.first?["taskUUID"] as? String ?? ""
            return .json(["data": [["taskType": "imageInference", "taskUUID": id, "imageUUID": "b1",
                                    "imageBase64Data": jpeg.base64EncodedString()]]])
        }
        defer { server.stop() }
        let env = Binary.isolatedEnvironment(folder, extra: ["RUNWARE_API_KEY": "k"])
        let imported = try await Binary.run(Self.darkroom, ["history", "import", cat], environment: env)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stderr.contains("inputs.seedImage") && imported.stderr.contains("webhookURL")
                    && imported.stderr.contains("uploadEndpoint"), "\(imported.stderr)")
        let rerun = try await Binary.run(Self.darkroom, ["history", "rerun", "1", "--endpoint", server.endpoint, "--retries", "0",
                                                         "--out", folder.path + "/out"], environment: env)
        #expect(rerun.status == 0, "\(rerun.stderr)")
        let sent = server.requests.flatMap(\.tasks)
        #expect(!sent.isEmpty)
        #expect(!sent.contains { $0["taskType"] as? String == "imageUpload" })
        for t in sent {
            #expect(t["webhookURL"] == nil && t["uploadEndpoint"] == nil)
            #expect((t["inputs"] as? [String: Any])?["seedImage"] == nil)
        }
        #expect(!server.requests.contains { String(decoding: $0.body, as: UTF8.self).contains("private-photo") })
    }
}

final class FailureList: Sendable {
    private let list = Mutex<[String]>([])
    func add(_ s: String) { list.withLock { $0.append(s) } }
    var all: [String] { list.withLock { $0 } }
}
