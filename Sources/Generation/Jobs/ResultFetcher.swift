import Foundation
import Imaging
import RunwareAPI

/// Turns a result item into image bytes, whatever the outputType, and checks they are the
/// format that was asked for.
public struct ResultFetcher: Sendable {
    public let client: RunwareClient

    public init(client: RunwareClient) { self.client = client }

    public enum FetchError: Error, CustomStringConvertible, Sendable {
        case noImage(imageUUID: String?)
        case badBase64(imageUUID: String?)
        case wrongFormat(expected: String, got: String)

        public var description: String {
            switch self {
            case .noImage(let id): return "result \(id ?? "?") carries no image (no imageURL, imageBase64Data or imageDataURI)"
            case .badBase64(let id): return "result \(id ?? "?") has image data that is not valid base64"
            case .wrongFormat(let expected, let got): return "asked for \(expected) but the image is \(got)"
            }
        }
    }

    public func bytes(of result: ImageResult, expected: OutputFormat) async throws -> (Data, ImageFormat) {
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
        let want = ImageFormat(name: expected.canonical.rawValue) ?? .jpeg
        guard let got = ImageFormat.detect(data) else {
            throw FetchError.wrongFormat(expected: want.rawValue, got: data.isEmpty ? "empty" : "not an image")
        }
        guard got == want else { throw FetchError.wrongFormat(expected: want.rawValue, got: got.rawValue) }
        return (data, got)
    }
}
