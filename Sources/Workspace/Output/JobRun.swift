import Foundation
import Generation
import History
import RunwareAPI
import Synchronization

/// One job from the command line (`generate`, `history rerun`): opens the session, settles
/// jobs an earlier run left behind, runs this one and says every step as `ReportLine`s.
package enum JobRun {
    /// Why the run stopped; what went wrong has been said already (`issues` excepted: the
    /// caller lists them under its own heading).
    package struct Stop: Error, Sendable {
        package var status: ExitStatus
        package var issues: ValidationFailure?
    }

    /// `historyHint` follows a History failure (what else the user can do). `taskUUID` is the
    /// user's own; otherwise the runner mints one.
    package static func execute(_ draft: ImageInferenceRequest, env: DarkroomEnvironment, config: Configuration,
                               options: Session.Options, quiet: Bool, json: Bool, parent: JobParent?, taskUUID: String?,
                               historyHint: String, emit: @escaping @Sendable (ReportLine) -> Void) async throws(Stop) {
        let session: Session
        do throws(Session.OpenError) { session = try await Session.open(env: env, config: config, options: options) } catch {
            if case .history = error { emit(.error("\(error)\(historyHint)")) } else { emit(.error("\(error)")) }
            throw Stop(status: error.exitStatus)
        }
        if let notice = session.target.notice, !quiet { emit(.note(notice)) }
        let recovery: Session.Recovery
        // Earlier async jobs are not waited for: this job's timing never depends on old ones.
        do { recovery = try await session.recover(collect: false) } catch {
            await session.close()
            emit(.error("\(error)\(historyHint)"))
            throw Stop(status: .cannotWrite)
        }
        RunReport.recovery(recovery, quiet: quiet).forEach(emit)
        let name = Mutex<(name: String, id: Int64?)>(("the job", nil))
        do {
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
            if case .cancelled = failure {
                let job = name.withLock { $0 }
                emit(.error("\(job.name) cancelled" + (job.id == nil ? "" : "; History records it as cancelled")
                    + (job.id == nil ? "" : "; a task already sent to Runware goes on there and is billed")))
                throw Stop(status: .cancelled)
            }
            emit(.error(failure.description))
            throw Stop(status: ExitStatus(failure))
        } catch {
            // `run` throws only JobFailure; anything else is said as it is.
            await session.close()
            emit(.error("\(error)"))
            throw Stop(status: .partly)
        }
    }

    /// `history collect`: settles the jobs a stopped Darkroom left unfinished (collecting async
    /// ones with getResponse), saying each outcome.
    package static func collect(env: DarkroomEnvironment, config: Configuration, options: Session.Options,
                               emit: @escaping @Sendable (ReportLine) -> Void) async throws(Stop) {
        let session: Session
        do throws(Session.OpenError) { session = try await Session.open(env: env, config: config, options: options) } catch {
            emit(.error("\(error)"))
            throw Stop(status: error.exitStatus)
        }
        let recovery: Session.Recovery
        do { recovery = try await session.recover() } catch {
            await session.close()
            emit(.error("\(error)"))
            throw Stop(status: .cannotWrite)
        }
        await session.close()
        RunReport.recovery(recovery, quiet: false).forEach(emit)
        let still = recovery.outcomes.filter { $0.status == .pending || $0.status == .running }.map(\.jobID)
        if recovery.outcomes.isEmpty { emit(.note("no earlier job was left unfinished")) }
        if !still.isEmpty {
            emit(.note("still being made at Runware: job " + still.map(String.init).joined(separator: ", ") + "; run `darkroom history collect` again later"))
        }
    }
}
