import Foundation
import RunwareAPI
import Testing
import TestSupport

/// `darkroom account` as a person runs it: the balance before and after a job, today's spend, the
/// published price; `--json` for scripts.
@Suite struct AccountCLITests {
    @Test func theBalanceFollowsTheJobs() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        try await SandboxHarness.with(.init(apiKey: SandboxHarness.key, startingBalance: 2)) { sandbox in
            let env = Binary.isolatedEnvironment(folder, extra: ["RUNWARE_API_KEY": SandboxHarness.key])
            let before = try await Binary.run(GenerateCLITests.darkroom, ["account", "--endpoint", sandbox.endpoint], environment: env)
            #expect(before.status == 0, "\(before.stderr)")
            #expect(before.stdout.contains("balance       $2.0000") && before.stdout.contains("price         $0.0038"), "\(before.stdout)")
            let job = try await Binary.run(GenerateCLITests.darkroom, ["generate", "--endpoint", sandbox.endpoint, "a fox",
                                                                      "--out", folder.path + "/out"], environment: env)
            #expect(job.status == 0, "\(job.stderr)")
            let after = try await Binary.run(GenerateCLITests.darkroom, ["account", "--endpoint", sandbox.endpoint, "--json"], environment: env)
            let o = try #require(try JSONValue.parse(Data(after.stdout.utf8)).objectValue, "\(after.stdout)\(after.stderr)")
            #expect(o["balance"] == .double(1.9962), "\(after.stdout)")
            #expect(o["spendToday"] == .double(0.0038), "\(after.stdout)")
        }
    }
}
