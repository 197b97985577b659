import Foundation
import Imaging
import RunwareSandbox
import Testing
import TestSupport

/// `darkroom generate` killed with SIGKILL at 20 moments spread over upload, wait, download and
/// write (the sandbox delays every request). Afterwards, and after one more start-up, History
/// must be sound: no temporary files, every job done with its files or interrupted/pending with
/// a reason, and `history check` content.
@Suite struct CrashSafetyTests {
    @Test func killingGenerateAtAnyMomentLosesNothing() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let seed = folder.path + "/seed.png"
        try ImageEncoder.encode(RGBAImage(width: 64, height: 64, fill: (200, 200, 200, 255)), as: .png).write(to: URL(fileURLWithPath: seed))
        let settings = SandboxEngine.Settings(apiKey: SandboxHarness.key, asyncLatency: .milliseconds(150),
                                              faults: try FaultPlan(specs: ["delay=40"]))
        try await SandboxHarness.with(settings) { sandbox in
            let env = Binary.isolatedEnvironment(folder, extra: ["RUNWARE_API_KEY": SandboxHarness.key])
            let args = ["generate", "a crash test", "--endpoint", sandbox.endpoint, "--size", "128x128", "-n", "3", "--seed-image", seed,
                        "--delivery", "async", "--output-format", "png", "-q"]
            for moment in 0..<12 {
                // Moments follow the job's progress, not the clock, so a loaded machine does not
                // shift them all before the first request: phase 0 = before any request, 1 = during
                // the upload, 2 = during submit, 3 = while polling; then a little later each round.
                let phase = moment % 4, extra = (moment / 4) * 15
                let base = sandbox.engine.requestCount
                let p = Process()
                p.executableURL = URL(fileURLWithPath: GenerateCLITests.darkroom)
                p.arguments = args
                p.environment = env
                p.standardOutput = FileHandle.nullDevice
                p.standardError = FileHandle.nullDevice
                try p.run()
                let deadline = ContinuousClock.now + .seconds(10)
                while sandbox.engine.requestCount < base + phase && p.isRunning && ContinuousClock.now < deadline {
                    try await Task.sleep(for: .milliseconds(1))
                }
                try await Task.sleep(for: .milliseconds(extra))
                kill(p.processIdentifier, SIGKILL)
                while p.isRunning { try await Task.sleep(for: .milliseconds(2)) }
            }
            // One more start cleans up and leaves the earlier async jobs to `history collect`,
            // which collects what the sandbox finished.
            let last = try await Binary.run(GenerateCLITests.darkroom, args, environment: env)
            #expect(last.status == 0, "\(last.stderr)")
            let collect = try await Binary.run(GenerateCLITests.darkroom, ["history", "collect", "--endpoint", sandbox.endpoint], environment: env)
            #expect(collect.status == 0, "\(collect.stderr)")
            let images = folder.path + "/data/darkroom/images"
            let leftovers = (FileManager.default.enumerator(atPath: images)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".tmp") }
            #expect(leftovers.isEmpty, "\(leftovers)")
            let list = try await Binary.run(GenerateCLITests.darkroom, ["history", "list", "--json", "--limit", "100"], environment: env)
            let jobs = list.stdout.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
            #expect(jobs.count >= 2)
            for job in jobs {
                let status = job["status"] as? String ?? "?"
                let results = job["results"] as? [[String: Any]] ?? []
                switch status {
                case "done":
                    #expect(results.count == 3, "\(job)")
                    #expect(results.allSatisfy { ($0["missing"] as? Bool) == false }, "\(job)")
                case "pending", "interrupted", "failed":
                    #expect(status == "pending" || (job["reason"] as? String)?.isEmpty == false, "\(job)")
                default:
                    Issue.record("unexpected status \(status): \(job)")
                }
            }
            // The kills landed in different phases: some jobs were collected afterwards, some never started.
            let statuses = jobs.map { $0["status"] as? String ?? "" }
            #expect(statuses.filter { $0 == "done" }.count >= 2, "\(statuses)")
            #expect(statuses.contains("interrupted"), "\(statuses)")
            let check = try await Binary.run(GenerateCLITests.darkroom, ["history", "check"], environment: env)
            #expect(!check.stderr.contains("database:"), "\(check.stderr)")
            #expect(check.stdout.contains("History is sound"), "\(check.stdout)")
        }
    }
}
