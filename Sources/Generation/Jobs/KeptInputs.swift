import Crypto
import Foundation
import History
import Imaging

/// Local input images (seed image, mask, guide and reference images) copied into the data folder
/// when a job is created, named by their content (`inputs/ab/abcdef….png`, SHA-256). The job's
/// recorded request names the copy, so `history rerun` works whatever happens to the original
/// (moved, edited, or the image of a job since deleted), and an export can carry it. Copies are
/// shared by every job that used the same bytes and never rewritten.
package struct KeptInputs: Sendable {
    package let folder: URL

    package init(folder: URL) { self.folder = folder }

    /// Where these bytes are kept; written (atomically) the first time they are seen.
    package func keep(_ data: Data) throws -> String {
        let digest = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
        let ext = ImageFormat.detect(data)?.fileExtension ?? "img"
        let url = folder.appendingPathComponent(String(digest.prefix(2))).appendingPathComponent("\(digest).\(ext)")
        if !FileManager.default.fileExists(atPath: url.path) { try AtomicFile.write(data, to: url) }
        return url.path
    }

    /// Whether a path is one of these copies (a re-run's inputs are kept already).
    package func holds(_ path: String) -> Bool { path.hasPrefix(folder.path + "/") }
}
