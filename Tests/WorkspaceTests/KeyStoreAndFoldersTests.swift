import Foundation
import Testing
import TestSupport
import Workspace

@Suite struct KeyStoreAndFoldersTests {
    @Test func theKeyComesFromTheEnvironmentOrAPrivateFile() throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let vars = ["HOME": folder.path, "XDG_CONFIG_HOME": folder.path + "/cfg"]
        #expect(try APIKeyStore.find(DarkroomEnvironment(variables: vars)) == nil)
        #expect(try APIKeyStore.find(DarkroomEnvironment(variables: vars.merging(["RUNWARE_API_KEY": " k1 \n"]) { $1 }))?.key == "k1")
        let env = DarkroomEnvironment(variables: vars)
        let path = try APIKeyStore.save("k2", env: env)
        let mode = (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue
        #expect(mode == 0o600)
        #expect(try APIKeyStore.find(env)?.key == "k2")
        chmod(path, 0o640)
        #expect(throws: APIKeyStore.Refusal.self) { try APIKeyStore.find(env) }
    }

    /// A CR or LF inside a key would add an HTTP header; a key file that is a folder, empty or
    /// not UTF-8 must stop with its path named, never fall back to the sandbox; a 0600 key file
    /// reached through a link is judged by its target.
    @Test func unusableKeysAreRefusedByTheirSource() throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let vars = ["HOME": folder.path, "XDG_CONFIG_HOME": folder.path + "/cfg"]
        let injected = vars.merging(["RUNWARE_API_KEY": "secret\r\nX-Injected: 1"]) { $1 }
        #expect { try APIKeyStore.find(DarkroomEnvironment(variables: injected)) } throws: { error in
            let text = "\(error)"
            return text.contains("RUNWARE_API_KEY") && !text.contains("secret") && !text.contains("X-Injected")
        }
        let env = DarkroomEnvironment(variables: vars)
        let path = env.configFolder.appendingPathComponent(APIKeyStore.fileName).path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        #expect { try APIKeyStore.find(env) } throws: { "\($0)".contains("folder") && "\($0)".contains(path) }
        try FileManager.default.removeItem(atPath: path)
        for (bytes, why) in [(Data(), "empty"), (Data([0xFF, 0xFE, 0x41]), "UTF-8"), (Data("a\rb".utf8), "control")] {
            FileManager.default.createFile(atPath: path, contents: bytes, attributes: [.posixPermissions: 0o600])
            #expect { try APIKeyStore.find(env) } throws: { "\($0)".contains(why) && "\($0)".contains(path) }
            try FileManager.default.removeItem(atPath: path)
        }
        let target = folder.path + "/real-key"
        FileManager.default.createFile(atPath: target, contents: Data("k3\n".utf8), attributes: [.posixPermissions: 0o600])
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: target)
        #expect(try APIKeyStore.find(env)?.key == "k3")
        chmod(target, 0o644)
        #expect { try APIKeyStore.find(env) } throws: { "\($0)".contains("644") }
    }

    @Test func foldersFollowXDG() {
        let env = DarkroomEnvironment(variables: ["HOME": "/home/u", "XDG_DATA_HOME": "/d"], now: { Date(timeIntervalSince1970: 1_795_000_000) })
        #expect(env.configFolder.path == "/home/u/.config/darkroom")
        #expect(env.imagesFolder().path == "/d/darkroom/images/2026/11")
    }
}
