import Foundation
import History
import Imaging
import RunwareAPI

/// Images made elsewhere (or by Darkroom, before History knew them) recorded as finished jobs,
/// from the texts they carry: our `runware-task`, or another tool's `parameters`. What came from
/// a file is made harmless first (`OutsideRequest`). Used by `history import` and `check --repair`.
public enum ImageImport {
    public struct Imported: Sendable, Equatable {
        public var jobID: Int64
        public var path: String
        /// What was left out of the request the file carried, and a thumbnail that could not be made.
        public var note: String?
    }

    /// Why a file was not imported.
    public enum Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        case unreadable(path: String, reason: String)
        case noParameters(path: String)

        public var description: String {
            switch self {
            case .unreadable(let path, let reason): return "\(path): not a readable JPEG, PNG or WEBP image (\(reason))"
            case .noParameters(let path): return "\(path): carries no 'parameters' or 'runware-task' text to import"
            }
        }
    }

    /// Reads the image at `path` (made absolute) and records it, making its small thumbnail when
    /// `thumbnails` is given (design section 4); throws `Refusal` or a `HistoryError`.
    public static func file(_ path: String, into store: HistoryStore, thumbnails: StoredThumbnails? = nil) throws -> Imported {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        let data: Data
        do { data = try ImageFile.read(absolute) } catch let e as ImageFile.LoadError {
            throw Refusal.unreadable(path: absolute, reason: e.reason)
        }
        guard ImageFormat.detect(data) != nil else { throw Refusal.unreadable(path: absolute, reason: "not an image format Darkroom reads") }
        guard let imported = try record(data, at: absolute, into: store, thumbnails: thumbnails) else {
            throw Refusal.noParameters(path: absolute)
        }
        return imported
    }

    /// Records image bytes found at `path` as a finished job; nil when they carry no texts.
    public static func record(_ data: Data, at path: String, into store: HistoryStore,
                              thumbnails: StoredThumbnails? = nil) throws -> Imported? {
        let (texts, cut) = ImageText.readNotingCuts(data)
        guard let format = ImageFormat.detect(data), let found = ImageMetadata.request(fromTexts: texts) else {
            return nil
        }
        let (request, dropped) = OutsideRequest.defused(found)
        let size = try? ImageDecoder.dimensions(data)
        let id = try store.importImage(request, result: HistoryResult(
            index: 0, imageUUID: nil, seed: request.seed, path: path, width: size?.width, height: size?.height,
            format: format.rawValue, bytes: data.count, nsfw: nil, cost: nil, responseJSON: "{}"))
        var notes = [ImageText.cutNote(cut), OutsideRequest.note(dropped)].compactMap { $0 }
        if let thumbnails {
            do { try thumbnails.make(from: data, forImageAt: path) } catch { notes.append("no thumbnail was made: \(error)") }
        }
        return Imported(jobID: id, path: path, note: notes.isEmpty ? nil : notes.joined(separator: "; "))
    }
}

extension HistoryJob {
    /// The recorded request ready to run again (a fresh taskUUID is minted by the runner). An
    /// imported job's request came from a file: it never reads local files or sends results
    /// away (`OutsideRequest`); `note` says what was left out.
    public func runnableRequest() throws -> (request: ImageInferenceRequest, note: String?) {
        let recorded = try request
        guard isImported else { return (recorded, nil) }
        let (safe, dropped) = OutsideRequest.defused(recorded)
        return (safe, OutsideRequest.note(dropped).map { "job \(id): \($0)" })
    }
}
