import TerminalUI
import ArgumentParser
import Foundation
import Generation
import History
import Imaging
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

    static func open() throws -> HistoryStore {
        let env = DarkroomEnvironment()
        do { return try HistoryStore(path: env.dataFolder.appendingPathComponent(HistoryStore.fileName).path) } catch {
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
            HistoryPrinter.print(try HistoryCommand.open().list(limit: limit, offset: offset), json: json)
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
            HistoryPrinter.print(try HistoryCommand.open().search(parsed, limit: limit), json: json)
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Every detail of one job.")
        @Argument(help: "Job id.") var id: Int64
        @Flag(help: "As JSON.") var json = false
        func run() async throws {
            let job = try HistoryCommand.job(try HistoryCommand.open(), id)
            if json { HistoryPrinter.print([job], json: true) } else { HistoryPrinter.detail(job) }
        }
    }

    struct Fork: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the job's request JSON (a fresh taskUUID) for `darkroom generate --request FILE --fork-of ID`.")
        @Argument(help: "Job id.") var id: Int64
        func run() async throws {
            var request = try HistoryCommand.request(of: try HistoryCommand.job(try HistoryCommand.open(), id))
            request.taskUUID = TaskID.make()
            Console.json(try RunwareJSON.encode(request))
        }
    }

    struct Rerun: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Run a job's exact request again (recorded as its re-run).")
        @Argument(help: "Job id.") var id: Int64
        @Flag(help: "New random seeds instead of the recorded ones (a variation).") var newSeeds = false
        @OptionGroup(title: "Running") var runOptions: RunOptions
        func run() async throws {
            let env = DarkroomEnvironment()
            let config = (try? Configuration.load(from: env.configFolder)) ?? Configuration()
            let job = try HistoryCommand.job(try HistoryCommand.open(), id)
            var request = try HistoryCommand.request(of: job)
            request.taskUUID = TaskID.make()
            if newSeeds { request.seed = nil }
            try await runOptions.execute(request, env: env, config: config, parent: (job.id, newSeeds ? .variation : .rerun))
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
            for id in ids {
                let paths = try HistoryCommand.apply { try store.delete(id) }
                for path in paths { try? FileManager.default.removeItem(atPath: path) }
                Console.note("deleted job \(id) and \(paths.count) image\(paths.count == 1 ? "" : "s")")
            }
        }
    }

    struct Stats: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "How many jobs, and the spend per day and per model.")
        @Flag(help: "As JSON.") var json = false
        func run() async throws {
            let stats = try HistoryCommand.open().stats()
            if json {
                Console.json(try RunwareJSON.encode(stats))
                return
            }
            Console.out("jobs: \(stats.jobs)   images: \(stats.images)   spend: $\(String(format: "%.4f", stats.totalCost))")
            for (day, cost) in stats.costPerDay { Console.out("  \(day)  $\(String(format: "%.4f", cost))") }
            for (model, count, cost) in stats.perModel.map({ ($0.model, $0.jobs, $0.cost) }) {
                Console.out("  \(SafeText.line(model))  \(count) jobs  $\(String(format: "%.4f", cost))")
            }
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record images that carry a 'parameters' or 'runware-task' text (ours, or other tools' PNG parameters).")
        @Argument(help: "Image files.") var paths: [String]
        func run() async throws {
            let store = try HistoryCommand.open()
            var failed = 0
            for path in paths {
                let name = SafeText.line(path)
                guard let data = try? ImageFile.read(path), ImageFormat.detect(data) != nil else {
                    Console.error("\(name): not a readable JPEG, PNG or WEBP image"); failed += 1; continue
                }
                let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
                guard let id = try HistoryCommand.apply({ try HistoryCommand.importImage(data, at: absolute, into: store) }) else {
                    Console.error("\(name): carries no 'parameters' or 'runware-task' text to import"); failed += 1; continue
                }
                Console.out("\(id)\t\(absolute)")
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
            let folder = URL(fileURLWithPath: to)
            var missing = 0
            for id in ids {
                let outcome = try JobExport.export(try HistoryCommand.job(store, id), to: folder)
                for path in outcome.written where !path.hasSuffix(".json") { Console.out(path) }
                for path in outcome.missing { Console.error("job \(id): an image is missing (\(SafeText.line(path)))") }
                missing += outcome.missing.count
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
            let path = env.dataFolder.appendingPathComponent(HistoryStore.fileName).path
            let store: HistoryStore
            do { store = try HistoryStore(path: path) } catch let e as HistoryError {
                if case .damaged(_, let problems) = e {
                    for line in problems { Console.out("database: \(line)") }
                    for line in e.recoverySteps { Console.out(line) }
                    Console.error("\(path) is damaged: \(problems.count) problem\(problems.count == 1 ? "" : "s") found")
                    throw ExitCode(1)
                }
                Console.error(e.description)
                throw Exit.cannotWrite
            }
            var problems = 0
            for line in try store.integrityProblems() { Console.error("database: \(line)"); problems += 1 }
            let known = try store.resultPaths()
            for (job, path) in known where !FileManager.default.fileExists(atPath: path) {
                Console.out("missing: job \(job): \(SafeText.line(path))")
                problems += 1
            }
            let images = env.dataFolder.appendingPathComponent("images")
            let knownPaths = Set(known.map(\.path))
            var unknown: [String] = []
            if let walker = FileManager.default.enumerator(at: images, includingPropertiesForKeys: nil) {
                for case let url as URL in walker where ImageFormat(name: url.pathExtension) != nil && !knownPaths.contains(url.path) {
                    unknown.append(url.path)
                }
            }
            for path in unknown.sorted() {
                Console.out("unknown to History: \(SafeText.line(path))")
                problems += 1
                guard repair, let data = FileManager.default.contents(atPath: path) else { continue }
                // An image of a job History knows (renamed into place just before a kill) goes back to its job.
                if let task = ImageMetadata.taskUUID(fromTexts: ImageText.read(data)), let owner = try store.job(taskUUID: task) {
                    let request = ImageMetadata.request(fromTexts: ImageText.read(data))
                    let size = try? ImageDecoder.dimensions(data)
                    try store.addResult(HistoryResult(
                        index: (owner.results.map(\.index).max() ?? -1) + 1, imageUUID: nil, seed: request?.seed, path: path,
                        width: size?.width, height: size?.height, format: ImageFormat.detect(data)?.rawValue ?? "?",
                        bytes: data.count, nsfw: nil, cost: nil, responseJSON: "{}"), to: owner.id)
                    Console.out("  attached to its job \(owner.id)")
                } else if try HistoryCommand.importImage(data, at: path, into: store) != nil {
                    Console.out("  imported")
                }
            }
            if repair {
                let removed = JobRecovery.removeTemporaryFiles(under: images)
                if removed > 0 { Console.out("removed \(removed) temporary file\(removed == 1 ? "" : "s")") }
            }
            Console.out(problems == 0 ? "History is sound: \(known.count) images" : "\(problems) problem\(problems == 1 ? "" : "s") found")
            if problems > 0 && !repair { throw ExitCode(1) }
        }
    }

    /// Records an image file that carries its texts as a finished job; nil when it carries none.
    static func importImage(_ data: Data, at path: String, into store: HistoryStore) throws -> Int64? {
        guard let format = ImageFormat.detect(data), let found = ImageMetadata.request(fromTexts: ImageText.read(data)) else {
            return nil
        }
        let (request, dropped) = OutsideRequest.defused(found)
        if let note = OutsideRequest.note(dropped) { Console.note("\(path): \(note)") }
        let size = try? ImageDecoder.dimensions(data)
        return try store.importImage(request, result: HistoryResult(
            index: 0, imageUUID: nil, seed: request.seed, path: path, width: size?.width, height: size?.height,
            format: format.rawValue, bytes: data.count, nsfw: nil, cost: nil, responseJSON: "{}"))
    }

    static func request(of job: HistoryJob) throws -> ImageInferenceRequest {
        guard let json = try? JSONValue.parse(Data(job.requestJSON.utf8)).objectValue else {
            Console.error("job \(job.id) holds no readable request")
            throw Exit.apiError
        }
        let request = ImageInferenceRequest.decode(json).request
        // An imported job's request came from a file: never let it read local files or send results away.
        guard job.reason?.hasPrefix("imported from") == true else { return request }
        let (safe, dropped) = OutsideRequest.defused(request)
        if let note = OutsideRequest.note(dropped) { Console.note("job \(job.id): \(note)") }
        return safe
    }

    @discardableResult
    static func apply<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as HistoryError {
            Console.error(e.description)
            throw Exit.invalidInput
        }
    }
}
