import Foundation
import Testing
import TestSupport

/// `history rerun` reads config.toml like `generate`: a broken file is named and exits 78,
/// never quietly replaced by the defaults.
@Suite struct RerunConfigCLITests {
    @Test func aBrokenConfigStopsRerunNamingTheFile() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let config = folder.path + "/config/darkroom"
        try FileManager.default.createDirectory(atPath: config, withIntermediateDirectories: true)
        try Data("model = [\n".utf8).write(to: URL(fileURLWithPath: config + "/config.toml"))
        let env = Binary.isolatedEnvironment(folder)
        let rerun = try await Binary.run(GenerateCLITests.darkroom, ["history", "rerun", "1", "--sandbox"], environment: env)
        #expect(rerun.status == 78)
        #expect(rerun.stderr.contains(config + "/config.toml"))
        let generate = try await Binary.run(GenerateCLITests.darkroom, ["generate", "a cat", "--sandbox"], environment: env)
        #expect(generate.status == 78 && generate.stderr.contains(config + "/config.toml"))
    }
}
