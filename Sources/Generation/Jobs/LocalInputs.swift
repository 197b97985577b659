import Foundation
import Imaging
import RunwareAPI

/// Image fields that name local files. Those are read, checked to be images, and uploaded with
/// `imageUpload` before the task is sent; the field then holds the returned imageUUID.
package enum LocalInputs {
    package struct InputError: Error, CustomStringConvertible, Sendable {
        package var field: String
        package var path: String
        package var reason: String
        package var description: String { "\(field): \(path): \(reason)" }
    }

    /// Inputs over this size are refused before reading (the API stores at most 2048 px anyway).
    package static let maxFileBytes = 50 << 20

    /// Whether a reference is a local path rather than a UUID, URL, data URI or base64.
    package static func isLocalPath(_ s: String) -> Bool {
        if s.hasPrefix("/") || s.hasPrefix("./") || s.hasPrefix("../") || s.hasPrefix("~/") { return true }
        if s.hasPrefix("data:") || s.contains("://") || UUID(uuidString: s) != nil { return false }
        let lower = s.lowercased()
        return [".png", ".jpg", ".jpeg", ".webp", ".bmp", ".gif"].contains { lower.hasSuffix($0) } || FileManager.default.fileExists(atPath: s)
    }

    /// Every image field of the request as (path for messages, current value, setter).
    static func fields(_ r: ImageInferenceRequest) -> [(String, String)] {
        var out: [(String, String)] = []
        if let s = r.inputs?.seedImage { out.append(("inputs.seedImage", s)) }
        if let m = r.inputs?.maskImage { out.append(("inputs.maskImage", m)) }
        for (i, c) in (r.controlNet ?? []).enumerated() { out.append(("controlNet[\(i)].guideImage", c.guideImage)) }
        for (i, a) in (r.ipAdapters ?? []).enumerated() {
            for (j, g) in a.guideImages.enumerated() { out.append(("ipAdapters[\(i)].guideImages[\(j)]", g)) }
        }
        for (i, g) in (r.acePlusPlus?.images ?? []).enumerated() { out.append(("acePlusPlus.images[\(i)]", g)) }
        for (i, g) in (r.acePlusPlus?.masks ?? []).enumerated() { out.append(("acePlusPlus.masks[\(i)]", g)) }
        for (i, g) in (r.pulid?.images ?? []).enumerated() { out.append(("pulid.images[\(i)]", g)) }
        return out
    }

    /// The index in a path piece such as `controlNet[2]`.
    static func index(_ piece: Substring) -> Int { Int(piece.split(separator: "[").last!.dropLast()) ?? 0 }

    static func set(_ r: inout ImageInferenceRequest, _ field: String, _ value: String) {
        let parts = field.split(separator: ".")
        switch parts[0] {
        case "inputs": if parts[1] == "seedImage" { r.inputs?.seedImage = value } else { r.inputs?.maskImage = value }
        case let p where p.hasPrefix("controlNet"): r.controlNet?[index(p)].guideImage = value
        case let p where p.hasPrefix("ipAdapters"): r.ipAdapters?[index(p)].guideImages[index(parts[1])] = value
        case "acePlusPlus":
            if parts[1].hasPrefix("images") { r.acePlusPlus?.images[index(parts[1])] = value } else { r.acePlusPlus?.masks?[index(parts[1])] = value }
        default: r.pulid?.images[index(parts[1])] = value
        }
    }

    /// Takes an image field out of the request (with its stack item where it was the item's
    /// only image); containers left empty go too.
    static func remove(_ r: inout ImageInferenceRequest, _ field: String) {
        let parts = field.split(separator: ".")
        switch parts[0] {
        case "inputs":
            if parts[1] == "seedImage" { r.inputs?.seedImage = nil } else { r.inputs?.maskImage = nil }
        case let p where p.hasPrefix("controlNet"): r.controlNet?.remove(at: index(p))
        case let p where p.hasPrefix("ipAdapters"):
            r.ipAdapters?[index(p)].guideImages.remove(at: index(parts[1]))
            if r.ipAdapters?[index(p)].guideImages.isEmpty == true { r.ipAdapters?.remove(at: index(p)) }
        case "acePlusPlus":
            if parts[1].hasPrefix("images") { r.acePlusPlus?.images.remove(at: index(parts[1])) } else { r.acePlusPlus?.masks?.remove(at: index(parts[1])) }
        default: r.pulid?.images.remove(at: index(parts[1]))
        }
        if r.inputs?.seedImage == nil && r.inputs?.maskImage == nil { r.inputs = nil }
        if r.controlNet?.isEmpty == true { r.controlNet = nil }
        if r.ipAdapters?.isEmpty == true { r.ipAdapters = nil }
    }

    /// Reads and checks every local file the request names, before anything is sent.
    package static func load(_ r: ImageInferenceRequest, home: String) throws -> [(field: String, path: String, data: Data)] {
        var out: [(String, String, Data)] = []
        for (field, value) in fields(r) where isLocalPath(value) {
            let path = value.hasPrefix("~/") ? home + value.dropFirst(1) : value
            out.append((field, value, try read(path, field: field, shown: value)))
        }
        return out
    }

    static func read(_ path: String, field: String, shown: String) throws -> Data {
        let data: Data
        do { data = try ImageFile.read(path, maxBytes: maxFileBytes) } catch let e as ImageFile.LoadError {
            throw InputError(field: field, path: shown, reason: e.reason)
        }
        guard ImageFormat.detect(data) != nil else {
            throw InputError(field: field, path: shown, reason: "is not a JPEG, PNG or WEBP image")
        }
        do { _ = try ImageDecoder.dimensions(data) } catch {
            throw InputError(field: field, path: shown, reason: "\(error)")
        }
        return data
    }
}
