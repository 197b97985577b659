import Foundation
import RunwareAPI
import Testing
import TestSupport
import Workspace

/// `Session.open`: what the studio and every subcommand run with.
@Suite struct SessionTests {
    func environment(_ folder: TempFolder) -> DarkroomEnvironment {
        DarkroomEnvironment(variables: ["HOME": folder.path, "XDG_CONFIG_HOME": folder.path + "/config",
                                        "XDG_DATA_HOME": folder.path + "/data"])
    }

    @Test func withoutAKeyTheSessionRunsOnTheSandboxWithHistory() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let env = environment(folder)
        let session = try await Session.open(env: env, config: Configuration(), options: .init())
        #expect(session.target.sandbox != nil && session.target.displayName == "sandbox")
        #expect(session.target.notice?.contains("no API key set") == true)
        #expect(session.history != nil && FileManager.default.fileExists(atPath: Session.historyPath(env)))
        #expect(session.outputFolder == env.imagesFolder())
        #expect(try await session.recover().outcomes.isEmpty)
        await session.close()
    }

    @Test func withoutHistoryNothingIsRecordedOrRecovered() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let env = environment(folder)
        let session = try await Session.open(env: env, config: Configuration(), options: .init(forceSandbox: true, recordsHistory: false))
        #expect(session.history == nil)
        #expect(!FileManager.default.fileExists(atPath: Session.historyPath(env)))
        #expect(try await session.recover().outcomes.isEmpty)
        await session.close()
    }

    @Test func historyThatCannotBeOpenedIsAHistoryFailure() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let env = environment(folder)
        // A file where the data folder should be: History cannot be created under it.
        #expect(FileManager.default.createFile(atPath: folder.path + "/data", contents: Data("x".utf8)))
        do {
            let session = try await Session.open(env: env, config: Configuration(), options: .init(forceSandbox: true))
            await session.close()
            Issue.record("History opened under a file")
        } catch {
            guard case .history = error else { Issue.record("expected a History failure, got \(error)"); return }
        }
    }

    @Test func theOutputFolderIsTheOptionThenConfigThenThisMonthsImages() {
        let env = DarkroomEnvironment(variables: ["HOME": "/home/u", "XDG_DATA_HOME": "/d"],
                                      now: { Date(timeIntervalSince1970: 1_795_000_000) })
        var config = Configuration()
        #expect(Session.outputFolder(nil, config: config, env: env).path == "/d/darkroom/images/2026/11")
        config.outputFolder = "~/pics"
        #expect(Session.outputFolder(nil, config: config, env: env).path == "/home/u/pics")
        #expect(Session.outputFolder("/tmp/out", config: config, env: env).path == "/tmp/out")
    }

    @Test func theStartingRequestTakesEachSideOfTheSizeFromConfigElseTheDefault() throws {
        var config = Configuration()
        config.height = 512
        config.outputQuality = 80
        let d = StartingRequest.document(config)
        #expect(d["width"] == .int(Int64(StartingRequest.defaultWidth)) && d["height"] == .int(512))
        #expect(d["outputQuality"] == .int(80) && d["outputFormat"] == nil)
        // Steps, CFG scale and scheduler are always sent (the values used go into every image);
        // delivery is async unless config.toml says otherwise.
        #expect(d["steps"] == .int(28) && d["CFGScale"] == .double(3.5) && d["scheduler"] == .string("FlowMatchEulerDiscreteScheduler"))
        #expect(d["deliveryMethod"] == .string("async"))
        config.steps = 12
        config.cfgScale = 1
        config.scheduler = "Euler"
        config.delivery = "sync"
        let set = StartingRequest.document(config)
        #expect(set["steps"] == .int(12) && set["CFGScale"] == .double(1) && set["scheduler"] == .string("Euler")
            && set["deliveryMethod"] == .string("sync"))
        #expect(d["model"] == .string(ImageInferenceRequest.defaultModel) && d["positivePrompt"] == .string(""))
    }
}
