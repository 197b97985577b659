import Foundation
import Imaging
import Synchronization
import TerminalUI

/// File to cells: guarded read, scale-on-load decode, chafa symbols, and a cache in front of it
/// all. A file whose size and modification time are unchanged is not even read again.
public final class Thumbnailer: Sendable {
    public let renderer: SymbolRenderer
    public let cache: ThumbnailCache
    public let maxBytes: Int
    public let maxPixels: Int

    private struct Identity: Hashable { var size: Int64; var mtime: Int; var inode: UInt64 }
    private let digests = Mutex<[String: (Identity, UInt64)]>([:])

    public init(renderer: SymbolRenderer = SymbolRenderer(), cache: ThumbnailCache = ThumbnailCache(folder: nil),
                maxBytes: Int = ImageFile.defaultMaxBytes, maxPixels: Int = ImageDecoder.defaultMaxPixels) {
        self.renderer = renderer
        self.cache = cache
        self.maxBytes = maxBytes
        self.maxPixels = maxPixels
    }

    /// The image as cells, as large as fits `columns` x `rows` with its aspect kept.
    public func cells(forFile path: String, columns: Int, rows: Int, options: PreviewOptions) throws -> CellGrid {
        let identity = Self.identity(path)
        let identityKey = identity.map { ContentDigest.of(Data("\(path)\0\($0.size)\0\($0.mtime)\0\($0.inode)".utf8)) }
        if let identity, let identityKey {
            let known = digests.withLock { $0[path] }.flatMap { $0.0 == identity ? $0.1 : nil } ?? cache.digest(forIdentity: identityKey)
            if let known, let hit = cache.grid(for: .init(content: known, columns: columns, rows: rows, options: options)) {
                return hit
            }
        }
        let data = try ImageFile.read(path, maxBytes: maxBytes)
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

    public func cells(for image: RGBAImage, columns: Int, rows: Int, options: PreviewOptions) -> CellGrid {
        let box = CellGeometry.fit(imageWidth: image.width, imageHeight: image.height, columns: columns, rows: rows)
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
