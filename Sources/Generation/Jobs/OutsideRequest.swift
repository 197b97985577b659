import Foundation
import RunwareAPI

/// A request that came from outside (an image's metadata on import, `o` in the studio) is made
/// harmless before it can be run: local file paths in image fields would make Darkroom read and
/// upload the user's files, and a webhook or upload URL would send results to a stranger. Those
/// are dropped, each with a note saying what it was, so the user sees what was left out. Texts
/// and lists past the parameter table's sizes are cut (`SizeCaps`), said in the same note.
package enum OutsideRequest {
    package static func defused(_ request: ImageInferenceRequest) -> (request: ImageInferenceRequest, dropped: [String]) {
        var (r, cuts) = capped(request)
        var dropped: [String] = []
        // Highest indices first, so removing an item does not shift the ones still to visit.
        for (field, value) in LocalInputs.fields(r).reversed() where !isRemoteReference(value) {
            LocalInputs.remove(&r, field)
            dropped.append("\(field) (\(describe(value)))")
        }
        if let url = r.webhookURL {
            r.webhookURL = nil
            dropped.append("webhookURL (\(describe(url)))")
        }
        if let url = r.uploadEndpoint {
            r.uploadEndpoint = nil
            dropped.append("uploadEndpoint (\(describe(url)))")
        }
        return (r, cuts + dropped.reversed())
    }

    /// The request within the table's sizes, and what was cut. Unchanged when nothing is too
    /// long (the request is not re-read through JSON then).
    static func capped(_ request: ImageInferenceRequest) -> (request: ImageInferenceRequest, cuts: [String]) {
        guard let data = try? RunwareJSON.encode(request), let object = (try? JSONValue.parse(data))?.objectValue else {
            return (request, [])
        }
        let (kept, cuts) = SizeCaps.capped(object)
        guard !cuts.isEmpty else { return (request, []) }
        var r = ImageInferenceRequest.decode(kept).request
        r.taskUUID = request.taskUUID
        return (r, cuts)
    }

    /// The note shown and recorded for what was dropped.
    package static func note(_ dropped: [String]) -> String? {
        dropped.isEmpty ? nil : "left out of the imported request (they came from the file, not from you): " + dropped.joined(separator: ", ")
    }

    /// An imageUUID, an http(s) URL or a data URI: something the API fetches, never a local file.
    static func isRemoteReference(_ value: String) -> Bool {
        if UUID(uuidString: value) != nil { return true }
        if value.hasPrefix("data:image/") { return true }
        return isFetchableURL(value)
    }

    static func describe(_ value: String) -> String {
        let short = value.count > 80 ? String(value.prefix(77)) + "..." : value
        return LocalInputs.isLocalPath(value) ? "the local file \(short)" : short
    }
}
