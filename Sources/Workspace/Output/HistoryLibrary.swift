import Foundation
import Generation
import History
import Imaging
import RunwareAPI
import TerminalUI

/// What the `history` subcommands do with the library, over the History opened from the
/// environment, saying each outcome as `ReportLine`s. The executable maps failures to exit codes.
package enum HistoryLibrary {
    /// History at `Session.historyPath(env)`; throws `HistoryError` when it cannot be opened.
    package static func open(_ env: DarkroomEnvironment) throws -> HistoryStore {
        try HistoryStore(path: Session.historyPath(env))
    }

    /// The small thumbnails of stored images (`Session.thumbnailFolder`).
    package static func thumbnails(_ env: DarkroomEnvironment) -> StoredThumbnails {
        StoredThumbnails(folder: Session.thumbnailFolder(env))
    }

    /// A job's request to send again and the parent the new job records: for a re-run, the exact
    /// request with the seeds its images were made with (`HistoryJob.reproduction`: one request,
    /// or one per image when their seeds are unrelated); for a variation, without its seed (new
    /// random seeds); for a fork, the first image's seed and a fresh taskUUID, so the printed task
    /// can be sent as it is. An imported job's request is made harmless (`note` says how).
    package static func again(_ job: HistoryJob, as lineage: Lineage) throws
        -> (requests: [ImageInferenceRequest], parent: JobParent, note: String?) {
        var (request, note) = try job.runnableRequest()
        var requests = [request]
        switch (lineage, job.reproduction) {
        case (.variation, _): requests[0].seed = nil
        case (_, .asRecorded): break
        case (_, .seed(let seed)): requests[0].seed = seed
        case (.fork, .perImage(let seeds)):
            requests[0].seed = seeds[0]
            requests[0].numberResults = 1
            note = [note, "job \(job.id)'s images have unrelated seeds (\(seeds.map(String.init).joined(separator: ", "))); "
                    + "this fork remakes image 1"].compactMap { $0 }.joined(separator: "; ")
        case (_, .perImage(let seeds)):
            requests = seeds.map { seed in
                request.seed = seed
                request.numberResults = 1
                return request
            }
        }
        if lineage == .fork { requests[0].taskUUID = TaskID.make() }
        return (requests, JobParent(id: job.id, lineage: lineage), note)
    }

    /// `history import`: records each image that carries its parameters (`ID<TAB>path` on stdout),
    /// where it lies (the user's own file) or, with `copyInto`, as a copy in the library; a file
    /// History already has is named with its job. Returns how many were refused. A `HistoryError`
    /// stops at that file.
    package static func importImages(_ paths: [String], into store: HistoryStore, thumbnails: StoredThumbnails,
                                    copyInto: URL? = nil, emit: (ReportLine) -> Void) throws -> Int {
        var failed = 0
        for path in paths {
            do {
                let imported = try ImageImport.file(path, into: store, thumbnails: thumbnails, copyInto: copyInto)
                if let note = imported.note { emit(.note(SafeText.line("\(imported.path): \(note)"))) }
                emit(.out("\(imported.jobID)\t\(SafeText.line(imported.path))"))
            } catch let refusal as ImageImport.Refusal {
                if refusal.isFailure {
                    emit(.error(SafeText.line(refusal.description)))
                    failed += 1
                } else {
                    emit(.note(SafeText.line(refusal.description)))
                }
            }
        }
        return failed
    }

    /// `history export` of one job: the image paths written (not the request JSON) and each missing image.
    static func exported(_ outcome: JobExport.Outcome, job id: Int64) -> [ReportLine] {
        outcome.written.filter { !$0.hasSuffix(".json") }.map(ReportLine.out)
            + outcome.missing.map { .error("job \(id): an image is missing (\(SafeText.line($0)))") }
    }

    /// `history export`: copies each job's images and request JSON into `folder`, printing the
    /// image paths; returns how many images were missing. An image that cannot be read (exit 1)
    /// or written (exit 73) stops it, named with its job; a `HistoryError` stops at that job.
    package static func export(_ ids: [Int64], from store: HistoryStore, to folder: URL, emit: (ReportLine) -> Void) throws -> Int {
        var missing = 0
        for id in ids {
            let outcome: JobExport.Outcome
            do { outcome = try store.export(id, to: folder) } catch let e as JobExport.ReadError {
                emit(.error("job \(id): \(e.description)"))
                throw ExitStatus.partly
            } catch let e as AtomicFile.WriteError {
                emit(.error("job \(id): \(e.description)"))
                throw ExitStatus.cannotWrite
            }
            exported(outcome, job: id).forEach(emit)
            missing += outcome.missing.count
        }
        return missing
    }

    /// History for `history check`: a damaged database is said problem by problem with how to
    /// recover (exit 1); one that cannot be opened otherwise exits 73.
    package static func openForCheck(_ env: DarkroomEnvironment, emit: (ReportLine) -> Void) throws(ExitStatus) -> HistoryStore {
        do { return try open(env) } catch {
            if let e = error as? HistoryError, let lines = damaged(e, path: Session.historyPath(env)) {
                lines.forEach(emit)
                throw .partly
            }
            emit(.error((error as? HistoryError)?.description ?? "\(error)"))
            throw .cannotWrite
        }
    }

    /// `history check` on a database that cannot be trusted: every problem, then how to recover.
    package static func damaged(_ error: HistoryError, path: String) -> [ReportLine]? {
        guard case .damaged(_, let problems) = error else { return nil }
        return problems.map { .out("database: \($0)") } + error.recoverySteps.map(ReportLine.out)
            + [.error("\(path) is damaged: \(counted(problems.count, "problem")) found")]
    }

    /// `history check`'s report: database problems, missing and unknown files (with what
    /// `--repair` did to each), temporary files removed, and the verdict.
    package static func lines(_ report: LibraryCheck.Report) -> [ReportLine] {
        var lines: [ReportLine] = report.databaseProblems.map { .error("database: \(SafeText.line($0))") }
        lines += report.missing.map { .out("missing: job \($0.jobID): \(SafeText.line($0.path))") }
        for image in report.unknown {
            lines.append(.out("unknown to History: \(SafeText.line(image.path))"))
            switch image.repair {
            case .none: break
            case .attached(let jobID): lines.append(.out("  attached to its job \(jobID)"))
            case .imported(let imported):
                if let note = imported.note { lines.append(.note("\(imported.path): \(note)")) }
                lines.append(.out("  imported as job \(imported.jobID)"))
            case .unreadable(let reason): lines.append(.error("  cannot read it to repair it: \(reason)"))
            }
        }
        lines += report.temporaryFiles.failed.map { .error($0.description) }
        let finished = report.removals.removed.count
        if finished > 0 {
            lines.append(.out("removed \(counted(finished, "image file")) of deleted jobs (a delete had been interrupted)"))
        }
        lines += report.removals.failed.map { .error("a deleted job's file: \(SafeText.line($0.description))") }
        let removed = report.temporaryFiles.removed
        if removed > 0 { lines.append(.out("removed \(counted(removed, "temporary file"))")) }
        let problems = report.problemCount
        lines.append(.out(problems == 0 ? "History is sound: \(report.knownImages) images" : "\(counted(problems, "problem")) found"))
        return lines
    }

    /// Runs `LibraryCheck` over the images folder of `env` (`repair`: fix what is safe).
    package static func check(_ store: HistoryStore, env: DarkroomEnvironment, repair: Bool) throws -> LibraryCheck.Report {
        try LibraryCheck.run(store, images: env.dataFolder.appendingPathComponent("images"), repair: repair, thumbnails: thumbnails(env))
    }
}
