import ArgumentParser
import Foundation
import Generation
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
    func execute(_ draft: ImageInferenceRequest, env: DarkroomEnvironment, config: Configuration,
                 parent: (id: Int64, lineage: Lineage)? = nil) async throws {
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
        let retry = RetryingTransport(base: CurlTransport(), policy: RetryPolicy(maxRetries: max(0, retries)), onRetry: { event in
            if !quiet { Console.note("retry \(event.attempt) in \(Self.seconds(event.delay)) after \(event.reason)") }
        })
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
                               home: env.variables["HOME"] ?? NSHomeDirectory(), history: history)
        if let history {
            _ = JobRecovery.removeTemporaryFiles(under: env.dataFolder.appendingPathComponent("images"))
            _ = JobRecovery.removeTemporaryFiles(under: folder)
            for outcome in await JobRecovery(runner: runner, history: history).recover(into: folder) where outcome.status != .pending {
                if !quiet { Console.note("earlier job \(outcome.jobID) is now \(outcome.status.rawValue)" + (outcome.reason.map { ": \($0)" } ?? "")) }
            }
        }
        do {
            _ = try await runner.run(draft, into: folder, parent: parent) { event in
                Self.report(event, quiet: quiet, json: asJSON)
            }
            await target.stop()
        } catch let failure as JobFailure {
            await target.stop()
            if case .invalid(let v) = failure { Console.issues(v) } else { Console.error(failure.description) }
            throw Exit.code(for: failure)
        }
    }

    static func report(_ event: JobEvent, quiet: Bool, json: Bool) {
        switch event {
        case .saved(let image):
            if json {
                if let data = try? RunwareJSON.encode(image) { Console.json(data) }
            } else {
                Console.out(image.path)
            }
            if !quiet && !json {
                let cost = image.cost.map { String(format: ", $%.4f", $0) } ?? ""
                Console.note("saved image \(image.index + 1) (seed \(image.seed.map(String.init) ?? "?")\(cost))")
            }
        case .imageFailed(let reason): Console.note("an image failed: \(reason)")
        case .note(let text) where !quiet: Console.note("note: \(text)")
        case .uploading(let field, let path) where !quiet: Console.note("uploading \(path) for \(field)")
        case .submitted(let task, let delivery) where !quiet: Console.note("task \(task) sent (\(delivery))")
        case .processing(let progress, let finished, let total) where !quiet:
            Console.note("processing: \(finished)/\(total) images" + (progress.map { ", \($0)%" } ?? ""))
        default: break
        }
    }

    static func seconds(_ d: Duration) -> String {
        String(format: "%.1f s", Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18)
    }
}
