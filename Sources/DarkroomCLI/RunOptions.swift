import ArgumentParser
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

    /// Runs one job through `JobRun` (session, crash recovery, the job), printing every line it says.
    /// `taskUUID` is the user's `--task-uuid`; otherwise the runner mints one.
    func execute(_ draft: ImageInferenceRequest, env: DarkroomEnvironment, config: Configuration,
                 parent: JobParent? = nil, taskUUID: String? = nil) async throws {
        let options = Session.Options(endpoint: endpoint, forceSandbox: sandbox, outputFolder: out,
                                      policy: RunPolicy(retries: retries, timeout: .seconds(timeout)), recordsHistory: !noHistory)
        let (quiet, json) = (quiet, json)
        let job = Task { () async -> Result<Void, JobRun.Stop> in
            do throws(JobRun.Stop) {
                try await JobRun.execute(draft, env: env, config: config, options: options, quiet: quiet, json: json, parent: parent,
                                         taskUUID: taskUUID, historyHint: " (or run with --no-history)", emit: { Console.print($0) })
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        // ctrl-c cancels the job (History records it as cancelled and the run says so); a second one ends at once.
        let interrupt = Interrupt.onSignal { job.cancel() }
        defer { interrupt.cancel() }
        do throws(JobRun.Stop) {
            try await job.value.get()
        } catch {
            if let issues = error.issues { Console.issues(issues) }
            throw ExitCode(error.status.rawValue)
        }
    }
}
