import Foundation
import Generation
import History
import RunwareAPI
import Synchronization

/// One job from the command line (`generate`, `history rerun`): opens the session, settles
/// jobs an earlier run left behind, runs this one and says every step as `ReportLine`s.
public enum JobRun {
    /// Why the run stopped; what went wrong has been said already (`issues` excepted: the
    /// caller lists them under its own heading).
    public struct Stop: Error, Sendable {
        public var status: ExitStatus
        public var issues: ValidationFailure?
    }

    /// `historyHint` follows a History failure (what else the user can do). `taskUUID` is the
    /// user's own; otherwise the runner mints one.
    public static func execute(_ draft: ImageInferenceRequest, env: DarkroomEnvironment, config: Configuration,
                               options: Session.Options, quiet: Bool, json: Bool, parent: JobParent?, taskUUID: String?,
                               historyHint: String, emit: @escaping @Sendable (ReportLine) -> Void) async throws(Stop) {
        let session: Session
        do throws(Session.OpenError) { session = try await Session.open(env: env, config: config, options: options) } catch {
            if case .history = error { emit(.error("\(error)\(historyHint)")) } else { emit(.error("\(error)")) }
            throw Stop(status: error.exitStatus)
        }
        if let notice = session.target.notice, !quiet { emit(.note(notice)) }
        let recovery: Session.Recovery
        do { recovery = try await session.recover() } catch {
            await session.close()
            emit(.error("\(error)\(historyHint)"))
            throw Stop(status: .cannotWrite)
        }
        RunReport.recovery(recovery, quiet: quiet).forEach(emit)
        do {
            let name = Mutex<(name: String, id: Int64?)>(("the job", nil))
            let saved = try await session.runner.run(draft, into: session.outputFolder, parent: parent, taskUUID: taskUUID) { event in
                name.withLock { $0 = (event.jobName, event.jobID) }
                RunReport.lines(event, quiet: quiet, json: json).forEach(emit)
            }
            await session.close()
            // Some images arrived and others did not: the good ones are kept, and the run says so.
            if saved.count < draft.resultCount {
                let job = name.withLock { $0 }
                emit(.error("\(job.name) saved \(saved.count) of \(draft.resultCount) images; why the others are missing is said above"
                    + (job.id.map { " and in `darkroom history show \($0)`" } ?? "")))
                throw Stop(status: .partly)
            }
        } catch let stop as Stop {
            throw stop
        } catch let failure as JobFailure {
            await session.close()
            if case .invalid(let v) = failure { throw Stop(status: .invalidInput, issues: v) }
            emit(.error(failure.description))
            throw Stop(status: ExitStatus(failure))
        } catch {
            // `run` throws only JobFailure; anything else is said as it is.
            await session.close()
            emit(.error("\(error)"))
            throw Stop(status: .partly)
        }
    }
}
