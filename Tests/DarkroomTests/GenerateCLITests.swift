import Foundation
import Imaging
import RunwareSandbox
import Testing
import TestSupport

/// `darkroom generate` as a script would run it, against an in-process sandbox.
@Suite struct GenerateCLITests {
    static let darkroom = Binary.product("darkroom")

    func run(_ sandbox: SandboxHarness, _ args: [String], folder: TempFolder, key: String = SandboxHarness.key,
             extraEnv: [String: String] = [:]) async throws -> Binary.Result {
        let env = Binary.isolatedEnvironment(folder, extra: ["RUNWARE_API_KEY": key].merging(extraEnv) { $1 })
        return try await Binary.run(Self.darkroom, ["generate", "--endpoint", sandbox.endpoint, "--out", folder.path + "/out"] + args,
                                    environment: env)
    }

    @Test func makesImagesAndPrintsTheirPaths() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        try await SandboxHarness.with { sandbox in
            let r = try await run(sandbox, ["a lighthouse at dusk", "--size", "256x128", "--seed", "42", "-n", "2", "--output-format", "png"], folder: folder)
            #expect(r.status == 0, "\(r.stderr)")
            let paths = r.stdout.split(separator: "\n").map(String.init)
            #expect(paths.count == 2)
            for path in paths {
                let data = try #require(FileManager.default.contents(atPath: path))
                #expect(ImageFormat.detect(data) == .png)
                #expect(try ImageDecoder.dimensions(data) == (256, 128))
            }
            #expect(!r.stderr.contains(SandboxHarness.key) && !r.stdout.contains(SandboxHarness.key))
        }
    }

    @Test func jsonPrintsOneLinePerResult() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        try await SandboxHarness.with { sandbox in
            let r = try await run(sandbox, ["a fox", "--size", "128x128", "-n", "3", "--seed", "7", "--json",
                                            "--delivery", "async", "--output-type", "dataURI"], folder: folder)
            #expect(r.status == 0, "\(r.stderr)")
            let lines = r.stdout.split(separator: "\n")
            #expect(lines.count == 3)
            let objects = try lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
            #expect(objects.compactMap { $0?["seed"] as? Int }.sorted() == [7, 8, 9])
            #expect(objects.allSatisfy { ($0?["cost"] as? Double ?? 0) > 0 && $0?["path"] is String })
        }
    }

    @Test func aRequestFileIsOverriddenByOptions() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        try await SandboxHarness.with { sandbox in
            let file = folder.path + "/task.json"
            try Data("""
                {"taskType":"imageInference","model":"runware:111@1","positivePrompt":"from the file",
                 "width":128,"height":128,"steps":10,"outputFormat":"WEBP","outputType":"base64Data"}
                """.utf8).write(to: URL(fileURLWithPath: file))
            let r = try await run(sandbox, ["--request", file, "--width", "256", "--json"], folder: folder)
            #expect(r.status == 0, "\(r.stderr)")
            let path = try #require(r.stdout.split(separator: "\n").first.flatMap {
                (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["path"] as? String })
            let data = try #require(FileManager.default.contents(atPath: path))
            #expect(ImageFormat.detect(data) == .webp)
            #expect(try ImageDecoder.dimensions(data) == (256, 128))
            // A typo in the file is named, and nothing is sent.
            try Data(#"{"positivePrompt":"x y","widht":128}"#.utf8).write(to: URL(fileURLWithPath: file))
            let bad = try await run(sandbox, ["--request", file], folder: folder)
            #expect(bad.status == 64)
            #expect(bad.stderr.contains("widht: is not a parameter of this task"))
        }
    }

    @Test func imageInputsFromFilesAreUploadedFirst() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        try await SandboxHarness.with { sandbox in
            let seed = folder.path + "/seed.png"
            try ImageEncoder.encode(RGBAImage(width: 128, height: 128, fill: (255, 255, 255, 255)), as: .png)
                .write(to: URL(fileURLWithPath: seed))
            let r = try await run(sandbox, ["a photo", "--size", "128x128", "--seed-image", seed, "--strength", "0.2",
                                            "--controlnet", "model=runware:25@1,guide=\(seed),weight=0.5"], folder: folder)
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stderr.contains("uploading \(seed) for inputs.seedImage"))
            // Two uploads, one inference (async, the default), and the polls that collected it.
            #expect(sandbox.engine.requestCount >= 4)
            #expect(r.stderr.contains("sent (task") && r.stderr.contains(", async)"), "\(r.stderr)")
        }
    }

    /// `--list-schedulers` is the list a wrong scheduler points to; a name with spaces is one
    /// argument, quoted, and is sent as it is.
    @Test func schedulersAreListedAndOnesWithSpacesWork() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let env = Binary.isolatedEnvironment(folder)
        let list = try await Binary.run(Self.darkroom, ["generate", "--list-schedulers"], environment: env)
        let names = list.stdout.split(separator: "\n").map(String.init)
        #expect(list.status == 0 && names.count == 75 && names.contains("DPM++ 2M Karras"), "\(list.stdout)")
        let wrong = try await Binary.run(Self.darkroom, ["generate", "a fox", "--scheduler", "Karras 2M", "--sandbox"], environment: env)
        #expect(wrong.status == 64 && wrong.stderr.contains("`darkroom generate --list-schedulers` prints them"), "\(wrong.stderr)")
        try await SandboxHarness.with { sandbox in
            let r = try await run(sandbox, ["a fox", "--size", "128x128", "--scheduler", "DPM++ 2M Karras"], folder: folder)
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout.split(separator: "\n").count == 1, "\(r.stdout)")
            let show = try await Binary.run(Self.darkroom, ["history", "show", "1"], environment: Binary.isolatedEnvironment(folder))
            #expect(show.stdout.contains(#""scheduler":"DPM++ 2M Karras""#), "\(show.stdout)")
        }
    }

    @Test func helpListsEveryGroupAndTheExitCodes() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let r = try await Binary.run(Self.darkroom, ["generate", "--help"], environment: Binary.isolatedEnvironment(folder))
        for heading in ["PROMPT", "IMAGE", "INPUTS", "STACKS", "FEATURES", "ACCELERATOR", "OUTPUT AND DELIVERY"] {
            #expect(r.stdout.uppercased().contains(heading), "\(heading)")
        }
        for option in ["--lora", "--controlnet", "--ip-adapter", "--cfg-scale", "--layer-diffuse", "--pulid-image",
                       "--ultralytics-steps", "--tea-cache-distance", "--webhook-url", "--upload-endpoint", "--ttl"] {
            #expect(r.stdout.contains(option), "\(option)")
        }
        let top = try await Binary.run(Self.darkroom, ["--help"], environment: Binary.isolatedEnvironment(folder))
        #expect(top.stdout.contains("64 invalid input"))
    }
}
