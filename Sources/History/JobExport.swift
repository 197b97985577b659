import Foundation
import RunwareAPI

/// Copies a job's images and its request JSON into a folder (`history export` and the studio).
package enum JobExport {
    package struct Outcome: Sendable, Equatable {
        package var written: [String] = []
        /// Images History names whose files are gone.
        package var missing: [String] = []
        package init() {}
    }

    /// An image of the job that is there but cannot be read.
    package struct ReadError: Error, Sendable, Equatable, CustomStringConvertible {
        package var path: String
        package var reason: String
        package var description: String { "cannot read \(path): \(reason)" }
    }

    package static func export(_ job: HistoryJob, to folder: URL) throws -> Outcome {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var outcome = Outcome()
        let json = folder.appendingPathComponent("job-\(job.id).json")
        // The task with the seeds its images were made with (a task array, as the API takes it,
        // when they are unrelated: one task per image), so the export remakes the same pictures.
        var text = job.requestJSON
        if let tasks = job.reproducingTasks(), job.reproduction != .asRecorded,
           let data = try? RunwareJSON.encode(tasks.count == 1 ? JSONValue.object(tasks[0]) : .array(tasks.map(JSONValue.object))) {
            text = String(decoding: data, as: UTF8.self)
        }
        try AtomicFile.write(Data(text.utf8), to: json)
        outcome.written.append(json.path)
        for r in job.results {
            let target = folder.appendingPathComponent("job-\(job.id)-\(r.index + 1)." + (r.path as NSString).pathExtension)
            guard FileManager.default.fileExists(atPath: r.path) else {
                outcome.missing.append(r.path)
                continue
            }
            // A file that is there but cannot be read stops the export with its name and reason.
            let data: Data
            do { data = try Data(contentsOf: URL(fileURLWithPath: r.path)) } catch {
                throw ReadError(path: r.path, reason: HistoryFile.reason(for: error))
            }
            try AtomicFile.write(data, to: target)
            outcome.written.append(target.path)
        }
        // The local images the job was made from (its kept copies), so the export can be re-run elsewhere.
        for (n, path) in inputPaths(job).enumerated() {
            guard FileManager.default.fileExists(atPath: path) else {
                outcome.missing.append(path)
                continue
            }
            let data: Data
            do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
                throw ReadError(path: path, reason: HistoryFile.reason(for: error))
            }
            let target = folder.appendingPathComponent("job-\(job.id)-input-\(n + 1)." + (path as NSString).pathExtension)
            try AtomicFile.write(data, to: target)
            outcome.written.append(target.path)
        }
        return outcome
    }

    /// Every local file path the recorded request names (input images), in the order they appear.
    static func inputPaths(_ job: HistoryJob) -> [String] {
        var paths: [String] = []
        func walk(_ value: JSONValue) {
            switch value {
            case .string(let s) where s.hasPrefix("/") && !paths.contains(s): paths.append(s)
            case .array(let items): items.forEach(walk)
            case .object(let object): object.keys.sorted().forEach { walk(object[$0]!) }
            default: break
            }
        }
        if let object = job.taskObject { walk(.object(object)) }
        return paths
    }
}

extension HistoryStore {
    /// Copies job `id`'s images and request JSON into `folder` (see `JobExport`).
    package func export(_ id: Int64, to folder: URL) throws -> JobExport.Outcome {
        try JobExport.export(try job(id), to: folder)
    }
}
