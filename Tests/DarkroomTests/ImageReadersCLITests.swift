import Foundation
import RunwareAPI
import Testing
import TestSupport

/// Darkroom's images read by what other tools use, which nobody here wrote: sd-parsers (PyPI, in
/// the test venv) and exiftool (Debian). Made by `darkroom generate` with default settings and
/// with explicit ones, as JPG (the default), PNG and WEBP; every reader finds prompt, negative
/// prompt, steps, sampler, CFG scale, seed, size and model.
@Suite struct ImageReadersCLITests {
    struct Expected {
        var args: [String]
        var steps: String, sampler: String, cfg: String, seed: String, size: String, model: String, prompt: String
    }

    static let cases: [(String, Expected)] = [
        ("default settings", Expected(args: ["--seed", "7"], steps: "28", sampler: "FlowMatchEulerDiscreteScheduler", cfg: "3.5",
                                      seed: "7", size: "1024x1024", model: "runware-111@1", prompt: "a lighthouse at dusk, film photo")),
        ("explicit settings", Expected(args: ["--seed", "123456", "--steps", "20", "--cfg-scale", "5", "--scheduler", "Euler a",
                                              "--size", "512x768", "--lora", "civitai:631986@706528:0.8"],
                                       steps: "20", sampler: "Euler a", cfg: "5", seed: "123456", size: "512x768", model: "runware-111@1",
                                       prompt: "a lighthouse at dusk, film photo <lora:civitai-631986@706528:0.8>")),
    ]

    @Test(arguments: ["JPG", "PNG", "WEBP"], [0, 1])
    func sdParsersAndExiftoolReadEverything(format: String, which: Int) async throws {
        let python = try #require(OfficialSDKTests.python, "the test venv is missing: `make test` creates it (scripts/setup-sdk-venv.sh)")
        try #require(FileManager.default.isExecutableFile(atPath: "/usr/bin/exiftool"), "exiftool is missing: scripts/install-deps.sh installs it")
        let (name, expected) = Self.cases[which]
        let folder = TempFolder()
        defer { folder.remove() }
        let env = Binary.isolatedEnvironment(folder)
        var args = ["generate", "a lighthouse at dusk, film photo", "--negative-prompt", "blurry, lowres", "--sandbox",
                    "--out", folder.path + "/out", "-q"] + expected.args
        if format != "JPG" { args += ["--output-format", format] }  // JPG is the default
        let made = try await Binary.run(GenerateCLITests.darkroom, args, environment: env)
        #expect(made.status == 0, "\(name): \(made.stderr)")
        let file = try #require(made.stdout.split(separator: "\n").first.map(String.init), "\(name): \(made.stderr)")

        let script = Binary.packageRoot.appendingPathComponent("Tests/SDK/read_metadata.py").path
        let read = try await Binary.run(python, [script, file], environment: ["PATH": "/usr/bin:/bin", "HOME": folder.path])
        let json = try #require(try JSONValue.parse(Data(read.stdout.utf8)).objectValue, "\(read.stdout)\(read.stderr)")
        #expect(json["found"] == .bool(true), "\(name) \(format): sd-parsers found nothing: \(read.stdout)\(read.stderr)")
        #expect(json["prompt"] == .array([.string(expected.prompt)]), "\(name) \(format): \(read.stdout)")
        #expect(json["negative"] == .array([.string("blurry, lowres")]), "\(name) \(format): \(read.stdout)")
        for (key, value) in [("steps", expected.steps), ("sampler", expected.sampler), ("cfg", expected.cfg), ("seed", expected.seed),
                             ("size", expected.size), ("model", expected.model)] {
            #expect(json[key] == .string(value), "\(name) \(format): \(key) in \(read.stdout)")
        }

        let exif = try await Binary.run("/usr/bin/exiftool", ["-j", "-Parameters", "-UserComment", file], environment: ["PATH": "/usr/bin:/bin"])
        let tags = try #require(try JSONValue.parse(Data(exif.stdout.utf8)).arrayValue?.first?.objectValue, "\(exif.stdout)")
        let text = try #require((tags["Parameters"] ?? tags["UserComment"])?.stringValue, "\(name) \(format): exiftool found no parameters: \(exif.stdout)")
        for piece in ["Negative prompt: blurry, lowres", "Steps: \(expected.steps)", "Sampler: \(expected.sampler)", "CFG scale: \(expected.cfg)",
                      "Seed: \(expected.seed)", "Size: \(expected.size)", "Model: \(expected.model)", expected.prompt] {
            #expect(text.contains(piece), "\(name) \(format): exiftool's text lacks \(piece): \(text)")
        }
    }
}
