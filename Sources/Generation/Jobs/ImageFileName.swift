import Foundation
import Imaging

/// The name of a saved image, built only from characters Darkroom allows: the job's start, a
/// short tag from the image's identity (letters, digits and `-` kept, anything else dropped),
/// the index and the extension of the format Darkroom detected. Nothing a server sends chooses
/// a folder; the final path is checked to sit directly in the images folder.
package enum ImageFileName {
    package struct OutsideFolder: Error, CustomStringConvertible, Sendable {
        package var name: String
        package var folder: String
        package var description: String { "refusing to write \(name): it is not inside \(folder)" }
    }

    /// `STAMP-TAG-N.EXT`; `identity` is the server's imageUUID (or the job's taskUUID). `variant`
    /// 2, 3, … gives `STAMP-TAG-N-2.EXT`, …: the names tried when another image has the first.
    package static func make(stamp: String, identity: String, index: Int, format: ImageFormat, variant: Int = 1) -> String {
        "\(stamp)-\(tag(identity))-\(index + 1)" + (variant > 1 ? "-\(variant)" : "") + ".\(format.fileExtension)"
    }

    /// Up to 8 characters of `identity` from `[A-Za-z0-9-]`; `image` when none is left.
    package static func tag(_ identity: String) -> String {
        let allowed = identity.unicodeScalars.filter { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-") }
        let tag = String(String.UnicodeScalarView(allowed.prefix(8)))
        return tag.isEmpty ? "image" : tag
    }

    /// `folder/name`, after checking that it is a plain name directly inside `folder`.
    package static func url(_ name: String, in folder: URL) throws -> URL {
        let url = folder.appendingPathComponent(name)
        guard !name.isEmpty, !name.contains("/"), name != ".", name != "..",
              url.standardizedFileURL.deletingLastPathComponent().path == folder.standardizedFileURL.path
        else { throw OutsideFolder(name: name, folder: folder.path) }
        return url
    }
}
