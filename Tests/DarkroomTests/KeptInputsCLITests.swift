import Foundation
import Testing
import TestSupport

/// A job keeps its own copy of the local images it was made from: deleting the job whose image
/// was the seed image, or moving the original, leaves a re-run working; an export carries the
/// copy; a History image used as an input makes its job the parent.
@Suite struct KeptInputsCLITests {
    let darkroom = GenerateCLITests.darkroom

    func run(_ folder: TempFolder, _ args: [String]) async throws -> Binary.Result {
        try await Binary.run(darkroom, args, environment: Binary.isolatedEnvironment(folder))
    }

    @Test func aRerunWorksAfterTheSeedImagesJobIsDeleted() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let first = try await run(folder, ["generate", "a harbour at dawn", "--size", "128x128", "-q"])
        #expect(first.status == 0, "\(first.stderr)")
        let seedImage = first.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let second = try await run(folder, ["generate", "the same harbour at night", "--size", "128x128", "--seed-image", seedImage,
                                            "--strength", "0.6", "-q"])
        #expect(second.status == 0, "\(second.stderr)")
        let shown = try await run(folder, ["history", "show", "2"])
        #expect(shown.stdout.contains("parent    1 (input)"), "\(shown.stdout)")
        #expect(shown.stdout.contains(folder.path + "/data/darkroom/inputs/"), "the request names the kept copy: \(shown.stdout)")

        #expect(try await run(folder, ["history", "rm", "1", "--yes"]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: seedImage))
        let rerun = try await run(folder, ["history", "rerun", "2", "-q"])
        #expect(rerun.status == 0, "\(rerun.stderr)")

        let exported = try await run(folder, ["history", "export", "2", "--to", folder.path + "/out"])
        #expect(exported.status == 0, "\(exported.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path + "/out").sorted()
        #expect(files.contains { $0.hasPrefix("job-2-input-1.") }, "\(files)")
    }
}
