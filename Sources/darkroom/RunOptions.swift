import ArgumentParser
import Foundation
import Generation
import Imaging
import History
import RunwareAPI

/// Where and how a job runs; shared by `generate` and `history rerun`.
struct RunOptions: ParsableArguments {
    @Option(help: "Folder for the images (default: the data folder).")
    var out: String?
    @Flag(help: "Print one JSON line per image on stdout instead of its path.")
    var json = false
    @Flag(help: "Use the built-in sandbox even when an API key is set.")
    var sandbox = false
    @Option(help: "API endpoint (default: `endpoint` in config.toml, else https://api.runware.ai/v1).")
    var endpoint: String?
    @Option(help: "The whole job's deadline in seconds: uploads, retries, polling and downloads included (a transfer that receives nothing for 30 s is abandoned sooner).")
    var timeout: Int = 1200
    @Option(help: "Retries after 408, 429, 5xx or a broken connection (exponential backoff with jitter, Retry-After honoured).")
    var retries: Int = 3
    @Flag(name: .shortAndLong, help: "No progress lines on stderr.")
    var quiet = false
    @Flag(help: "Do not record this job in History ($XDG_DATA_HOME/darkroom/history.sqlite).")
    var noHistory = false

    /// Chooses the target, opens History, recovers earlier jobs, runs this one, reports.
    /// `taskUUID` is the user's `--task-uuid`; otherwise the runner mints one.
    func execute(_ draft: ImageInferenceRequest, env: DarkroomEnvironment, config: Configuration,
                 parent: JobParent? = nil, taskUUID: String? = nil) async throws {
        let target: Target
        do { target = try await Target.choose(env: env, config: config, endpoint: endpoint, forceSandbox: sandbox) } catch {
            Console.error("\(error)")
            throw Exit.config
        }
        if let notice = target.notice, !quiet { Console.note(notice) }
        let folder = out.map { URL(fileURLWithPath: $0) }
            ?? config.outputFolder.map { URL(fileURLWithPath: ($0 as NSString).expandingTildeInPath) }
            ?? env.imagesFolder()
        let quiet = self.quiet, asJSON = self.json
        // Retries are reported as the job's `.retrying` events.
        let retry = RetryingTransport(base: CurlTransport(), policy: RetryPolicy(maxRetries: max(0, retries)))
        let client = RunwareClient(endpoint: target.endpoint, apiKey: target.apiKey, transport: retry)
        var history: HistoryStore?
        if !noHistory {
            do { history = try HistoryStore(path: env.dataFolder.appendingPathComponent(HistoryStore.fileName).path) } catch {
                await target.stop()
                Console.error("\(error) (or run with --no-history)")
                throw Exit.cannotWrite
            }
        }
        let runner = JobRunner(client: client, schedule: PollSchedule(budget: .seconds(timeout)),
                               home: env.variables["HOME"] ?? NSHomeDirectory(), history: history,
                               thumbnails: StoredThumbnails(folder: env.cacheFolder.appendingPathComponent("thumbnails")))
        if let history {
            for place in [env.dataFolder.appendingPathComponent("images"), folder] {
                for failure in TemporaryFileName.removeAbandoned(under: place).failed { Console.error(failure.description) }
            }
            let outcomes: [JobRecovery.Outcome]
            do { outcomes = try await JobRecovery(runner: runner, history: history).recover(into: folder) } catch {
                await target.stop()
                Console.error("\(error) (or run with --no-history)")
                throw Exit.cannotWrite
            }
            for outcome in outcomes {
                if let failure = outcome.historyWriteFailure { Console.error(failure) }
                if outcome.status != .pending && !quiet {
                    Console.note("earlier job \(outcome.jobID) is now \(outcome.status.rawValue)" + (outcome.reason.map { ": \($0)" } ?? ""))
                }
            }
        }
        do {
            _ = try await runner.run(draft, into: folder, parent: parent, taskUUID: taskUUID) { event in
                Self.report(event, quiet: quiet, json: asJSON)
            }
            await target.stop()
        } catch let failure as JobFailure {
            await target.stop()
            if case .invalid(let v) = failure { Console.issues(v) } else { Console.error(failure.description) }
            throw Exit.code(for: failure)
        }
    }

    /// One job event on the terminal, the job named by its History id.
    static func report(_ event: JobEvent, quiet: Bool, json: Bool) {
        let job = event.jobName
        switch event.step {
        case .saved(let image):
            if json {
                if let data = try? RunwareJSON.encode(image) { Console.json(data) }
            } else {
                Console.out(image.path)
            }
            if !quiet && !json {
                let cost = image.cost.map { String(format: ", $%.4f", $0) } ?? ""
                Console.note("\(job): saved image \(image.index + 1) (seed \(image.seed.map(String.init) ?? "?")\(cost))")
            }
        case .imageFailed(let reason): Console.note("\(job): an image failed: \(reason)")
        case .historyWriteFailed(let reason): Console.error("\(job): History: \(reason)")
        case .note(let text) where !quiet: Console.note("\(job): note: \(text)")
        case .uploading(let field, let path) where !quiet: Console.note("\(job): uploading \(path) for \(field)")
        case .submitted(let delivery) where !quiet: Console.note("\(job) sent (task \(event.taskUUID), \(delivery))")
        case .retrying(let retry) where !quiet:
            Console.note("\(job): retry \(retry.attempt) in \(Self.seconds(retry.delay)) after \(retry.reason) (at most \(retry.maxRetries))")
        case .processing(let progress, let finished, let total) where !quiet:
            Console.note("\(job): processing: \(finished)/\(total) images" + (progress.map { ", \($0)%" } ?? ""))
        default: break
        }
    }

    static func seconds(_ d: Duration) -> String {
        String(format: "%.1f s", Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18)
    }
}
