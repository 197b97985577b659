import Foundation
import Imaging
import Testing
import TestSupport

/// `darkroom history` over jobs that `darkroom generate` recorded (built-in sandbox, isolated XDG folders).
@Suite struct HistoryCLITests {
    let darkroom = GenerateCLITests.darkroom

    func run(_ folder: TempFolder, _ args: [String]) async throws -> Binary.Result {
        try await Binary.run(darkroom, args, environment: Binary.isolatedEnvironment(folder))
    }

    @Test func generatedJobsCanBeListedSearchedTaggedRerunAndRemoved() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        #expect(try await run(folder, ["generate", "a red fox in snow", "--size", "128x128", "--seed", "5", "-q"]).status == 0)
        #expect(try await run(folder, ["generate", "a lighthouse at dusk", "--size", "128x128", "-q"]).status == 0)
        let list = try await run(folder, ["history", "list"])
        #expect(list.stdout.contains("a red fox in snow") && list.stdout.contains("a lighthouse at dusk"))
        let found = try await run(folder, ["history", "search", "fox", "--json"])
        let lines = found.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        let job = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        let id = try #require(job["id"] as? Int)
        #expect(job["status"] as? String == "done")
        #expect(try await run(folder, ["history", "fav", "\(id)"]).status == 0)
        #expect(try await run(folder, ["history", "tag", "\(id)", "winter"]).status == 0)
        #expect(try await run(folder, ["history", "search", "fav", "tag:winter"]).stdout.contains("a red fox in snow"))
        let show = try await run(folder, ["history", "show", "\(id)"])
        #expect(show.stdout.contains("seed      5") && show.stdout.contains("tags      winter"))
        let fork = try await run(folder, ["history", "fork", "\(id)"])
        #expect(fork.stdout.contains("\"positivePrompt\":\"a red fox in snow\"") && !fork.stdout.contains(job["taskUUID"] as! String))
        let rerun = try await run(folder, ["history", "rerun", "\(id)", "-q"])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        let child = try await run(folder, ["history", "show", "3"])
        #expect(child.stdout.contains("parent    \(id) (rerun)"))
        let stats = try await run(folder, ["history", "stats"])
        #expect(stats.stdout.contains("jobs: 3"))
        let refused = try await run(folder, ["history", "rm", "\(id)"])
        #expect(refused.status == 64 && refused.stderr.contains("add --yes"))
        let paths = (job["results"] as? [[String: Any]])?.compactMap { $0["path"] as? String } ?? []
        #expect(try await run(folder, ["history", "rm", "\(id)", "--yes"]).status == 0)
        #expect(paths.allSatisfy { !FileManager.default.fileExists(atPath: $0) })
        #expect(try await run(folder, ["history", "show", "\(id)"]).stderr.contains("no job \(id) in History"))
    }

    @Test func aMissingImageIsListedAsMissing() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let out = try await run(folder, ["generate", "a cat", "--size", "128x128", "-q"])
        try FileManager.default.removeItem(atPath: out.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        let list = try await run(folder, ["history", "list"])
        #expect(list.status == 0 && list.stdout.contains("[missing files]"))
    }

    @Test func aCorruptDatabaseIsNamedAndNeverOverwritten() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let path = folder.path + "/data/darkroom/history.sqlite"
        try FileManager.default.createDirectory(atPath: folder.path + "/data/darkroom", withIntermediateDirectories: true)
        let junk = Data(repeating: 0x42, count: 4096)
        try junk.write(to: URL(fileURLWithPath: path))
        let list = try await run(folder, ["history", "list"])
        #expect(list.status == 73 && list.stderr.contains("is not a Darkroom history database"))
        let generate = try await run(folder, ["generate", "a cat", "--size", "128x128"])
        #expect(generate.status == 73 && generate.stderr.contains("--no-history"))
        #expect(FileManager.default.contents(atPath: path) == junk)
        #expect(try await run(folder, ["generate", "a cat", "--size", "128x128", "--no-history", "-q"]).status == 0)
    }

    @Test func badSearchesAreExplained() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let r = try await run(folder, ["history", "search", "before:soon"])
        #expect(r.status == 64 && r.stderr.contains("before:soon is not a date like 2026-11-25"))
    }
}

@Suite struct HistoryImportCLITests {
    @Test func imagesCarryingTheirParametersCanBeImported() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let env = Binary.isolatedEnvironment(folder)
        let darkroom = GenerateCLITests.darkroom
        let made = try await Binary.run(darkroom, ["generate", "an owl at night", "--size", "128x128", "--seed", "77",
                                                   "--output-format", "webp", "--no-history", "-q", "--out", folder.path + "/pics"],
                                        environment: env)
        let path = made.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let plain = folder.path + "/plain.png"
        try ImageEncoder.encode(RGBAImage(width: 4, height: 4), as: .png).write(to: URL(fileURLWithPath: plain))
        let r = try await Binary.run(darkroom, ["history", "import", path, plain], environment: env)
        #expect(r.status == 1)
        #expect(r.stderr.contains("plain.png: carries no 'parameters' or 'runware-task' text"))
        let list = try await Binary.run(darkroom, ["history", "search", "owl", "--json"], environment: env)
        let job = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [String: Any])
        #expect((job["request"] as? [String: Any])?["seed"] as? Int == 77)
        #expect(((job["results"] as? [[String: Any]])?.first?["path"] as? String) == path)
    }
}

/// What is the user's stays the user's: an imported file survives its job's deletion unless it is
/// asked for by name, a file is imported once, and an id that is not there refuses the whole command.
@Suite struct HistoryOwnFilesCLITests {
    func run(_ folder: TempFolder, _ args: [String]) async throws -> Binary.Result {
        try await Binary.run(GenerateCLITests.darkroom, args, environment: Binary.isolatedEnvironment(folder))
    }

    @Test func importThenRemoveKeepsTheOriginal() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let mine = folder.path + "/Downloads/mine.png"
        try FileManager.default.createDirectory(atPath: folder.path + "/Downloads", withIntermediateDirectories: true)
        let png = try ImageEncoder.encode(RGBAImage(width: 16, height: 16), as: .png)
        let bytes = try PNGText.insert([(keyword: "parameters", text: "a grey heron\nSteps: 20, Seed: 5, Size: 512x512")], into: png)
        try bytes.write(to: URL(fileURLWithPath: mine))
        let imported = try await run(folder, ["history", "import", mine])
        #expect(imported.status == 0 && imported.stdout.hasPrefix("1\t"), "\(imported.stderr)")
        let twice = try await run(folder, ["history", "import", mine])
        #expect(twice.status == 0 && twice.stdout.isEmpty && twice.stderr.contains("is already in History as job 1"), "\(twice.stderr)")
        let asked = try await run(folder, ["history", "rm", "1"])
        #expect(asked.status == 64 && asked.stderr.contains("your own file stays where it is (\(mine)"), "\(asked.stderr)")
        let rm = try await run(folder, ["history", "rm", "1", "--yes"])
        #expect(rm.status == 0 && rm.stderr.contains("kept your file \(mine)"), "\(rm.stderr)")
        #expect(FileManager.default.contents(atPath: mine) == bytes)

        // --copy: the library's copy goes with its job, the original stays.
        let copied = try await run(folder, ["history", "import", "--copy", mine])
        let copy = String(try #require(copied.stdout.split(separator: "\t").last)).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(copied.status == 0 && copy.hasPrefix(folder.path + "/data/darkroom/images/") && copy.hasSuffix("/mine.png"), "\(copied.stdout)")
        #expect(try await run(folder, ["history", "rm", "2", "--yes"]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: copy) && FileManager.default.contents(atPath: mine) == bytes)

        // Asked for by name, the original goes too.
        #expect(try await run(folder, ["history", "import", mine]).status == 0)
        let named = try await run(folder, ["history", "rm", "3", "--with-own-files"])
        #expect(named.status == 64 && named.stderr.contains("and your own file \(mine)"), "\(named.stderr)")
        #expect(try await run(folder, ["history", "rm", "3", "--with-own-files", "--yes"]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: mine))
    }

    /// `history rm 2 999 --yes` deleted job 2 and then exited 64.
    @Test func anIDThatIsNotThereRefusesTheWholeCommand() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        #expect(try await run(folder, ["generate", "a heron", "--size", "128x128", "-n", "2", "-q"]).status == 0)
        for command in [["rm", "1", "999", "--yes"], ["rate", "1", "999", "4"], ["fav", "1", "999"], ["tag", "999", "x"],
                        ["export", "1", "999", "--to", folder.path + "/out"]] {
            let r = try await run(folder, ["history"] + command)
            #expect(r.status == 64 && r.stderr.contains("no job 999 in History; nothing was changed"), "\(command): \(r.stderr)")
        }
        let show = try await run(folder, ["history", "show", "1"])
        #expect(show.status == 0 && !show.stdout.contains("favourite") && !show.stdout.contains("rating"), "\(show.stdout)")
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/out"))
    }
}

/// A job sent without a seed is re-run, forked and exported with the seeds its images were made
/// with (a re-run drew new seeds, so it did not remake the picture).
@Suite struct ReproduceCLITests {
    func run(_ folder: TempFolder, _ args: [String]) async throws -> Binary.Result {
        try await Binary.run(GenerateCLITests.darkroom, args, environment: Binary.isolatedEnvironment(folder))
    }

    func seeds(_ folder: TempFolder, _ job: Int) async throws -> [Int] {
        let shown = try await run(folder, ["history", "show", "\(job)", "--json"])
        let o = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any], "\(shown.stderr)")
        return ((o["results"] as? [[String: Any]]) ?? []).compactMap { $0["seed"] as? Int }
    }

    @Test func aRandomSeedJobIsRemadeWithItsOwnSeeds() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        #expect(try await run(folder, ["generate", "a heron", "--size", "128x128", "-n", "2", "-q"]).status == 0)
        let original = try await seeds(folder, 1)
        #expect(original.count == 2)
        let rerun = try await run(folder, ["history", "rerun", "1", "-q"])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        // The sandbox's unseeded images have unrelated seeds: one job per image, each its own seed.
        #expect(try await seeds(folder, 2) + seeds(folder, 3) == original)
        let fork = try await run(folder, ["history", "fork", "1"])
        #expect(fork.stdout.contains("\"seed\":\(original[0])") && fork.stderr.contains("this fork remakes image 1"), "\(fork.stdout)")
        #expect(try await run(folder, ["history", "export", "1", "--to", folder.path + "/out"]).status == 0)
        let exported = try String(contentsOfFile: folder.path + "/out/job-1.json", encoding: .utf8)
        #expect(original.allSatisfy { exported.contains("\"seed\":\($0)") }, "\(exported)")
        // A seeded job's seed is in its request already: one job.
        #expect(try await run(folder, ["generate", "an owl", "--size", "128x128", "-n", "2", "--seed", "40", "-q"]).status == 0)
        #expect(try await run(folder, ["history", "rerun", "4", "-q"]).status == 0)
        #expect(try await seeds(folder, 5) == [40, 41])
    }
}

@Suite struct HistoryMaintenanceCLITests {
    func run(_ folder: TempFolder, _ args: [String]) async throws -> Binary.Result {
        try await Binary.run(GenerateCLITests.darkroom, args, environment: Binary.isolatedEnvironment(folder))
    }

    @Test func exportCopiesImagesAndRequestsAndCheckFindsWhatIsWrong() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let env = Binary.isolatedEnvironment(folder)
        let darkroom = GenerateCLITests.darkroom
        let made = try await Binary.run(darkroom, ["generate", "a heron", "--size", "128x128", "-n", "2", "--output-format", "png", "-q"],
                                        environment: env)
        let paths = made.stdout.split(separator: "\n").map(String.init)
        #expect(paths.count == 2)
        let export = try await Binary.run(darkroom, ["history", "export", "1", "--to", folder.path + "/export"], environment: env)
        #expect(export.status == 0, "\(export.stderr)")
        #expect(Set(folder.files(in: "export")) == ["job-1.json", "job-1-1.png", "job-1-2.png"])
        #expect(try await Binary.run(darkroom, ["history", "check"], environment: env).stdout.contains("History is sound: 2 images"))
        // One image lost, one stray image that carries its parameters, one temporary file.
        try FileManager.default.removeItem(atPath: paths[0])
        let stray = (paths[1] as NSString).deletingLastPathComponent + "/stray.png"
        try FileManager.default.copyItem(atPath: folder.path + "/export/job-1-2.png", toPath: stray)
        // And one from another tool, carrying only its `parameters`.
        let other = (paths[1] as NSString).deletingLastPathComponent + "/other-tool.png"
        let plain = try ImageEncoder.encode(RGBAImage(width: 16, height: 16, fill: (5, 5, 5, 255)), as: .png)
        try PNGText.insert([(keyword: "parameters", text: "a grey heron\nSteps: 20, Seed: 5, Size: 512x512")], into: plain)
            .write(to: URL(fileURLWithPath: other))
        // A temporary file whose writer is gone; a live process's file would be left alone.
        let temp = (paths[1] as NSString).deletingLastPathComponent + "/.x.png.\(Binary.deadPID())-0a1b2c3d.tmp"
        try Data([1]).write(to: URL(fileURLWithPath: temp))
        let check = try await Binary.run(darkroom, ["history", "check"], environment: env)
        #expect(check.status == 1)
        #expect(check.stdout.contains("missing: job 1: \(paths[0])") && check.stdout.contains("unknown to History: \(stray)"))
        let repair = try await Binary.run(darkroom, ["history", "check", "--repair"], environment: env)
        // The copy of job 1's image goes back to job 1; the other tool's image becomes a job of its own.
        #expect(repair.status == 0 && repair.stdout.contains("attached to its job 1") && repair.stdout.contains("imported")
                    && repair.stdout.contains("removed 1 temporary file"), "\(repair.stdout)")
        #expect(!FileManager.default.fileExists(atPath: temp))
        #expect(try await Binary.run(darkroom, ["history", "search", "heron"], environment: env).stdout.split(separator: "\n").count == 3)
        #expect(try await Binary.run(darkroom, ["history", "show", "1"], environment: env).stdout.contains("stray.png"))
        #expect(repair.stdout.contains("imported as job 2"), "\(repair.stdout)")
    }

    /// `rm` names every file it could not remove and why, and says so in its exit code.
    @Test func removingNamesAnImageItCouldNotRemove() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let made = try await run(folder, ["generate", "a heron", "--size", "128x128", "-n", "2", "-q"])
        let paths = made.stdout.split(separator: "\n").map(String.init)
        #expect(paths.count == 2)
        // A folder with something in it where the first image was: not removable, even for root.
        try FileManager.default.removeItem(atPath: paths[0])
        try FileManager.default.createDirectory(atPath: paths[0], withIntermediateDirectories: false)
        try Data([1]).write(to: URL(fileURLWithPath: paths[0] + "/keep"))
        let rm = try await run(folder, ["history", "rm", "1", "--yes"])
        #expect(rm.status == 73, "\(rm.stderr)")
        #expect(rm.stderr.contains("deleted 1 job and 1 image file; 1 could not be removed"), "\(rm.stderr)")
        #expect(rm.stderr.contains("error: cannot remove \(paths[0]): "), "\(rm.stderr)")
        #expect(!FileManager.default.fileExists(atPath: paths[1]))
        #expect(FileManager.default.fileExists(atPath: paths[0] + "/keep"))
        #expect(try await run(folder, ["history", "show", "1"]).stderr.contains("no job 1 in History"))
    }

    /// Progress lines name the job by its History id, and a stored image has its small thumbnail.
    @Test func generateNamesTheJobByItsHistoryIDAndStoresAThumbnail() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        #expect(try await run(folder, ["generate", "a heron", "--size", "128x128", "-q"]).status == 0)
        let second = try await run(folder, ["generate", "a fox", "--size", "128x128"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stderr.contains("darkroom: job 2 sent (task "), "\(second.stderr)")
        #expect(second.stderr.contains("darkroom: job 2: saved image 1"), "\(second.stderr)")
        let third = try await run(folder, ["generate", "an owl", "--size", "128x128", "--json", "-q"])
        let line = try #require(try JSONSerialization.jsonObject(with: Data(third.stdout.utf8)) as? [String: Any])
        #expect(line["jobID"] as? Int == 3)
        let thumbnails = folder.path + "/cache/darkroom/thumbnails"
        let made = FileManager.default.enumerator(atPath: thumbnails)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".webp") } ?? []
        #expect(made.count == 3)
    }
}

@Suite struct HistoryConcurrencyCLITests {
    @Test func twoDarkroomProcessesRecordAtOnceAndForksKeepTheirParent() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let env = Binary.isolatedEnvironment(folder)
        let darkroom = GenerateCLITests.darkroom
        async let one = Binary.run(darkroom, ["generate", "first process", "--size", "128x128", "-n", "3", "-q"], environment: env)
        async let two = Binary.run(darkroom, ["generate", "second process", "--size", "128x128", "-n", "3", "-q"], environment: env)
        let (a, b) = try await (one, two)
        #expect(a.status == 0 && b.status == 0, "\(a.stderr)\(b.stderr)")
        let list = try await Binary.run(darkroom, ["history", "list", "--json"], environment: env)
        #expect(list.stdout.split(separator: "\n").count == 2)
        let task = folder.path + "/fork.json"
        let fork = try await Binary.run(darkroom, ["history", "fork", "1"], environment: env)
        try Data(fork.stdout.utf8).write(to: URL(fileURLWithPath: task))
        let forked = try await Binary.run(darkroom, ["generate", "--request", task, "--steps", "10", "--fork-of", "1", "-q"], environment: env)
        #expect(forked.status == 0, "\(forked.stderr)")
        #expect(try await Binary.run(darkroom, ["history", "show", "3"], environment: env).stdout.contains("parent    1 (fork)"))
    }
}
