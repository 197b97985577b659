import Foundation
import RunwareSandbox
import Testing
import TestSupport

/// `darkroom generate -n 4` where the API blocks one image: the three good ones are saved, the
/// fourth is said missing with its reason on stderr and in `history show`, sync and async alike.
@Suite struct PartialResultsCLITests {
    @Test(arguments: ["sync", "async"])
    func threeOfFourAreSavedAndTheFourthIsExplained(delivery: String) async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        try await SandboxHarness.with(.init(apiKey: SandboxHarness.key, asyncLatency: .milliseconds(30),
                                            faults: try FaultPlan(specs: ["partial=1*1"]))) { sandbox in
            let env = Binary.isolatedEnvironment(folder, extra: ["RUNWARE_API_KEY": SandboxHarness.key])
            let r = try await Binary.run(GenerateCLITests.darkroom,
                                         ["generate", "--endpoint", sandbox.endpoint, "--out", folder.path + "/out", "a quiet harbour",
                                          "--size", "128x128", "-n", "4", "--delivery", delivery], environment: env)
            let saved = r.stdout.split(separator: "\n")
            #expect(saved.count == 3, "\(r.stdout)\n\(r.stderr)")
            #expect(saved.allSatisfy { FileManager.default.fileExists(atPath: String($0)) })
            #expect(r.stderr.contains("Image 4 of 4 was blocked by the provider's content policy"), "\(r.stderr)")
            #expect(r.stderr.contains("job 1 saved 3 of 4 images; why the others are missing is said above and in `darkroom history show 1`"),
                    "\(r.stderr)")
            #expect(r.status == 1, "some of the work was done: \(r.status)")
            let show = try await Binary.run(GenerateCLITests.darkroom, ["history", "show", "1"], environment: env)
            #expect(show.stdout.contains("status    done: 3 of 4 images"), "\(show.stdout)")
            #expect(show.stdout.contains("contentPolicyViolation"), "\(show.stdout)")
            #expect(show.stdout.components(separatedBy: "\nimage ").count - 1 == 3, "\(show.stdout)")
        }
    }
}
