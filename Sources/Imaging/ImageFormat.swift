import Foundation

package enum ImageFormat: String, Sendable, CaseIterable {
    case jpeg = "JPG"
    case png = "PNG"
    case webp = "WEBP"

    /// Recognises the format from the first bytes, whatever the file is called.
    package static func detect(_ data: Data) -> ImageFormat? {
        let b = [UInt8](data.prefix(12))
        if b.count >= 3, b[0] == 0xFF, b[1] == 0xD8, b[2] == 0xFF { return .jpeg }
        if b.count >= 8, b[0..<8].elementsEqual([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if b.count >= 12, b[0..<4].elementsEqual(Array("RIFF".utf8)), b[8..<12].elementsEqual(Array("WEBP".utf8)) {
            return .webp
        }
        return nil
    }

    /// Accepts the API's names and common spellings: JPG, jpeg, png, WebP.
    package init?(name: String) {
        switch name.lowercased() {
        case "jpg", "jpeg": self = .jpeg
        case "png": self = .png
        case "webp": self = .webp
        default: return nil
        }
    }

    package var fileExtension: String {
        switch self {
        case .jpeg: return "jpg"
        case .png: return "png"
        case .webp: return "webp"
        }
    }

    package var mimeType: String {
        switch self {
        case .jpeg: return "image/jpeg"
        case .png: return "image/png"
        case .webp: return "image/webp"
        }
    }
}

package enum ImageCodecError: Error, Sendable, Equatable, CustomStringConvertible {
    case notAnImage
    case corrupt(ImageFormat, String)
    case tooManyPixels(width: Int, height: Int, limit: Int)
    case encodeFailed(ImageFormat, String)

    package var description: String {
        switch self {
        case .notAnImage: return "not a JPEG, PNG or WEBP image"
        case .corrupt(let f, let why): return "damaged \(f.rawValue) image: \(why)"
        case .tooManyPixels(let w, let h, let limit):
            return "\(w)x\(h) is \(w * h) pixels, over the limit of \(limit)"
        case .encodeFailed(let f, let why): return "cannot encode \(f.rawValue): \(why)"
        }
    }
}
