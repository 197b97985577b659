import TerminalUI
import ArgumentParser
import Foundation
import Generation
import History
import RunwareAPI
import Workspace

struct HistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Browse, search and re-run past generations ($XDG_DATA_HOME/darkroom/history.sqlite).",
        discussion: """
            Search syntax (shared with the studio): words and "quoted phrases" over prompt, negative \
            prompt, model, LoRA and ControlNet names (word* for a prefix), and the filters model:, \
            lora:, seed:, tag:, fav, status:, before:YYYY-MM-DD, after:YYYY-MM-DD, size:WxH.
            """,
        subcommands: [List.self, Search.self, Show.self, Rerun.self, Fork.self, Fav.self, Tag.self, Remove.self, Stats.self, Import.self, Export.self, Check.self])

    /// History for a subcommand (`HistoryLibrary.open`); one that cannot be opened exits 73.
    static func open() throws -> HistoryStore {
        do { return try HistoryLibrary.open(DarkroomEnvironment()) } catch {
            Console.error("\(error)")
            throw Exit.cannotWrite
        }
    }

    static func job(_ store: HistoryStore, _ id: Int64) throws -> HistoryJob {
        do { return try store.job(id) } catch {
            Console.error("\(error)")
            throw Exit.invalidInput
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The newest jobs first.")
        @Option(help: "How many.") var limit = 50
        @Option(help: "Skip this many.") var offset = 0
        @Flag(help: "One JSON object per job.") var json = false
        func run() async throws {
            Console.print(HistoryText.list(try HistoryCommand.open().list(limit: limit, offset: offset), json: json))
        }
    }

    struct Search: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Jobs matching a query, newest first.")
        @Argument(help: "The query, e.g. 'fox* lora:667004 after:2026-11-01 fav'.") var query: [String]
        @Option(help: "How many at most.") var limit = 200
        @Flag(help: "One JSON object per job.") var json = false
        func run() async throws {
            let parsed: HistoryQuery
            do { parsed = try HistoryQuery.parse(query.joined(separator: " ")) } catch {
                Console.error("\(error)")
                throw Exit.invalidInput
            }
            Console.print(HistoryText.list(try HistoryCommand.open().search(parsed, limit: limit), json: json))
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Every detail of one job.")
        @Argument(help: "Job id.") var id: Int64
        @Flag(help: "As JSON.") var json = false
        func run() async throws {
            let job = try HistoryCommand.job(try HistoryCommand.open(), id)
            Console.print(json ? HistoryText.list([job], json: true) : HistoryText.detail(job))
        }
    }

    struct Fork: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the job's request JSON (a fresh taskUUID) for `darkroom generate --request FILE --fork-of ID`.")
        @Argument(help: "Job id.") var id: Int64
        func run() async throws {
            let fork = try HistoryCommand.again(try HistoryCommand.job(try HistoryCommand.open(), id), as: .fork)
            Console.json(try RunwareJSON.encode(fork.request))
        }
    }

    struct Rerun: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Run a job's exact request again (recorded as its re-run).")
        @Argument(help: "Job id.") var id: Int64
        @Flag(help: "New random seeds instead of the recorded ones (a variation).") var newSeeds = false
        @OptionGroup(title: "Running") var runOptions: RunOptions
        func run() async throws {
            let env = DarkroomEnvironment()
            let config = try Configuration.loadOrExit(env)
            let again = try HistoryCommand.again(try HistoryCommand.job(try HistoryCommand.open(), id), as: newSeeds ? .variation : .rerun)
            try await runOptions.execute(again.request, env: env, config: config, parent: again.parent)
        }
    }

    struct Fav: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Mark jobs as favourites (--off to unmark).")
        @Argument(help: "Job ids.") var ids: [Int64]
        @Flag(help: "Remove the mark.") var off = false
        func run() async throws {
            let store = try HistoryCommand.open()
            for id in ids { try HistoryCommand.apply { try store.setFavourite(id, !off) } }
        }
    }

    struct Tag: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add tags to a job (or remove them with --remove).")
        @Argument(help: "Job id.") var id: Int64
        @Argument(help: "Tags.") var tags: [String]
        @Flag(help: "Remove these tags.") var remove = false
        func run() async throws {
            let store = try HistoryCommand.open()
            try HistoryCommand.apply { try store.tag(id, add: remove ? [] : tags, remove: remove ? tags : []) }
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "rm", abstract: "Delete jobs and their image files together.")
        @Argument(help: "Job ids.") var ids: [Int64]
        @Flag(help: "Really delete (required).") var yes = false
        func run() async throws {
            guard yes else {
                Console.error("rm deletes the jobs and their images for good; add --yes to do it")
                throw Exit.invalidInput
            }
            let store = try HistoryCommand.open()
            let kept = try HistoryCommand.apply { try HistoryLibrary.remove(ids, from: store, emit: Console.print) }
            if kept > 0 { throw Exit.cannotWrite }
        }
    }

    struct Stats: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "How many jobs, and the spend per day and per model.")
        @Flag(help: "As JSON.") var json = false
        func run() async throws {
            let stats = try HistoryCommand.open().stats()
            if json { Console.json(try RunwareJSON.encode(stats)) } else { Console.print(HistoryText.stats(stats)) }
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record images that carry a 'parameters' or 'runware-task' text (ours, or other tools' PNG parameters).")
        @Argument(help: "Image files.") var paths: [String]
        func run() async throws {
            let store = try HistoryCommand.open()
            let failed = try HistoryCommand.apply {
                try HistoryLibrary.importImages(paths, into: store, thumbnails: HistoryLibrary.thumbnails(DarkroomEnvironment()),
                                                emit: Console.print)
            }
            if failed > 0 { throw ExitCode(1) }
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Copy jobs' images and their request JSON into a folder.")
        @Argument(help: "Job ids.") var ids: [Int64]
        @Option(help: "Destination folder (created if needed).") var to: String
        func run() async throws {
            let store = try HistoryCommand.open()
            let missing = try HistoryCommand.stops {
                try HistoryCommand.apply { try HistoryLibrary.export(ids, from: store, to: URL(fileURLWithPath: to), emit: Console.print) }
            }
            if missing > 0 { throw ExitCode(1) }
        }
    }

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the database and the image files: integrity, missing files, files History does not know.",
            discussion: "--repair does only what is safe: it removes interrupted temporary files and imports unknown images that carry their parameters; missing files are only reported.")
        @Flag(help: "Fix what is safe to fix.") var repair = false
        func run() async throws {
            let env = DarkroomEnvironment()
            let store = try HistoryCommand.stops { try HistoryLibrary.openForCheck(env, emit: Console.print) }
            let report = try HistoryLibrary.check(store, env: env, repair: repair)
            Console.print(HistoryLibrary.lines(report))
            let problems = report.problemCount
            if problems > 0 && !repair { throw ExitCode(1) }
        }
    }

    /// `HistoryLibrary.again`, its note said; a request that cannot be read exits 69.
    static func again(_ job: HistoryJob, as lineage: Lineage) throws -> (request: ImageInferenceRequest, parent: JobParent) {
        do {
            let again = try HistoryLibrary.again(job, as: lineage)
            if let note = again.note { Console.note(SafeText.line(note)) }
            return (again.request, again.parent)
        } catch {
            Console.error(SafeText.line("\(error)"))
            throw Exit.apiError
        }
    }

    /// Runs `body`, turning an `ExitStatus` it stops with into the exit code.
    static func stops<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let status as ExitStatus { throw ExitCode(status.rawValue) }
    }

    @discardableResult
    static func apply<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as HistoryError {
            Console.error(e.description)
            throw Exit.invalidInput
        }
    }
}
