import Foundation
import Imaging
import RunwareAPI

extension SandboxEngine {
    /// Uploaded images live 30 days, like the API's.
    static let uploadTTL = 30 * 86_400

    func imageUpload(_ task: [String: JSONValue]) async -> TaskOutcome {
        let uuid = task["taskUUID"]?.stringValue
        let type = ImageUploadRequest.taskType
        guard let image = task["image"]?.stringValue, !image.isEmpty else {
            return .failure(400, APIErrorObject(code: "missingImage", message: "The image parameter is required.",
                                                parameters: ["image"], taskType: type, taskUUID: uuid))
        }
        do {
            var (bytes, format) = try await loadImage(image, parameter: "image")
            // Stored at most 2048 px on the long side.
            let (w, h) = try ImageDecoder.dimensions(bytes)
            if max(w, h) > 2048 {
                let scale = 2048.0 / Double(max(w, h))
                let smaller = try ImageDecoder.decode(bytes).resized(width: max(1, Int(Double(w) * scale)),
                                                                     height: max(1, Int(Double(h) * scale)))
                bytes = try ImageEncoder.encode(smaller, as: .png)
                format = .png
            }
            let imageUUID = TaskID.make()
            store(imageUUID, bytes, format, ttl: Self.uploadTTL)
            let url = baseURL.withLock { $0 } + "/image/\(imageUUID).\(format.fileExtension)"
            let item = UploadResult(taskUUID: uuid ?? "", imageUUID: imageUUID, imageURL: url)
            return TaskOutcome(data: [JSONValue.from(item)])
        } catch var e as APIErrorObject {
            e.taskType = type
            e.taskUUID = uuid
            return .failure(400, e)
        } catch {
            return .failure(400, APIErrorObject(code: "invalidImage", message: "\(error)", parameters: ["image"],
                                                taskType: type, taskUUID: uuid))
        }
    }

    /// Keeps an image for `ttl` seconds at most: the image budget may evict it sooner.
    func store(_ imageUUID: String, _ bytes: Data, _ format: ImageFormat, ttl: Int) {
        let now = settings.now()
        let expires = now.addingTimeInterval(TimeInterval(ttl))
        state.withLock {
            $0.images.insert(StoredImage(bytes: bytes, format: format), for: imageUUID, expires: expires, now: now)
        }
    }

    /// A stored result or upload, unless its ttl ran out or the image budget evicted it.
    func storedImage(_ imageUUID: String) -> StoredImage? {
        let now = settings.now()
        return state.withLock { $0.images.value(for: imageUUID, now: now) }
    }

    /// GET /image/NAME: a stored result or upload, under the name its URL gave it (its UUID and
    /// its format's extension).
    package func servedImage(named name: String) -> (Data, String)? {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let image = storedImage(String(parts[0])), parts[1] == image.format.fileExtension else { return nil }
        return (image.bytes, image.format.mimeType)
    }

    /// How image URLs in tasks are fetched: see `Settings.fetchesPrivateImageURLs`.
    var imageURLFetcher: ImageURLFetcher {
        var fetcher = ImageURLFetcher(maxBytes: settings.limits.imageURLBytes, allowsAddress: ImageURLFetcher.publicAddresses)
        if settings.fetchesPrivateImageURLs { fetcher.allowsAddress = { _ in true } }
        return fetcher
    }

    /// Accepts an imageUUID, a URL (ours, or fetched), a data URI or raw base64.
    func loadImage(_ reference: String, parameter: String) async throws -> (Data, ImageFormat) {
        let bytes: Data
        let field = "invalid" + parameter.split(separator: ".").last.map { $0.prefix(1).uppercased() + $0.dropFirst() }!
        if TaskID.isV4(reference) || UUID(uuidString: reference) != nil {
            guard let stored = storedImage(reference.lowercased()) else {
                throw APIErrorObject(code: field, message: "No image with UUID \(reference) exists (or it expired).",
                                     parameters: [parameter])
            }
            return (stored.bytes, stored.format)
        } else if reference.hasPrefix("data:") {
            guard let comma = reference.firstIndex(of: ","), let d = Data(base64Encoded: String(reference[reference.index(after: comma)...])) else {
                throw APIErrorObject(code: field, message: "The data URI is not base64 image data.", parameters: [parameter])
            }
            bytes = d
        } else if reference.contains("://") {
            let ours = baseURL.withLock { $0 } + "/image/"
            if reference.hasPrefix(ours) {
                guard let (d, _) = servedImage(named: String(reference.dropFirst(ours.count))) else {
                    throw APIErrorObject(code: field, message: "The sandbox has no image at \(reference.prefix(200)) (or it expired).",
                                         parameters: [parameter])
                }
                bytes = d
            } else {
                do { bytes = try await imageURLFetcher.fetch(reference) } catch {
                    throw APIErrorObject(code: field, message: "\(parameter): \(error)", parameters: [parameter])
                }
            }
        } else if let d = Data(base64Encoded: reference, options: .ignoreUnknownCharacters), !d.isEmpty {
            bytes = d
        } else {
            throw APIErrorObject(code: field, message: "Expected an image UUID, URL, data URI or base64 data.", parameters: [parameter])
        }
        guard let format = ImageFormat.detect(bytes) else {
            throw APIErrorObject(code: field, message: "The data is not a JPEG, PNG or WEBP image.", parameters: [parameter])
        }
        return (bytes, format)
    }

    func decodeImage(_ reference: String, parameter: String) async throws -> RGBAImage {
        let (bytes, _) = try await loadImage(reference, parameter: parameter)
        do { return try ImageDecoder.decode(bytes) } catch {
            throw APIErrorObject(code: "invalidImage", message: "\(error)", parameters: [parameter])
        }
    }

    /// Resolves every image the request names; the seed image and mask are decoded for compositing.
    func resolveInputs(_ r: ImageInferenceRequest) async throws -> InputCompositor.Inputs {
        var inputs = InputCompositor.Inputs(seed: nil, mask: nil, strength: r.strength ?? 0.8, outpaint: nil)
        if let s = r.inputs?.seedImage { inputs.seed = try await decodeImage(s, parameter: "inputs.seedImage") }
        if let m = r.inputs?.maskImage { inputs.mask = try await decodeImage(m, parameter: "inputs.maskImage") }
        if let o = r.outpaint { inputs.outpaint = (o.top ?? 0, o.right ?? 0, o.bottom ?? 0, o.left ?? 0) }
        var others: [(String, String)] = []
        for (i, c) in (r.controlNet ?? []).enumerated() { others.append((c.guideImage, "controlNet[\(i)].guideImage")) }
        for (i, a) in (r.ipAdapters ?? []).enumerated() {
            for (j, g) in a.guideImages.enumerated() { others.append((g, "ipAdapters[\(i)].guideImages[\(j)]")) }
        }
        for (i, g) in (r.acePlusPlus?.images ?? []).enumerated() { others.append((g, "acePlusPlus.images[\(i)]")) }
        for (i, g) in (r.acePlusPlus?.masks ?? []).enumerated() { others.append((g, "acePlusPlus.masks[\(i)]")) }
        for (i, g) in (r.pulid?.images ?? []).enumerated() { others.append((g, "pulid.images[\(i)]")) }
        for (reference, parameter) in others { _ = try await loadImage(reference, parameter: parameter) }
        return inputs
    }
}

extension APIErrorObject: Error {}
