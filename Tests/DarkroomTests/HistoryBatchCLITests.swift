import Foundation
import Testing
import TestSupport

/// Ratings, saved searches and batch actions over a search, as a script would use them.
@Suite struct HistoryBatchCLITests {
    let darkroom = GenerateCLITests.darkroom

    func run(_ folder: TempFolder, _ args: [String]) async throws -> Binary.Result {
        try await Binary.run(darkroom, args, environment: Binary.isolatedEnvironment(folder))
    }

    @Test func rateSearchSaveAndDeleteABatch() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        for prompt in ["a red fox", "a grey owl", "a green frog", "a fox cub"] {
            #expect(try await run(folder, ["generate", prompt, "--size", "128x128", "-q"]).status == 0)
        }
        #expect(try await run(folder, ["history", "rate", "1", "4"]).status == 0)
        #expect(try await run(folder, ["history", "rate", "--search", "frog", "5"]).status == 0)
        let refused = try await run(folder, ["history", "rate", "2", "9"])
        #expect(refused.status == 64 && refused.stderr.contains("rating 9 is not 0-5"), "\(refused.stderr)")
        #expect(try await run(folder, ["history", "show", "1"]).stdout.contains("rating    ★★★★ (4 of 5)"))

        #expect(try await run(folder, ["history", "save-search", "keepers", "rating:>=4"]).status == 0)
        #expect(try await run(folder, ["history", "searches"]).stdout == "@keepers\trating:>=4\n")
        let keepers = try await run(folder, ["history", "search", "@keepers -frog"])
        #expect(keepers.stdout.contains("a red fox") && !keepers.stdout.contains("frog") && !keepers.stdout.contains("owl"))
        let either = try await run(folder, ["history", "search", "owl OR frog"])
        #expect(either.stdout.contains("a grey owl") && either.stdout.contains("a green frog") && !either.stdout.contains("fox"))

        #expect(try await run(folder, ["history", "tag", "--search", "fox", "vulpine"]).status == 0)
        #expect(try await run(folder, ["history", "search", "tag:vulpine", "--json"]).stdout.split(separator: "\n").count == 2)

        // The unrated ones, in one go: asked first, then gone with their files; the rest stay.
        let unrated = try await run(folder, ["history", "search", "rating:0", "--json"])
        let doomed = unrated.stdout.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any]
        }
        #expect(doomed.count == 2)
        let files = doomed.flatMap { ($0["results"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String } }
        let asked = try await run(folder, ["history", "rm", "--search", "rating:0"])
        #expect(asked.status == 64 && asked.stderr.contains("rm deletes 2 jobs and 2 image files"), "\(asked.stderr)")
        let removed = try await run(folder, ["history", "rm", "--search", "rating:0", "--yes"])
        #expect(removed.status == 0 && removed.stderr.contains("deleted 2 jobs and 2 image files"), "\(removed.stderr)")
        #expect(files.allSatisfy { !FileManager.default.fileExists(atPath: $0) })
        let left = try await run(folder, ["history", "list"])
        #expect(left.stdout.contains("a red fox") && left.stdout.contains("a green frog") && !left.stdout.contains("owl"))
        let none = try await run(folder, ["history", "rm", "--search", "rating:0", "--yes"])
        #expect(none.status == 0 && none.stderr.contains("no job matches"))
        let both = try await run(folder, ["history", "rm", "1", "--search", "fox", "--yes"])
        #expect(both.status == 64 && both.stderr.contains("not both"))
    }
}
