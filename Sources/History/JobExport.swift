import Foundation

/// Copies a job's images and its request JSON into a folder (`history export` and the studio).
public enum JobExport {
    public struct Outcome: Sendable, Equatable {
        public var written: [String] = []
        /// Images History names whose files are gone.
        public var missing: [String] = []
        public init() {}
    }

    /// An image of the job that is there but cannot be read.
    public struct ReadError: Error, Sendable, Equatable, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "cannot read \(path): \(reason)" }
    }

    public static func export(_ job: HistoryJob, to folder: URL) throws -> Outcome {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var outcome = Outcome()
        let json = folder.appendingPathComponent("job-\(job.id).json")
        try AtomicFile.write(Data(job.requestJSON.utf8), to: json)
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
        return outcome
    }
}

extension HistoryStore {
    /// Copies job `id`'s images and request JSON into `folder` (see `JobExport`).
    public func export(_ id: Int64, to folder: URL) throws -> JobExport.Outcome {
        try JobExport.export(try job(id), to: folder)
    }
}
