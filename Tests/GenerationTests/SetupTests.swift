import Foundation
import Generation
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

    @Test func foldersFollowXDG() {
        let env = DarkroomEnvironment(variables: ["HOME": "/home/u", "XDG_DATA_HOME": "/d"], now: { Date(timeIntervalSince1970: 1_795_000_000) })
        #expect(env.configFolder.path == "/home/u/.config/darkroom")
        #expect(env.imagesFolder().path == "/d/darkroom/images/2026/11")
    }

    @Test func untrustedTextCannotReachTheTerminalRaw() {
        let hostile = "ok\u{1B}]52;c;ZXZpbA==\u{07}\u{1B}[2J\nnext\u{202E}"
        let safe = SafeText.line(hostile)
        #expect(!safe.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x202E })
        #expect(safe.hasPrefix("ok\\u{1b}]52;c;"))
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
