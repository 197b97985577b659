import Foundation
import History
import Imaging
import RunwareAPI

/// `history check`: the database's integrity, image files History names that are gone, and image
/// files in the images folder History does not know. With `repair`, only what is safe: an unknown
/// image of a known job (renamed into place just before a kill) goes back to its job, other
/// images that carry their parameters are imported, interrupted temporary files are removed.
/// Missing files are only reported. Lives here, not in History, because it reads image metadata.
package enum LibraryCheck {
    package struct MissingImage: Sendable, Equatable {
        package var jobID: Int64
        package var path: String
    }

    /// What became of an image History did not know.
    package enum Repair: Sendable, Equatable {
        /// Not repaired (no `--repair`, or it carries nothing to import).
        case none
        case attached(jobID: Int64)
        case imported(ImageImport.Imported)
        /// The file could not be read to repair it.
        case unreadable(String)
    }

    package struct UnknownImage: Sendable, Equatable {
        package var path: String
        package var repair: Repair
    }

    package struct Report: Sendable, Equatable {
        package var databaseProblems: [String] = []
        /// How many images History names.
        package var knownImages = 0
        package var missing: [MissingImage] = []
        package var unknown: [UnknownImage] = []
        /// What `repair` did with interrupted temporary files.
        package var temporaryFiles = TemporaryFileCleanup()
        /// Image files of deleted jobs a killed delete had left, removed now (`HistoryStore.finishRemovals`).
        package var removals = RemovalFinish()

        package var problemCount: Int { databaseProblems.count + missing.count + unknown.count + removals.failed.count }
    }

    /// `thumbnails`: where an imported image's small thumbnail goes (design section 4).
    package static func run(_ store: HistoryStore, images: URL, repair: Bool, thumbnails: StoredThumbnails? = nil) throws -> Report {
        var report = Report()
        report.databaseProblems = try store.integrityProblems()
        // A delete killed half-way is finished first: its files are deleted jobs', never new ones.
        report.removals = try store.finishRemovals()
        let doomed = try store.pendingRemovals()
        let known = try store.resultPaths()
        report.knownImages = known.count
        report.missing = known.filter { !FileManager.default.fileExists(atPath: $0.path) }.map { MissingImage(jobID: $0.jobID, path: $0.path) }
        let knownPaths = Set(known.map(\.path))
        var unknown: [String] = []
        if let walker = FileManager.default.enumerator(at: images, includingPropertiesForKeys: nil) {
            for case let url as URL in walker where ImageFormat(name: url.pathExtension) != nil && !knownPaths.contains(url.path)
                && !doomed.contains(url.path) {
                unknown.append(url.path)
            }
        }
        for path in unknown.sorted() {
            report.unknown.append(UnknownImage(path: path, repair: repair ? try self.repair(path, store: store, thumbnails: thumbnails) : .none))
        }
        if repair { report.temporaryFiles = TemporaryFileName.removeAbandoned(under: images) }
        return report
    }

    static func repair(_ path: String, store: HistoryStore, thumbnails: StoredThumbnails?) throws -> Repair {
        let data: Data
        do { data = try ImageFile.read(path) } catch { return .unreadable("\(error)") }
        let texts = ImageText.read(data)
        if let task = ImageMetadata.taskUUID(fromTexts: texts), let owner = try store.job(taskUUID: task) {
            let request = ImageMetadata.request(fromTexts: texts)
            let size = try? ImageDecoder.dimensions(data)
            try store.addResult(HistoryResult(
                index: (owner.results.map(\.index).max() ?? -1) + 1, imageUUID: nil, seed: request?.seed, path: path,
                width: size?.width, height: size?.height, format: ImageFormat.detect(data)?.rawValue ?? "?",
                bytes: data.count, nsfw: nil, cost: nil, responseJSON: "{}"), to: owner.id)
            return .attached(jobID: owner.id)
        }
        return try ImageImport.record(data, at: path, into: store, thumbnails: thumbnails).map(Repair.imported) ?? .none
    }
}
