import Foundation
import RunwareAPI
import Testing
import TestSupport
import Workspace

/// `SandboxSetup.key` (which key the sandbox asks for) and `StartingRequest.request(file:)` (the
/// `--request` file laid over config.toml).
@Suite struct SandboxSetupAndRequestFileTests {
    @Test func theOptionComesBeforeTheFileAndTheEnvironment() throws {
        let key = "abcdefghijklmnopqrstuvwxyz012345"
        #expect(try SandboxSetup.key(option: key, file: "/nonexistent", environment: ["DARKROOM_SANDBOX_KEY": "other"]) == key)
        #expect(try SandboxSetup.key(option: nil, file: nil, environment: ["DARKROOM_SANDBOX_KEY": key]) == key)
        #expect(try SandboxSetup.key(option: nil, file: nil, environment: [:]) == nil)
    }

    @Test func aKeyFileThatIsNotThereIsNamed() {
        let error = #expect(throws: APIKeyStore.Refusal.self) {
            try SandboxSetup.key(option: nil, file: "/nonexistent/key", environment: [:])
        }
        #expect(error?.source == "/nonexistent/key" && error?.reason == "there is no such file")
    }

    @Test func theFileIsLaidOverConfigAndKeepsWhatItSays() throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let path = folder.path + "/task.json"
        try Data(#"[{"positivePrompt": "a heron", "width": 768}]"#.utf8).write(to: URL(fileURLWithPath: path))
        var config = Configuration()
        config.height = 512
        let r = try StartingRequest.request(file: path, config: config, taskUUID: "4d2bb1bc-945b-4ae7-96a4-0eee53c529bb")
        #expect(r.positivePrompt == "a heron" && r.width == 768 && r.height == 512)
        #expect(r.taskUUID == "4d2bb1bc-945b-4ae7-96a4-0eee53c529bb")
    }

    @Test func aFileThatIsNotOneTaskIsRefusedNamingIt() throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let path = folder.path + "/two.json"
        try Data("[{}, {}]".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: StackSpec.ParseError(option: "--request", text: path, reason: "expected one imageInference task object")) {
            try StartingRequest.request(file: path, config: Configuration(), taskUUID: nil)
        }
        #expect(throws: StackSpec.ParseError(option: "--request", text: "/nonexistent.json", reason: "cannot read the file")) {
            try StartingRequest.request(file: "/nonexistent.json", config: Configuration(), taskUUID: nil)
        }
    }
}
