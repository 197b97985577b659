import Foundation
import History
import RunwareAPI
import Studio
import Testing
import TestSupport
import Workspace

/// One config.toml, one starting request: the studio's fresh form and `darkroom generate` start
/// from `StartingRequest`, and `--width` alone keeps the starting height.
@Suite struct SameRequestTests {
    static let darkroom = Binary.product("darkroom")

    /// Runs `darkroom generate` against its built-in sandbox (no key is set) with this config.toml,
    /// and returns the request History recorded for the job.
    func generate(_ args: [String], config: String, in folder: TempFolder) async throws -> (Binary.Result, ImageInferenceRequest?) {
        let env = Binary.isolatedEnvironment(folder)
        let configFolder = URL(fileURLWithPath: env["XDG_CONFIG_HOME"]!).appendingPathComponent("darkroom")
        try FileManager.default.createDirectory(at: configFolder, withIntermediateDirectories: true)
        try Data(config.utf8).write(to: configFolder.appendingPathComponent(Configuration.fileName))
        let result = try await Binary.run(Self.darkroom, ["generate", "--quiet"] + args, environment: env)
        let historyPath = Session.historyPath(DarkroomEnvironment(variables: env))
        guard result.status == 0, FileManager.default.fileExists(atPath: historyPath) else { return (result, nil) }
        let job = try #require(try HistoryStore(path: historyPath).list().first)
        let recorded = try #require(try JSONValue.parse(Data(job.requestJSON.utf8)).objectValue)
        let (request, issues) = ImageInferenceRequest.decode(recorded)
        #expect(issues.isEmpty)
        return (result, request)
    }

    static let config = """
        model = "runware:101@1"
        width = 640
        height = 512
        steps = 12
        [output]
        format = "PNG"
        type = "base64Data"
        """

    @Test func theStudioFormAndGenerateSendTheSameRequest() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let (result, fromCLI) = try await generate(["a lighthouse at dusk"], config: Self.config, in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let cli = try #require(fromCLI)

        var document = StartingRequest.document(try Configuration.parse(Self.config, file: "config.toml"))
        document["positivePrompt"] = .string("a lighthouse at dusk")
        var studio = GenerateForm(document: document).request(taskUUID: cli.taskUUID)
        // The runner, which both share, asks every job's cost.
        studio.includeCost = true
        #expect(studio == cli)
        #expect(cli.width == 640 && cli.height == 512 && cli.steps == 12 && cli.model == "runware:101@1")
    }

    @Test func widthAloneTakesTheHeightFromConfigOrTheDefault() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let (withConfig, fromConfig) = try await generate(["a fox", "--width", "768"], config: "height = 512", in: folder)
        #expect(withConfig.status == 0, "\(withConfig.stderr)")
        #expect(fromConfig?.width == 768 && fromConfig?.height == 512)

        let other = TempFolder()
        defer { other.remove() }
        let (withoutConfig, fromDefault) = try await generate(["a fox", "--height", "768"], config: "", in: other)
        #expect(withoutConfig.status == 0, "\(withoutConfig.stderr)")
        #expect(fromDefault?.width == StartingRequest.defaultWidth && fromDefault?.height == 768)
    }

    @Test func anUnreadableConfigIsNamedAndStopsWithTheConfigExitCode() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let env = Binary.isolatedEnvironment(folder)
        let config = URL(fileURLWithPath: env["XDG_CONFIG_HOME"]!).appendingPathComponent("darkroom/config.toml")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        let r = try await Binary.run(Self.darkroom, ["generate", "a fox"], environment: env)
        #expect(r.status == 78)
        #expect(r.stderr.contains("\(config.path): it is a folder, not a file"), "\(r.stderr)")

        try FileManager.default.removeItem(at: config)
        try Data([0x77, 0x69, 0x64, 0x74, 0x68, 0x20, 0x3D, 0x20, 0xFF]).write(to: config)
        let bad = try await Binary.run(Self.darkroom, ["generate", "a fox"], environment: env)
        #expect(bad.status == 78)
        #expect(bad.stderr.contains("\(config.path): it is not UTF-8 text"), "\(bad.stderr)")
    }
}
