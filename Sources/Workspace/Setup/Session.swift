import Foundation
import Generation
import History
import Imaging
import RunwareAPI

/// Everything one run of Darkroom works with, opened in one place for the studio and every
/// subcommand: the target (Runware or the sandbox), the client with its retry policy, History,
/// the job runner with its poll budget, and the output folder.
public struct Session: Sendable {
    public let env: DarkroomEnvironment
    public let target: Target
    public let client: RunwareClient
    /// nil when the run was asked not to record (`--no-history`).
    public let history: HistoryStore?
    public let runner: JobRunner
    /// The small copies made when an image is stored (design section 4), which sheets read.
    public let thumbnails: StoredThumbnails
    /// Where images are saved: `--out`, else config.toml's `output.folder`, else `images/YYYY/MM`.
    public let outputFolder: URL

    /// What the command line (or the studio) chose.
    public struct Options: Sendable {
        public var endpoint: String?
        public var forceSandbox: Bool
        public var outputFolder: String?
        public var policy: RunPolicy
        public var recordsHistory: Bool

        public init(endpoint: String? = nil, forceSandbox: Bool = false, outputFolder: String? = nil,
                    policy: RunPolicy = RunPolicy(), recordsHistory: Bool = true) {
            self.endpoint = endpoint
            self.forceSandbox = forceSandbox
            self.outputFolder = outputFolder
            self.policy = policy
            self.recordsHistory = recordsHistory
        }
    }

    /// Why a session could not be opened; the executable maps each case to its exit code.
    public enum OpenError: Error, CustomStringConvertible {
        /// No usable key, or the sandbox could not start.
        case target(any Error)
        /// History's database could not be opened or created.
        case history(any Error)

        public var description: String {
            switch self {
            case .target(let e), .history(let e): "\(e)"
            }
        }
    }

    /// Chooses the target and opens History; the sandbox is stopped again if History fails.
    /// Retries are not reported here: each arrives as its job's `.retrying` event.
    public static func open(env: DarkroomEnvironment, config: Configuration, options: Options) async throws(OpenError) -> Session {
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
    public static func historyPath(_ env: DarkroomEnvironment) -> String {
        env.dataFolder.appendingPathComponent(HistoryStore.fileName).path
    }

    /// Where stored thumbnails live: `$XDG_CACHE_HOME/darkroom/thumbnails`.
    public static func thumbnailFolder(_ env: DarkroomEnvironment) -> URL {
        env.storedThumbnailFolder
    }

    /// `--out`, else config.toml's `output.folder` (a leading `~` is the environment's HOME),
    /// else this month's images folder.
    public static func outputFolder(_ given: String?, config: Configuration, env: DarkroomEnvironment) -> URL {
        given.map { URL(fileURLWithPath: $0) }
            ?? config.outputFolder.map { URL(fileURLWithPath: env.expandingTilde($0)) }
            ?? env.imagesFolder()
    }

    /// What crash recovery did: each earlier job it settled, and the abandoned temporary files
    /// it could not remove.
    public struct Recovery: Sendable {
        public var outcomes: [JobRecovery.Outcome] = []
        public var cleanupFailures: [FileRemovalFailure] = []
        /// Files of deleted jobs an interrupted delete had left, removed now.
        public var removals = RemovalFinish()
    }

    /// Crash recovery: temporary files an interrupted write left behind (in the images folder
    /// and the output folder) are removed, and jobs a crashed run left unfinished are settled.
    /// Nothing when History is off; throws when History cannot list the unfinished jobs.
    /// With `collect` false, earlier async jobs are named and left for later (`JobRecovery`).
    public func recover(collect: Bool = true) async throws -> Recovery {
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
    public func close() async {
        await target.stop()
    }
}
