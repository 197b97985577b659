import Foundation
import RunwareSandbox
import Testing
import TestSupport

/// `generate` never waits silently for older jobs, and ctrl-c cancels its own job: recorded as
/// cancelled in History and said on stderr. Jobs a stopped Darkroom left are collected by
/// `history collect` (or the studio).
@Suite struct InterruptCLITests {
    static let darkroom = Binary.product("darkroom")

    /// The History rows, newest first.
    static func jobs(_ env: [String: String]) async throws -> [[String: Any]] {
        let list = try await Binary.run(darkroom, ["history", "list", "--json"], environment: env)
        return list.stdout.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }

    /// Starts `generate`, waits until the sandbox has had `requests` more requests (the job is
    /// sent and being polled), and sends it `signal`; its exit code and stderr.
    static func interrupt(_ args: [String], env: [String: String], sandbox: SandboxHarness, after requests: Int,
                          signal: Int32, folder: TempFolder) async throws -> (code: Int32, stderr: String) {
        let base = sandbox.engine.requestCount
        let errPath = folder.path + "/stderr-\(UUID().uuidString)"
        let pid = try Binary.spawn(darkroom, args, environment: env, stderr: errPath)
        let deadline = ContinuousClock.now + .seconds(60)
        while sandbox.engine.requestCount < base + requests && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(5))
        }
        kill(pid, signal)
        let status = await Binary.wait(pid)
        let stderr = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        // A normal exit's code, or 128 + the signal that ended it.
        let code = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return (code, stderr)
    }

    @Test func ctrlCCancelsTheJobAndSaysSo() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let settings = SandboxEngine.Settings(apiKey: SandboxHarness.key, asyncLatency: .seconds(120))
        try await SandboxHarness.with(settings) { sandbox in
            let env = Binary.isolatedEnvironment(folder, extra: ["RUNWARE_API_KEY": SandboxHarness.key])
            let args = ["generate", "a fox", "--endpoint", sandbox.endpoint, "--size", "256x256", "--delivery", "async", "--retries", "0"]
            // Two requests: the task was sent and is being waited for.
            let run = try await Self.interrupt(args, env: env, sandbox: sandbox, after: 2, signal: SIGINT, folder: folder)
            #expect(run.code == 130, "\(run.stderr)")
            #expect(run.stderr.contains("job 1 cancelled; History records it as cancelled"), "\(run.stderr)")
            #expect(run.stderr.contains("goes on there and is billed"), "\(run.stderr)")
            let jobs = try await Self.jobs(env)
            #expect(jobs.count == 1)
            #expect(jobs.first?["status"] as? String == "cancelled", "\(jobs)")
        }
    }

    @Test func anEarlierJobIsLeftToHistoryCollectNotWaitedFor() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let settings = SandboxEngine.Settings(apiKey: SandboxHarness.key, asyncLatency: .seconds(3))
        try await SandboxHarness.with(settings) { sandbox in
            let env = Binary.isolatedEnvironment(folder, extra: ["RUNWARE_API_KEY": SandboxHarness.key])
            let args = ["generate", "a fox", "--endpoint", sandbox.endpoint, "--size", "256x256", "--delivery", "async"]
            // Killed while its task is on its way: job 1 stays pending in History.
            let killed = try await Self.interrupt(args, env: env, sandbox: sandbox, after: 2, signal: SIGKILL, folder: folder)
            #expect(killed.code == 128 + SIGKILL)

            // The next generate names job 1 and leaves it (its own job is sync, the earlier one's
            // picture is not ready for seconds): it does not collect it first.
            let next = try await Binary.run(Self.darkroom, ["generate", "a cat", "--endpoint", sandbox.endpoint, "--size", "256x256",
                                                            "--delivery", "sync"], environment: env)
            #expect(next.status == 0, "\(next.stderr)")
            #expect(next.stderr.contains("earlier job 1 was left unfinished by a Darkroom that stopped; `darkroom history collect`"),
                    "\(next.stderr)")
            var jobs = try await Self.jobs(env)
            #expect(["pending", "running"].contains(jobs.first { ($0["id"] as? Int) == 1 }?["status"] as? String), "\(jobs)")
            #expect(jobs.first { ($0["id"] as? Int) == 2 }?["status"] as? String == "done", "\(jobs)")

            let collect = try await Binary.run(Self.darkroom, ["history", "collect", "--endpoint", sandbox.endpoint], environment: env)
            #expect(collect.status == 0, "\(collect.stderr)")
            #expect((collect.stdout + collect.stderr).contains("earlier job 1 is now done"), "\(collect.stdout)\(collect.stderr)")
            jobs = try await Self.jobs(env)
            #expect(jobs.first { ($0["id"] as? Int) == 1 }?["status"] as? String == "done", "\(jobs)")

            let again = try await Binary.run(Self.darkroom, ["history", "collect", "--endpoint", sandbox.endpoint], environment: env)
            #expect((again.stdout + again.stderr).contains("no earlier job was left unfinished"), "\(again.stdout)\(again.stderr)")
        }
    }
}
