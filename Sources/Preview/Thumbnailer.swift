import Foundation
import Imaging
import Synchronization
import TerminalUI

/// File to cells: guarded read, scale-on-load decode, chafa symbols, and a cache in front of it
/// all. A file whose size and modification time are unchanged is not even read again. With
/// `stored`, pictures come from the small thumbnails made when images are stored (design
/// section 4), so a sheet never decodes a full-size file; one without a thumbnail yet gets it then.
package final class Thumbnailer: Sendable {
    package let renderer: SymbolRenderer
    package let cache: ThumbnailCache
    package let stored: StoredThumbnails?
    package let maxBytes: Int
    package let maxPixels: Int
    /// How a file is read (path, byte limit): `ImageFile.read`, or a test's that watches it.
    let read: @Sendable (String, Int) throws -> Data

    private struct Identity: Hashable { var size: Int64; var mtime: Int; var inode: UInt64 }
    private let digests = Mutex<[String: (Identity, UInt64)]>([:])

    package init(renderer: SymbolRenderer = SymbolRenderer(), cache: ThumbnailCache = ThumbnailCache(folder: nil),
                stored: StoredThumbnails? = nil, maxBytes: Int = ImageFile.defaultMaxBytes,
                maxPixels: Int = ImageDecoder.defaultMaxPixels,
                read: @escaping @Sendable (String, Int) throws -> Data = { try ImageFile.read($0, maxBytes: $1) }) {
        self.renderer = renderer
        self.cache = cache
        self.stored = stored
        self.maxBytes = maxBytes
        self.maxPixels = maxPixels
        self.read = read
    }

    /// The image as cells, as large as fits `columns` x `rows` with its aspect kept (all of them
    /// with `options.stretch`).
    package func cells(forFile path: String, columns: Int, rows: Int, options: PreviewOptions) throws -> CellGrid {
        let identity = Self.identity(path)
        let identityKey = identity.map { ContentDigest.of(Data("\(path)\0\($0.size)\0\($0.mtime)\0\($0.inode)".utf8)) }
        if let identity, let identityKey {
            let known = digests.withLock { $0[path] }.flatMap { $0.0 == identity ? $0.1 : nil } ?? cache.digest(forIdentity: identityKey)
            if let known, let hit = cache.grid(for: .init(content: known, columns: columns, rows: rows, options: options)) {
                return hit
            }
        }
        if let stored, let identity, let identityKey {
            // Cached under the file's identity: the full file's content is never read to key it.
            let key = ThumbnailCache.Key(content: identityKey, columns: columns, rows: rows, options: options)
            digests.withLock { $0[path] = (identity, identityKey) }
            cache.record(digest: identityKey, forIdentity: identityKey)
            if let hit = cache.grid(for: key) { return hit }
            try Task.checkCancellation()
            let px = CellGeometry.pixels(columns: columns, rows: rows)
            let image = try stored.picture(ofImageAt: path, covering: px.width, px.height, exact: false, maxBytes: maxBytes,
                                           maxPixels: maxPixels, read: read)
            try Task.checkCancellation()
            let grid = cells(for: image, columns: columns, rows: rows, options: options)
            cache.store(grid, for: key)
            return grid
        }
        let data = try read(path, maxBytes)
        let key = ThumbnailCache.Key(content: ContentDigest.of(data), columns: columns, rows: rows, options: options)
        if let identity, let identityKey {
            digests.withLock { $0[path] = (identity, key.content) }
            cache.record(digest: key.content, forIdentity: identityKey)
        }
        if let hit = cache.grid(for: key) { return hit }
        try Task.checkCancellation()
        let px = CellGeometry.pixels(columns: columns, rows: rows)
        let image: RGBAImage
        do { image = try ImageDecoder.thumbnail(data, fitting: px.width, px.height, maxPixels: maxPixels, exact: false) } catch {
            throw ImageFile.LoadError(path: path, reason: "\(error)")
        }
        try Task.checkCancellation()
        let grid = cells(for: image, columns: columns, rows: rows, options: options)
        cache.store(grid, for: key)
        return grid
    }

    private static func identity(_ path: String) -> Identity? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return Identity(size: Int64(st.st_size), mtime: st.st_mtim.tv_sec * 1_000_000_000 + st.st_mtim.tv_nsec,
                        inode: UInt64(st.st_ino))
    }

    package func cells(for image: RGBAImage, columns: Int, rows: Int, options: PreviewOptions) -> CellGrid {
        let box = options.stretch ? (columns: columns, rows: rows)
            : CellGeometry.fit(imageWidth: image.width, imageHeight: image.height, columns: columns, rows: rows,
                               cellAspect: options.cellAspect)
        let px = CellGeometry.pixels(columns: box.columns, rows: box.rows)
        // chafa filters while it scales; only images over twice the useful size are reduced first.
        var input = image
        if image.width > px.width * 2 || image.height > px.height * 2 {
            let fitted = ImageDecoder.fit(width: image.width, height: image.height, into: px.width, px.height)
            input = image.downscaled(toWidth: fitted.width, height: fitted.height)
        }
        return renderer.render(input, columns: box.columns, rows: box.rows, options: options)
    }
}
