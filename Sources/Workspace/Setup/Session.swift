import Foundation
import Generation
import History
import Imaging
import RunwareAPI

/// Everything one run of Darkroom works with, opened in one place for the studio and every
/// subcommand: the target (Runware or the sandbox), the client with its retry policy, History,
/// the job runner with its poll budget, and the output folder.
package struct Session: Sendable {
    package let env: DarkroomEnvironment
    package let target: Target
    package let client: RunwareClient
    /// nil when the run was asked not to record (`--no-history`).
    package let history: HistoryStore?
    package let runner: JobRunner
    /// The small copies made when an image is stored (design section 4), which sheets read.
    package let thumbnails: StoredThumbnails
    /// Where images are saved: `--out`, else config.toml's `output.folder`, else `images/YYYY/MM`.
    package let outputFolder: URL

    /// What the command line (or the studio) chose.
    package struct Options: Sendable {
        package var endpoint: String?
        package var forceSandbox: Bool
        package var outputFolder: String?
        package var policy: RunPolicy
        package var recordsHistory: Bool

        package init(endpoint: String? = nil, forceSandbox: Bool = false, outputFolder: String? = nil,
                    policy: RunPolicy = RunPolicy(), recordsHistory: Bool = true) {
            self.endpoint = endpoint
            self.forceSandbox = forceSandbox
            self.outputFolder = outputFolder
            self.policy = policy
            self.recordsHistory = recordsHistory
        }
    }

    /// Why a session could not be opened; the executable maps each case to its exit code.
    package enum OpenError: Error, CustomStringConvertible {
        /// No usable key, or the sandbox could not start.
        case target(any Error)
        /// History's database could not be opened or created.
        case history(any Error)

        package var description: String {
            switch self {
            case .target(let e), .history(let e): "\(e)"
            }
        }
    }

    /// Chooses the target and opens History; the sandbox is stopped again if History fails.
    /// Retries are not reported here: each arrives as its job's `.retrying` event.
    package static func open(env: DarkroomEnvironment, config: Configuration, options: Options) async throws(OpenError) -> Session {
        let target: Target
        do { target = try await Target.choose(env: env, config: config, endpoint: options.endpoint, forceSandbox: options.forceSandbox) } catch {
            throw .target(error)
        }
        var history: HistoryStore?
        if options.recordsHistory {
            do { history = try HistoryStore(path: historyPath(env)) } catch {
                await target.stop()
                throw .history(error)
            }
        }
        let transport = RetryingTransport(base: CurlTransport(), policy: RetryPolicy(maxRetries: max(0, options.policy.retries)))
        let client = RunwareClient(endpoint: target.endpoint, apiKey: target.apiKey, transport: transport)
        let thumbnails = StoredThumbnails(folder: thumbnailFolder(env))
        let schedule = target.isLoopback ? PollSchedule.loopback(budget: options.policy.timeout) : .runware(budget: options.policy.timeout)
        let runner = JobRunner(client: client, schedule: schedule, home: env.home, history: history,
                               thumbnails: thumbnails, inputs: KeptInputs(folder: env.inputsFolder))
        return Session(env: env, target: target, client: client, history: history, runner: runner, thumbnails: thumbnails,
                       outputFolder: outputFolder(options.outputFolder, config: config, env: env))
    }

    /// `history.sqlite` in the data folder.
    package static func historyPath(_ env: DarkroomEnvironment) -> String {
        env.dataFolder.appendingPathComponent(HistoryStore.fileName).path
    }

    /// Where stored thumbnails live: `$XDG_CACHE_HOME/darkroom/thumbnails`.
    package static func thumbnailFolder(_ env: DarkroomEnvironment) -> URL {
        env.storedThumbnailFolder
    }

    /// `--out`, else config.toml's `output.folder` (a leading `~` is the environment's HOME),
    /// else this month's images folder.
    package static func outputFolder(_ given: String?, config: Configuration, env: DarkroomEnvironment) -> URL {
        given.map { URL(fileURLWithPath: $0) }
            ?? config.outputFolder.map { URL(fileURLWithPath: env.expandingTilde($0)) }
            ?? env.imagesFolder()
    }

    /// What crash recovery did: each earlier job it settled, and the abandoned temporary files
    /// it could not remove.
    package struct Recovery: Sendable {
        package var outcomes: [JobRecovery.Outcome] = []
        package var cleanupFailures: [FileRemovalFailure] = []
        /// Files of deleted jobs an interrupted delete had left, removed now.
        package var removals = RemovalFinish()
    }

    /// Crash recovery: temporary files an interrupted write left behind (in the images folder
    /// and the output folder) are removed, and jobs a crashed run left unfinished are settled.
    /// Nothing when History is off; throws when History cannot list the unfinished jobs.
    /// With `collect` false, earlier async jobs are named and left for later (`JobRecovery`).
    package func recover(collect: Bool = true) async throws -> Recovery {
        guard let history else { return Recovery() }
        var recovery = Recovery()
        for place in [env.dataFolder.appendingPathComponent("images"), outputFolder] {
            recovery.cleanupFailures += TemporaryFileName.removeAbandoned(under: place).failed
        }
        // A delete killed half-way is finished, so its files never come back as strays.
        if let finish = try? history.finishRemovals() {
            recovery.removals = finish
            recovery.cleanupFailures += finish.failed
        }
        recovery.outcomes = try await JobRecovery(runner: runner, history: history).recover(into: outputFolder, collect: collect)
        return recovery
    }

    /// Stops this run's sandbox, if it started one.
    package func close() async {
        await target.stop()
    }
}
