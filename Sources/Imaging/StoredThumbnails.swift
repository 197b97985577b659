import Foundation

/// The small picture (about 256 px, WEBP) made once when an image is stored, so a contact sheet
/// or the History grid never decodes a full-size file to draw it (design section 4). Thumbnails
/// live in the cache folder under the image's identity (path, size, modification time, inode),
/// so a changed or replaced image is never shown with an old thumbnail. Safe to delete: a missing
/// thumbnail is made from the full file the first time it is needed, and kept from then on.
package struct StoredThumbnails: Sendable {
    /// The longest side of a stored thumbnail.
    package static let side = 256

    package let folder: URL

    package init(folder: URL) { self.folder = folder }

    /// Where the thumbnail of the image now at `path` is (or goes); nil when there is no such file.
    package func location(ofImageAt path: String) -> URL? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        let mtime = Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
        let name = Self.hex(Self.digest("\(path)\0\(st.st_size)\0\(mtime)\0\(st.st_ino)"))
        return folder.appendingPathComponent(String(name.prefix(2))).appendingPathComponent(name + ".webp")
    }

    /// Makes the thumbnail of `data`, the bytes of the image now stored at `path`, and writes it.
    package func make(from data: Data, forImageAt path: String, maxPixels: Int = ImageDecoder.defaultMaxPixels) throws {
        try write(try ImageDecoder.thumbnail(data, fitting: Self.side, Self.side, maxPixels: maxPixels), forImageAt: path)
    }

    /// Writes `image` (any decoded size of the image at `path`; reduced to `side` first) as its thumbnail.
    package func write(_ image: RGBAImage, forImageAt path: String) throws {
        guard let target = location(ofImageAt: path) else {
            throw ImageFile.LoadError(path: path, reason: "no such file, so no thumbnail was made")
        }
        let fitted = ImageDecoder.fit(width: image.width, height: image.height, into: Self.side, Self.side)
        let small = fitted.width < image.width ? image.downscaled(toWidth: fitted.width, height: fitted.height) : image
        do {
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try ImageEncoder.encode(small, as: .webp, quality: 85).write(to: target, options: .atomic)
        } catch {
            throw ImageFile.LoadError(path: target.path, reason: "cannot write the thumbnail of \(path): \(error.localizedDescription)")
        }
    }

    /// The image at `path` decoded to cover `width` x `height` (up to twice that when `exact` is
    /// false): from its stored thumbnail when that is large enough, else from the full file,
    /// storing the thumbnail on the way (for images stored before thumbnails were made, or after
    /// the cache was cleared). `read` is how files are read (tests watch it).
    package func picture(ofImageAt path: String, covering width: Int, _ height: Int, exact: Bool = true,
                        maxBytes: Int = ImageFile.defaultMaxBytes, maxPixels: Int = ImageDecoder.defaultMaxPixels,
                        read: (String, Int) throws -> Data = { try ImageFile.read($0, maxBytes: $1) }) throws -> RGBAImage {
        let location = location(ofImageAt: path)
        var usable = false
        if let location, FileManager.default.fileExists(atPath: location.path) {
            // A damaged thumbnail (the `try?`s) is a cache miss: the full file is read and it is made again.
            if let data = try? read(location.path, maxBytes), let small = try? ImageDecoder.decode(data) {
                usable = true
                if Self.covers(small, width, height) {
                    let fitted = ImageDecoder.fit(width: small.width, height: small.height, into: width, height)
                    if !exact && small.width <= fitted.width * 2 && small.height <= fitted.height * 2 { return small }
                    return small.downscaled(toWidth: fitted.width, height: fitted.height)
                }
            }
        }
        let data = try read(path, maxBytes)
        let image: RGBAImage
        do {
            image = try ImageDecoder.thumbnail(data, fitting: max(width, Self.side), max(height, Self.side), maxPixels: maxPixels,
                                               exact: false)
        } catch {
            throw ImageFile.LoadError(path: path, reason: "\(error)")
        }
        if location != nil && !usable {
            // Best effort, like every cache: the picture is shown either way, and a thumbnail that
            // could not be written (a full or read-only cache folder) is simply tried again next time.
            do { try write(image, forImageAt: path) } catch {}
        }
        let fitted = ImageDecoder.fit(width: image.width, height: image.height, into: width, height)
        if !exact && image.width <= fitted.width * 2 && image.height <= fitted.height * 2 { return image }
        return image.downscaled(toWidth: fitted.width, height: fitted.height)
    }

    /// Whether a thumbnail is enough for a `width` x `height` box: it already reaches the box in
    /// one side (the image's aspect is the same), or it is smaller than `side`, so it is the whole image.
    static func covers(_ small: RGBAImage, _ width: Int, _ height: Int) -> Bool {
        small.width >= width || small.height >= height || (small.width < side && small.height < side)
    }

    static func digest(_ text: String) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return h
    }

    static func hex(_ v: UInt64) -> String {
        let s = String(v, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}
