import ArgumentParser
import Foundation
import Generation
import History
import RunwareAPI
import TerminalUI
import Workspace

struct HistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Browse, search and re-run past generations ($XDG_DATA_HOME/darkroom/history.sqlite).",
        discussion: """
            Search syntax (shared with the studio): words and "quoted phrases" over prompt, negative \
            prompt, model, LoRA and ControlNet names (word* for a prefix), and the filters model:, \
            lora:, seed:, tag:, fav, status:, before:YYYY-MM-DD, after:YYYY-MM-DD, size:WxH, rating:N \
            (rating:>=4, rating:0 for unrated). -term or NOT term leaves out, OR takes either, \
            parentheses group, @name is a saved search: '(fox OR owl) -status:failed @best' (quote the \
            query; one that starts with -, write NOT or put -- before it).
            rate, fav, tag, rm and export take job ids or --search QUERY (every job it matches).
            """,
        subcommands: [List.self, Search.self, Show.self, Rerun.self, Fork.self, Rate.self, Fav.self, Tag.self, Remove.self, Stats.self,
                      Import.self, Export.self, SaveSearch.self, Searches.self, ForgetSearch.self, Check.self, Collect.self])

    /// The jobs a batch command acts on: the ids given, or every job `--search` matches (one of the two).
    /// Ids that are not in History refuse the whole command before anything changes.
    static func selection(_ ids: [Int64], search: String?, _ store: HistoryStore) throws -> [Int64] {
        switch (ids.isEmpty, search) {
        case (false, nil):
            let missing = try store.missing(ids)
            guard missing.isEmpty else {
                let named = missing.prefix(5).map(String.init).joined(separator: ", ") + (missing.count > 5 ? ", …" : "")
                Console.error("no job \(named) in History; nothing was changed")
                throw Exit.invalidInput
            }
            return ids
        case (true, let query?):
            let parsed = try apply { try store.parse(query) }
            let found = try store.ids(matching: parsed)
            if found.isEmpty { Console.print([.note("no job matches '\(query)'; nothing was changed")]) }
            return found
        case (false, _?):
            Console.error("give job ids or --search, not both")
            throw Exit.invalidInput
        case (true, nil):
            Console.error("give job ids, or --search QUERY for every job a search finds")
            throw Exit.invalidInput
        }
    }

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
            let store = try HistoryCommand.open()
            do { parsed = try store.parse(query.joined(separator: " ")) } catch {
                Console.error("\(error)")
                throw Exit.invalidInput
            }
            Console.print(HistoryText.list(try store.search(parsed, limit: limit), json: json))
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Every detail of one job.")
        @Argument(help: "Job id.", completion: Completions.jobIDs) var id: Int64
        @Flag(help: "As JSON.") var json = false
        func run() async throws {
            let job = try HistoryCommand.job(try HistoryCommand.open(), id)
            Console.print(json ? HistoryText.list([job], json: true) : HistoryText.detail(job))
        }
    }

    struct Fork: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the job's request JSON (a fresh taskUUID) for `darkroom generate --request FILE --fork-of ID`.")
        @Argument(help: "Job id.", completion: Completions.jobIDs) var id: Int64
        func run() async throws {
            let fork = try HistoryCommand.again(try HistoryCommand.job(try HistoryCommand.open(), id), as: .fork)
            Console.json(try RunwareJSON.encode(fork.requests[0]))
        }
    }

    struct Rerun: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a job's exact request again, with the seeds its images were made with (recorded as its re-run).",
            discussion: "A job sent without a seed is re-run with the seeds the server chose, so it remakes the same images; when those seeds are unrelated, one job per image.")
        @Argument(help: "Job id.", completion: Completions.jobIDs) var id: Int64
        @Flag(help: "New random seeds instead of the recorded ones (a variation).") var newSeeds = false
        @OptionGroup(title: "Running") var runOptions: RunOptions
        func run() async throws {
            let env = DarkroomEnvironment()
            let config = try Configuration.loadOrExit(env)
            let again = try HistoryCommand.again(try HistoryCommand.job(try HistoryCommand.open(), id), as: newSeeds ? .variation : .rerun)
            for request in again.requests {
                try await runOptions.execute(request, env: env, config: config, parent: again.parent)
            }
        }
    }

    struct Rate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Rate jobs 0-5 (0 takes the rating away): 'rate 12 4', 'rate 12 13 5', 'rate --search \"fox\" 3'.")
        @Argument(help: "Job ids, then the rating (with --search, the rating alone).", completion: Completions.jobIDs) var numbers: [Int64]
        @Option(help: "Rate every job this search finds.") var search: String?
        func run() async throws {
            guard let last = numbers.last else {
                Console.error("give the rating 0-5 after the job ids")
                throw Exit.invalidInput
            }
            let store = try HistoryCommand.open()
            let ids = try HistoryCommand.selection(Array(numbers.dropLast()), search: search, store)
            guard (0...5).contains(last) else {
                Console.error("rating \(last) is not 0-5 (0 takes the rating away)")
                throw Exit.invalidInput
            }
            guard !ids.isEmpty else { return }
            let outcome = try HistoryCommand.apply { try store.apply(HistoryBatch(.jobs(ids), .rate(Int(last)))) }
            Console.print([.note(outcome.said)])
        }
    }

    struct Fav: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Mark jobs as favourites (--off to unmark).")
        @Argument(help: "Job ids.", completion: Completions.jobIDs) var ids: [Int64] = []
        @Option(help: "Every job this search finds.") var search: String?
        @Flag(help: "Remove the mark.") var off = false
        func run() async throws {
            let store = try HistoryCommand.open()
            let chosen = try HistoryCommand.selection(ids, search: search, store)
            guard !chosen.isEmpty else { return }
            let outcome = try HistoryCommand.apply { try store.apply(HistoryBatch(.jobs(chosen), .favourite(!off))) }
            Console.print([.note(outcome.said)])
        }
    }

    struct Tag: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add tags to a job (or remove them with --remove); with --search, to every job it finds.")
        @Argument(help: "The job id, then the tags (with --search, the tags alone).", completion: Completions.jobIDs) var words: [String]
        @Option(help: "Every job this search finds.") var search: String?
        @Flag(help: "Remove these tags.") var remove = false
        func run() async throws {
            let store = try HistoryCommand.open()
            var tags = words
            var ids: [Int64] = []
            if search == nil {
                guard let first = tags.first, let id = Int64(first) else {
                    Console.error("give the job id, then the tags (or --search QUERY, then the tags)")
                    throw Exit.invalidInput
                }
                ids = [id]
                tags.removeFirst()
            }
            guard !tags.isEmpty else {
                Console.error("give at least one tag")
                throw Exit.invalidInput
            }
            let chosen = try HistoryCommand.selection(ids, search: search, store)
            guard !chosen.isEmpty else { return }
            let outcome = try HistoryCommand.apply {
                try store.apply(HistoryBatch(.jobs(chosen), .tag(add: remove ? [] : tags, remove: remove ? tags : [])))
            }
            Console.print([.note(outcome.said)])
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rm", abstract: "Delete jobs and the image files Darkroom made for them.",
            discussion: """
                Image files Darkroom wrote (results, and copies made by `import --copy`) go with their \
                jobs. An image imported where it lies is your own file: deleting its job removes \
                History's record only, unless --with-own-files is given (the files are named first, \
                without --yes). Ids that are not in History refuse the whole command.
                """)
        @Argument(help: "Job ids.", completion: Completions.jobIDs) var ids: [Int64] = []
        @Option(help: "Every job this search finds, e.g. --search 'rating:0 before:2026-11-01'.") var search: String?
        @Flag(help: "Really delete (required).") var yes = false
        @Flag(help: "Also delete your own image files these jobs name (imported where they lie).") var withOwnFiles = false
        func run() async throws {
            let store = try HistoryCommand.open()
            let chosen = try HistoryCommand.selection(ids, search: search, store)
            guard !chosen.isEmpty else { return }
            guard yes else {
                let files = (try? store.files(of: chosen)) ?? []
                let ours = files.filter(\.owned).count
                let theirs = files.filter { !$0.owned }.map { SafeText.line($0.path) }
                var text = "rm deletes \(counted(chosen.count, "job")) and \(counted(ours, "image file")) for good"
                if !theirs.isEmpty {
                    text += withOwnFiles ? ", and your own file\(theirs.count == 1 ? "" : "s") " + theirs.joined(separator: ", ")
                        : "; your own file\(theirs.count == 1 ? " stays" : "s stay") where \(theirs.count == 1 ? "it is" : "they are") ("
                            + theirs.prefix(3).joined(separator: ", ") + (theirs.count > 3 ? ", …" : "") + "; --with-own-files deletes them too)"
                }
                Console.error(text + "; add --yes to do it")
                throw Exit.invalidInput
            }
            // One transaction: another process sees all of them gone or none.
            let batch = try HistoryCommand.apply { try store.delete(chosen, userFiles: withOwnFiles ? .remove : .keep) }
            Console.print([.note(SafeText.line(batch.summary))])
            for failure in batch.failed { Console.print([.error(SafeText.line(failure.description))]) }
            if !batch.failed.isEmpty { throw Exit.cannotWrite }
        }
    }

    struct SaveSearch: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "save-search", abstract: "Keep a search under a name, used as @name in any query (here and in the studio).")
        @Argument(help: "The name (letters, digits, - and _).") var name: String
        @Argument(help: "The query.") var query: [String]
        func run() async throws {
            let store = try HistoryCommand.open()
            let text = query.joined(separator: " ")
            try HistoryCommand.apply { try store.saveSearch(name, query: text) }
            Console.print([.note("saved @\(name): \(SafeText.line(text))")])
        }
    }

    struct Searches: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The saved searches, by name.")
        func run() async throws {
            let saved = try HistoryCommand.open().savedSearches()
            Console.print(saved.map { ReportLine.out("@\($0.name)\t\($0.query)") })
        }
    }

    struct ForgetSearch: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "forget-search", abstract: "Forget a saved search.")
        @Argument(help: "The name.") var name: String
        func run() async throws {
            let store = try HistoryCommand.open()
            try HistoryCommand.apply { try store.forgetSearch(name) }
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
            abstract: "Record images that carry a 'parameters' or 'runware-task' text (ours, or other tools' PNG parameters).",
            discussion: """
                Each file stays where it is and is recorded as your own: deleting its job later removes \
                History's record, never the file (unless `rm --with-own-files`). With --copy, a copy \
                goes into the library ($XDG_DATA_HOME/darkroom/images/YYYY/MM) and is Darkroom's, \
                deleted with its job. A file History already has is named with its job and not \
                imported again.
                """)
        @Argument(help: "Image files.", completion: Completions.images) var paths: [String]
        @Flag(help: "Copy each image into the library and record the copy (the original is never touched).") var copy = false
        func run() async throws {
            let env = DarkroomEnvironment()
            let store = try HistoryCommand.open()
            let failed = try HistoryCommand.apply {
                try HistoryLibrary.importImages(paths, into: store, thumbnails: HistoryLibrary.thumbnails(env),
                                                copyInto: copy ? env.imagesFolder() : nil, emit: Console.print)
            }
            if failed > 0 { throw ExitCode(1) }
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Copy jobs' images and their request JSON into a folder.")
        @Argument(help: "Job ids.", completion: Completions.jobIDs) var ids: [Int64] = []
        @Option(help: "Every job this search finds.") var search: String?
        @Option(help: "Destination folder (created if needed).") var to: String
        func run() async throws {
            let store = try HistoryCommand.open()
            let ids = try HistoryCommand.selection(ids, search: search, store)
            guard !ids.isEmpty else { return }
            let missing = try HistoryCommand.stops {
                try HistoryCommand.apply { try HistoryLibrary.export(ids, from: store, to: URL(fileURLWithPath: to), emit: Console.print) }
            }
            if missing > 0 { throw ExitCode(1) }
        }
    }

    struct Collect: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Collect the jobs a stopped Darkroom left unfinished (async ones from Runware; `generate` leaves them to this and the studio).")
        @Flag(help: "Use the built-in sandbox even when an API key is set.") var sandbox = false
        @Option(help: "API endpoint (default: `endpoint` in config.toml, else https://api.runware.ai/v1).") var endpoint: String?
        func run() async throws {
            let env = DarkroomEnvironment()
            let config = try Configuration.loadOrExit(env)
            do throws(JobRun.Stop) {
                try await JobRun.collect(env: env, config: config, options: Session.Options(endpoint: endpoint, forceSandbox: sandbox),
                                         emit: { Console.print($0) })
            } catch {
                throw ExitCode(error.status.rawValue)
            }
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
    static func again(_ job: HistoryJob, as lineage: Lineage) throws -> (requests: [ImageInferenceRequest], parent: JobParent) {
        do {
            let again = try HistoryLibrary.again(job, as: lineage)
            if let note = again.note { Console.note(SafeText.line(note)) }
            return (again.requests, again.parent)
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
            if case .unavailable = e { throw Exit.cannotWrite }
            throw Exit.invalidInput
        }
    }
}
