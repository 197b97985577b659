import ArgumentParser
import Foundation
import Generation
import History
import RunwareAPI
import Workspace

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
    var timeout: Int = RunPolicy.defaultTimeoutSeconds
    @Option(help: "Retries after 408, 429, 5xx or a broken connection (exponential backoff with jitter, Retry-After honoured).")
    var retries: Int = RunPolicy.defaultRetries
    @Flag(name: .shortAndLong, help: "No progress lines on stderr.")
    var quiet = false
    @Flag(help: "Do not record this job in History ($XDG_DATA_HOME/darkroom/history.sqlite).")
    var noHistory = false

    /// Opens the session (target, History, runner), recovers earlier jobs, runs this one, reports.
    func execute(_ draft: ImageInferenceRequest, env: DarkroomEnvironment, config: Configuration,
                 parent: (id: Int64, lineage: Lineage)? = nil) async throws {
        let quiet = self.quiet, asJSON = self.json
        let options = Session.Options(endpoint: endpoint, forceSandbox: sandbox, outputFolder: out,
                                      policy: RunPolicy(retries: retries, timeout: .seconds(timeout)), recordsHistory: !noHistory)
        let session = try await Session.openOrExit(env: env, config: config, options: options,
                                                   historyHint: " (or run with --no-history)", onRetry: { event in
            if !quiet { Console.note("retry \(event.attempt) in \(Self.seconds(event.delay)) after \(event.reason)") }
        })
        if let notice = session.target.notice, !quiet { Console.note(notice) }
        for outcome in await session.recover() where outcome.status != .pending {
            if !quiet { Console.note("earlier job \(outcome.jobID) is now \(outcome.status.rawValue)" + (outcome.reason.map { ": \($0)" } ?? "")) }
        }
        do {
            _ = try await session.runner.run(draft, into: session.outputFolder, parent: parent) { event in
                Self.report(event, quiet: quiet, json: asJSON)
            }
            await session.close()
        } catch let failure as JobFailure {
            await session.close()
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
