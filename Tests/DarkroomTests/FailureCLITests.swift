import Foundation
import Imaging
import RunwareSandbox
import Testing
import TestSupport

/// Things that go wrong outside the request: each a clear one-line error with its exit code,
/// no crash, and no partial file in the output folder.
@Suite struct FailureCLITests {
    struct Outcome {
        var result: Binary.Result
        var outFiles: [String]
        var requests: Int
    }

    func generate(faults: [String] = [], key: String = SandboxHarness.key, endpoint: String? = nil,
                  args: [String] = [], files: (TempFolder) throws -> [String] = { _ in [] }) async throws -> Outcome {
        let folder = TempFolder()
        defer { folder.remove() }
        return try await SandboxHarness.with { sandbox in
            sandbox.engine.plan(try FaultPlan(specs: faults))
            let extra = try files(folder)
            let env = Binary.isolatedEnvironment(folder, extra: ["RUNWARE_API_KEY": key])
            let r = try await Binary.run(GenerateCLITests.darkroom,
                                         ["generate", "--endpoint", endpoint ?? sandbox.endpoint, "--out", folder.path + "/out",
                                          "a quiet harbour", "--size", "128x128", "--retries", "2"] + args + extra,
                                         environment: env)
            let out = (try? FileManager.default.contentsOfDirectory(atPath: folder.path + "/out")) ?? []
            return Outcome(result: r, outFiles: out, requests: sandbox.engine.requestCount)
        }
    }

    func expectOneLine(_ o: Outcome, status: Int32, _ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(o.result.status == status, "\(o.result.stderr)", sourceLocation: sourceLocation)
        let errors = o.result.stderr.split(separator: "\n").filter { $0.hasPrefix("darkroom: error:") }
        #expect(errors.count == 1, "\(o.result.stderr)", sourceLocation: sourceLocation)
        #expect(o.result.stderr.contains(text), "\(o.result.stderr)", sourceLocation: sourceLocation)
        #expect(o.outFiles.isEmpty, "left behind: \(o.outFiles)", sourceLocation: sourceLocation)
        #expect(o.result.stdout.isEmpty, sourceLocation: sourceLocation)
    }

    @Test func aMissingInputFileIsNamed() async throws {
        let o = try await generate(args: ["--seed-image", "/nonexistent/photo.jpg"])
        expectOneLine(o, status: 64, "inputs.seedImage: /nonexistent/photo.jpg: no such file")
        #expect(o.requests == 0)
    }

    @Test func aFileThatIsNotAnImageIsNamed() async throws {
        let o = try await generate { folder in
            try Data("hello, not an image".utf8).write(to: folder.url.appendingPathComponent("notes.png"))
            return ["--mask-image", folder.path + "/notes.png", "--seed-image", folder.path + "/notes.png"]
        }
        expectOneLine(o, status: 64, "notes.png: is not a JPEG, PNG or WEBP image")
        #expect(o.requests == 0)
    }

    @Test func anUnreadableFileIsNamed() async throws {
        guard getuid() != 0 else {
            // Root reads anything; a folder given as an image exercises the same refusal path.
            let o = try await generate { folder in ["--seed-image", folder.path] }
            expectOneLine(o, status: 64, "is a folder, not an image file")
            return
        }
        let o = try await generate { folder in
            let path = folder.path + "/secret.png"
            try ImageEncoder.encode(RGBAImage(width: 8, height: 8), as: .png).write(to: URL(fileURLWithPath: path))
            chmod(path, 0o000)
            return ["--seed-image", path]
        }
        expectOneLine(o, status: 64, "cannot be read")
    }

    @Test func anUnreachableEndpointIsANetworkFailure() async throws {
        // Port 9 on loopback: nothing listens there.
        let o = try await generate(endpoint: "http://127.0.0.1:9/v1", args: ["--retries", "0"])
        expectOneLine(o, status: 75, "cannot connect")
    }

    @Test func aWrongKeyIsAnAPIError() async throws {
        let o = try await generate(key: "wrong-key")
        expectOneLine(o, status: 69, "invalidApiKey")
        #expect(!o.result.stderr.contains("wrong-key"))
    }

    @Test func aStormOf429GivesUpAfterTheRetries() async throws {
        let o = try await generate(faults: ["429"], args: ["--retries", "1"])
        expectOneLine(o, status: 69, "rateLimitExceeded")
        #expect(o.requests == 2)
        #expect(o.result.stderr.contains("retry 1 in"))
    }

    @Test func aConnectionDroppedMidBodyIsANetworkFailure() async throws {
        let o = try await generate(faults: ["drop"], args: ["--retries", "0"])
        expectOneLine(o, status: 75, "the connection broke during the response")
    }

    @Test func aDroppedReplyIsRecoveredByRetrying() async throws {
        // The task ran but its reply was lost: the retry meets a conflict and collects the results.
        let o = try await generate(faults: ["drop*1"])
        #expect(o.result.status == 0, "\(o.result.stderr)")
        #expect(o.result.stdout.split(separator: "\n").count == 1)
    }

    @Test func aTruncatedBodyIsAnUnreadableAnswer() async throws {
        let o = try await generate(faults: ["truncate"])
        expectOneLine(o, status: 69, "the JSON is malformed or cut short")
    }

    @Test func anHTMLErrorPageIsNamedAsSuch() async throws {
        let o = try await generate(faults: ["html"], args: ["--retries", "0"])
        expectOneLine(o, status: 69, "expected JSON, got text/html (\"502 Bad Gateway\")")
    }

    @Test func aKeyFileOthersCanReadIsRefused() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let config = folder.path + "/config/darkroom"
        try FileManager.default.createDirectory(atPath: config, withIntermediateDirectories: true)
        try Data("file-key-123\n".utf8).write(to: URL(fileURLWithPath: config + "/api-key"))
        chmod(config + "/api-key", 0o644)
        let env = Binary.isolatedEnvironment(folder)
        let r = try await Binary.run(GenerateCLITests.darkroom, ["generate", "a cat", "--size", "128x128"], environment: env)
        #expect(r.status == 78)
        #expect(r.stderr.contains("refusing the API key from \(config)/api-key: its mode is 644"))
        #expect(!r.stderr.contains("file-key-123"))
        // With 0600 the file's key is used (and the sandbox refuses it: it was started with another key).
        chmod(config + "/api-key", 0o600)
        try await SandboxHarness.with(.init(apiKey: "file-key-123")) { sandbox in
            let ok = try await Binary.run(GenerateCLITests.darkroom,
                                          ["generate", "a cat", "--size", "128x128", "--endpoint", sandbox.endpoint, "--out", folder.path + "/o"],
                                          environment: env)
            #expect(ok.status == 0, "\(ok.stderr)")
        }
    }

    @Test func withoutAKeyTheBuiltInSandboxIsUsedAndSaysSo() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let r = try await Binary.run(GenerateCLITests.darkroom, ["generate", "a cat", "--size", "128x128"],
                                     environment: Binary.isolatedEnvironment(folder))
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("sandbox: no API key set; using the built-in sandbox at http://127.0.0.1:"))
        let path = try #require(r.stdout.split(separator: "\n").first.map(String.init))
        #expect(path.hasPrefix(folder.path + "/data/darkroom/images/"))
        #expect(FileManager.default.fileExists(atPath: path))
    }
}
