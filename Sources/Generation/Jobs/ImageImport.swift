import Foundation
import History
import Imaging
import RunwareAPI

/// Images made elsewhere (or by Darkroom, before History knew them) recorded as finished jobs,
/// from the texts they carry: our `runware-task`, or another tool's `parameters`. What came from
/// a file is made harmless first (`OutsideRequest`). Used by `history import` and `check --repair`.
/// An image imported where it lies stays the user's own: deleting its job leaves the file (see
/// `UserFiles`); with `copyInto` Darkroom copies it into its library and the copy is Darkroom's.
package enum ImageImport {
    package struct Imported: Sendable, Equatable {
        package var jobID: Int64
        package var path: String
        /// What was left out of the request the file carried, and a thumbnail that could not be made.
        package var note: String?
    }

    /// Why a file was not imported.
    package enum Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        case unreadable(path: String, reason: String)
        case noParameters(path: String)
        /// The file is already one of History's images, or was imported before: nothing to do.
        case alreadyInHistory(path: String, jobID: Int64)

        package var description: String {
            switch self {
            case .unreadable(let path, let reason): return "\(path): not a readable JPEG, PNG or WEBP image (\(reason))"
            case .noParameters(let path): return "\(path): carries no 'parameters' or 'runware-task' text to import"
            case .alreadyInHistory(let path, let id): return "\(path) is already in History as job \(id); not imported again"
            }
        }

        /// Whether the file was left out for a fault (not merely because History has it already).
        package var isFailure: Bool {
            if case .alreadyInHistory = self { return false }
            return true
        }
    }

    /// Reads the image at `path` (made absolute, links resolved) and records it, making its small
    /// thumbnail when `thumbnails` is given (design section 4). The file stays where it is and is
    /// recorded as the user's own; with `copyInto`, a copy is written there (never over another
    /// file) and recorded instead. Throws `Refusal` or a `HistoryError`.
    package static func file(_ path: String, into store: HistoryStore, thumbnails: StoredThumbnails? = nil,
                            copyInto: URL? = nil) throws -> Imported {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        if let holder = try store.jobHolding(absolute) { throw Refusal.alreadyInHistory(path: absolute, jobID: holder) }
        let data: Data
        do { data = try ImageFile.read(absolute) } catch let e as ImageFile.LoadError {
            throw Refusal.unreadable(path: absolute, reason: e.reason)
        }
        guard ImageFormat.detect(data) != nil else { throw Refusal.unreadable(path: absolute, reason: "not an image format Darkroom reads") }
        guard ImageMetadata.request(fromTexts: ImageText.read(data)) != nil else { throw Refusal.noParameters(path: absolute) }
        var place = absolute
        if let copyInto {
            let name = copyName(absolute)
            do {
                place = try AtomicFile.writeNew(data, to: copyInto.appendingPathComponent(name)) { variant in
                    copyInto.appendingPathComponent(copyName(absolute, variant: variant))
                }.path
            } catch let e as AtomicFile.WriteError {
                throw Refusal.unreadable(path: absolute, reason: "cannot copy it into the library: \(e)")
            }
        }
        guard let imported = try record(data, at: place, into: store, thumbnails: thumbnails, owned: copyInto != nil,
                                        origin: absolute) else {
            throw Refusal.noParameters(path: absolute)
        }
        return imported
    }

    /// The copy's name: the original's, with only letters, digits, `.`, `-` and `_` kept, and
    /// `-2`, `-3`, … before the extension for later variants.
    static func copyName(_ path: String, variant: Int = 1) -> String {
        let url = URL(fileURLWithPath: path)
        let safe = { (text: String) in String(text.unicodeScalars.filter { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "-_".unicodeScalars.contains($0)) }.prefix(80).map(Character.init)) }
        let stem = safe(url.deletingPathExtension().lastPathComponent)
        let ext = ImageFormat(name: url.pathExtension).map(\.fileExtension) ?? "img"
        return (stem.isEmpty ? "imported" : stem) + (variant > 1 ? "-\(variant)" : "") + "." + ext
    }

    /// Records image bytes found at `path` as a finished job; nil when they carry no texts.
    /// `owned`: Darkroom's file (in its images folder, or a copy it made) rather than the user's.
    package static func record(_ data: Data, at path: String, into store: HistoryStore,
                              thumbnails: StoredThumbnails? = nil, owned: Bool = true, origin: String? = nil) throws -> Imported? {
        let (texts, cut) = ImageText.readNotingCuts(data)
        guard let format = ImageFormat.detect(data), let found = ImageMetadata.request(fromTexts: texts) else {
            return nil
        }
        let (request, dropped) = OutsideRequest.defused(found)
        let size = try? ImageDecoder.dimensions(data)
        let id = try store.importImage(request, result: HistoryResult(
            index: 0, imageUUID: nil, seed: request.seed, path: path, width: size?.width, height: size?.height,
            format: format.rawValue, bytes: data.count, nsfw: nil, cost: nil, responseJSON: "{}", owned: owned), origin: origin)
        var notes = [ImageText.cutNote(cut), OutsideRequest.note(dropped), ImageMetadata.outsideModelNote(request)].compactMap { $0 }
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
    package func runnableRequest() throws -> (request: ImageInferenceRequest, note: String?) {
        let recorded = try request
        guard isImported else { return (recorded, nil) }
        let (safe, dropped) = OutsideRequest.defused(recorded)
        return (safe, OutsideRequest.note(dropped).map { "job \(id): \($0)" })
    }
}
