import Foundation
import Imaging
import RunwareAPI

/// Turns a result item into image bytes, whatever the outputType, and finds their format (which
/// may not be the one asked for: a paid image is kept in whatever format it came).
package struct ResultFetcher: Sendable {
    package let client: RunwareClient

    package init(client: RunwareClient) { self.client = client }

    package enum FetchError: Error, CustomStringConvertible, Sendable {
        case noImage(imageUUID: String?)
        case badBase64(imageUUID: String?)
        case tooLarge(imageUUID: String?, width: Int, height: Int, limit: Int)
        case unreadable(imageUUID: String?, reason: String)

        package var description: String {
            switch self {
            case .noImage(let id): return "result \(id ?? "?") carries no image (no imageURL, imageBase64Data or imageDataURI)"
            case .badBase64(let id): return "result \(id ?? "?") has image data that is not valid base64"
            case .tooLarge(let id, let w, let h, let limit):
                return "result \(id ?? "?") is \(w)x\(h); a result of this request may be at most \(limit)x\(limit), so it was not saved"
            case .unreadable(let id, let reason): return "result \(id ?? "?") cannot be read: \(reason)"
            }
        }
    }

    package func bytes(of result: ImageResult) async throws -> (Data, ImageFormat) {
        let data: Data
        if let b64 = result.imageBase64Data {
            guard let d = Data(base64Encoded: b64, options: .ignoreUnknownCharacters) else {
                throw FetchError.badBase64(imageUUID: result.imageUUID)
            }
            data = d
        } else if let uri = result.imageDataURI {
            guard let comma = uri.firstIndex(of: ","),
                  let d = Data(base64Encoded: String(uri[uri.index(after: comma)...]), options: .ignoreUnknownCharacters)
            else { throw FetchError.badBase64(imageUUID: result.imageUUID) }
            data = d
        } else if let url = result.imageURL {
            data = try await client.download(url)
        } else {
            throw FetchError.noImage(imageUUID: result.imageUUID)
        }
        guard let got = ImageFormat.detect(data) else {
            throw FetchError.unreadable(imageUUID: result.imageUUID, reason: data.isEmpty ? "it is empty" : "it is not a JPEG, PNG or WEBP image")
        }
        return (data, got)
    }

    /// What to say when the server sent another format than the request asked for; nil when it did not.
    package static func formatNote(_ got: ImageFormat, asked: OutputFormat, index: Int) -> String? {
        let want = ImageFormat(name: asked.canonical.rawValue) ?? .jpeg
        guard got != want else { return nil }
        return "image \(index + 1): asked for \(want.rawValue) but the server sent \(got.rawValue); kept as .\(got.fileExtension)"
    }

    /// The longest side a result may have: the documented 2048, or four times that when hiresFix
    /// upscales (its models are 4x).
    package static func sideLimit(for request: ImageInferenceRequest) -> Int {
        request.hiresFix == nil ? 2048 : 4 * 2048
    }

    /// The image's size from its header, refused when it is over the limit (before anything is
    /// decoded or written).
    package static func checkDimensions(_ data: Data, request: ImageInferenceRequest, imageUUID: String?) throws
        -> (width: Int, height: Int)
    {
        let size: (width: Int, height: Int)
        do { size = try ImageDecoder.dimensions(data) } catch {
            throw FetchError.unreadable(imageUUID: imageUUID, reason: "\(error)")
        }
        let limit = sideLimit(for: request)
        guard size.width <= limit, size.height <= limit, size.width > 0, size.height > 0 else {
            throw FetchError.tooLarge(imageUUID: imageUUID, width: size.width, height: size.height, limit: limit)
        }
        return size
    }
}
