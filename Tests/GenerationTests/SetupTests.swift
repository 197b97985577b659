import Foundation
import Generation
import History
import Testing
import TestSupport

@Suite struct SetupTests {
    @Test func configurationReadsEveryKey() throws {
        let c = try Configuration.parse("""
            endpoint = "http://127.0.0.1:8089/v1"
            model = "runware:101@1"
            width = 768
            height = 512
            steps = 20
            [output]
            folder = "~/pics"
            format = "PNG"
            quality = 90
            type = "base64Data"
            """, file: "config.toml")
        #expect(c.endpoint == "http://127.0.0.1:8089/v1" && c.model == "runware:101@1")
        #expect(c.width == 768 && c.height == 512 && c.steps == 20)
        #expect(c.outputFolder == "~/pics" && c.outputFormat == "PNG" && c.outputQuality == 90 && c.outputType == "base64Data")
    }

    @Test func configurationErrorsNameTheFileAndProblem() {
        #expect { try Configuration.parse("modle = \"x\"", file: "/c/config.toml") } throws: { error in
            "\(error)".contains("/c/config.toml: unknown setting \"modle\"")
        }
        #expect { try Configuration.parse("model = ", file: "/c/config.toml") } throws: { error in
            "\(error)".hasPrefix("/c/config.toml:1:")
        }
        #expect { try Configuration.parse("[output]\nquality = \"high\"", file: "f") } throws: { error in
            "\(error)".contains("output.quality must be an integer")
        }
    }

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

    @Test func atomicWritesLeaveNothingBehindOnFailure() throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let target = folder.url.appendingPathComponent("a.png")
        try AtomicFile.write(Data([1, 2, 3]), to: target)
        #expect(folder.files() == ["a.png"])
        // Renaming onto a folder fails: the temporary file must go.
        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("dir.png/inner"), withIntermediateDirectories: true)
        #expect(throws: AtomicFile.WriteError.self) { try AtomicFile.write(Data([4]), to: folder.url.appendingPathComponent("dir.png")) }
        #expect(folder.files() == ["a.png", "dir.png"])
    }

    @Test func localPathsAreToldApartFromOtherReferences() {
        #expect(LocalInputs.isLocalPath("./a.png") && LocalInputs.isLocalPath("/tmp/x") && LocalInputs.isLocalPath("photo.JPG"))
        #expect(!LocalInputs.isLocalPath("59a2edc2-45e6-429f-be5f-7ded59b92046"))
        #expect(!LocalInputs.isLocalPath("https://example.com/a.png"))
        #expect(!LocalInputs.isLocalPath("data:image/png;base64,AAAA"))
    }
}
