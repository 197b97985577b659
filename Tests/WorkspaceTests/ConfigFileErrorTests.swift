import Foundation
import Studio
import Testing
import TestSupport
import Workspace

/// A config file that exists but cannot be used is an error naming it, never taken for a
/// missing file; mistakes carry the line when one is known.
@Suite struct ConfigFileErrorTests {
    func environment(_ folder: TempFolder) -> DarkroomEnvironment {
        DarkroomEnvironment(variables: ["HOME": folder.path, "XDG_CONFIG_HOME": folder.path + "/config"])
    }

    func write(_ bytes: [UInt8], to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    @Test func aMissingFileIsNoFileAndAFolderOrNonUTF8FileIsAnError() throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let env = environment(folder)
        #expect(try Configuration.load(from: env.configFolder) == Configuration())
        #expect(try StudioFiles.keyMap(env) == .defaults)

        let config = env.configFolder.appendingPathComponent(Configuration.fileName)
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        #expect { try Configuration.load(from: env.configFolder) } throws: { "\($0)" == "\(config.path): it is a folder, not a file" }
        try FileManager.default.removeItem(at: config)
        try write([0x6D, 0x6F, 0x64, 0x65, 0x6C, 0x20, 0x3D, 0x20, 0x22, 0xFF, 0xFE, 0x22], to: config)
        #expect { try Configuration.load(from: env.configFolder) } throws: { "\($0)" == "\(config.path): it is not UTF-8 text" }

        let keys = env.configFolder.appendingPathComponent(StudioFiles.keysFileName)
        try write([0xC3, 0x28], to: keys)
        #expect { try StudioFiles.keyMap(env) } throws: { "\($0)" == "\(keys.path): it is not UTF-8 text" }
    }

    @Test func aThemeFileThatCannotBeReadIsNamedNotSkipped() throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let env = environment(folder)
        let theme = StudioFiles.userThemes(env).appendingPathComponent("dark.toml")
        try write([0x6E, 0x61, 0x6D, 0x65, 0x20, 0x3D, 0x20, 0x22, 0xFF, 0x22], to: theme)
        // The built-in dark theme exists, but the user's broken one overrides it: say so.
        #expect { try Theme.load(named: "dark", user: StudioFiles.userThemes(env)) } throws: {
            "\($0)" == "\(theme.path): it is not UTF-8 text"
        }
    }

    @Test func aKeysTableInConfigIsRefusedWithThePlaceItBelongs() {
        let text = "model = \"runware:101@1\"\n\n[keys]\ngenerate = [\"ctrl-g\"]\n"
        #expect { try Configuration.parse(text, file: "/c/darkroom/config.toml") } throws: { error in
            let e = error as? ConfigFileError
            return e?.line == 3 && e?.file == "/c/darkroom/config.toml" && e?.message.contains("/c/darkroom/keys.toml") == true
        }
    }

    /// With no theme named, a light terminal background gets the light theme; a named theme wins.
    @Test func aLightBackgroundPicksTheLightThemeUnlessOneIsNamed() throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let env = DarkroomEnvironment(variables: ["HOME": folder.path, "XDG_CONFIG_HOME": folder.path + "/config"])
        #expect(try StudioFiles.theme(named: nil, config: Configuration(), env: env, monochrome: false) { true }.name == "light")
        #expect(try StudioFiles.theme(named: nil, config: Configuration(), env: env, monochrome: false) { false }.name == "dark")
        #expect(try StudioFiles.theme(named: nil, config: Configuration(), env: env, monochrome: false) { nil }.name == "dark")
        var config = Configuration()
        config.theme = "high-contrast"
        #expect(try StudioFiles.theme(named: nil, config: config, env: env, monochrome: false) { true }.name == "high-contrast")
        #expect(try StudioFiles.theme(named: "dark", config: Configuration(), env: env, monochrome: false) { true }.name == "dark")
    }

    @Test func mistakesCarryTheLine() {
        #expect { try Configuration.parse("model = \"m\"\nstepz = 4", file: "c.toml") } throws: {
            "\($0)" == "c.toml:2: unknown setting \"stepz\" (known: cfg_scale, delivery, endpoint, height, model, output, scheduler, steps, theme, width)"
        }
        #expect { try Configuration.parse("[output]\nfolder = \"x\"\nquality = \"high\"", file: "c.toml") } throws: {
            "\($0)" == "c.toml:3: output.quality must be an integer"
        }
    }
}
