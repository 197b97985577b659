import Foundation
import Imaging
import Preview
import Synchronization
import TerminalUI
import Testing
import TestSupport

/// Which files a thumbnailer read, in order.
final class ReadLog: Sendable {
    private let paths = Mutex<[String]>([])
    func read(_ path: String, _ limit: Int) throws -> Data {
        paths.withLock { $0.append(path) }
        return try ImageFile.read(path, maxBytes: limit)
    }
    var all: [String] { paths.withLock { $0 } }
    func clear() { paths.withLock { $0 = [] } }
}

/// Design section 4: a contact sheet of stored images decodes their small thumbnails, never the
/// full-size files; an image stored before thumbnails existed gets one the first time it is shown.
@Suite struct StoredThumbnailSheetTests {
    static let slot = (columns: 20, rows: 10)

    func fullSizeImages(in folder: TempFolder, count: Int) throws -> [String] {
        try (0..<count).map { i in
            let path = folder.path + "/images/\(i).jpg"
            try FileManager.default.createDirectory(atPath: folder.path + "/images", withIntermediateDirectories: true)
            try ImageEncoder.encode(RGBAImage(width: 2048, height: 1024, fill: (UInt8(40 * i), 90, 160, 255)), as: .jpeg)
                .write(to: URL(fileURLWithPath: path))
            return path
        }
    }

    func sheet(_ files: [String], thumbnailer: Thumbnailer) throws -> [CellGrid] {
        try files.map { try thumbnailer.cells(forFile: $0, columns: Self.slot.columns, rows: Self.slot.rows, options: PreviewOptions()) }
    }

    @Test func aSheetOfStoredImagesReadsOnlyTheSmallFiles() throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let stored = StoredThumbnails(folder: folder.url.appendingPathComponent("cache/thumbnails"))
        let files = try fullSizeImages(in: folder, count: 3)
        // As the job runner does when it stores each image.
        for file in files { try stored.make(from: try ImageFile.read(file), forImageAt: file) }
        let log = ReadLog()
        let thumbnailer = Thumbnailer(stored: stored, read: log.read)
        let grids = try sheet(files, thumbnailer: thumbnailer)
        #expect(grids.allSatisfy { $0.width == Self.slot.columns })
        #expect(log.all.count == files.count)
        #expect(log.all == files.map { stored.location(ofImageAt: $0)!.path })
        #expect(log.all.allSatisfy { $0.hasPrefix(stored.folder.path) && $0.hasSuffix(".webp") })
        #expect(log.all.allSatisfy { (try? FileManager.default.attributesOfItem(atPath: $0)[.size] as? Int) ?? .max < 20_000 })
    }

    @Test func anImageStoredBeforeThumbnailsGetsOneTheFirstTimeItIsShown() throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let stored = StoredThumbnails(folder: folder.url.appendingPathComponent("cache/thumbnails"))
        let files = try fullSizeImages(in: folder, count: 2)
        let log = ReadLog()
        _ = try sheet(files, thumbnailer: Thumbnailer(stored: stored, read: log.read))
        #expect(log.all == files)
        for file in files {
            let small = try ImageDecoder.decode(try ImageFile.read(try #require(stored.location(ofImageAt: file)).path))
            #expect(small.width == StoredThumbnails.side && small.height == StoredThumbnails.side / 2)
        }
        // A later sheet (no cell cache in memory) reads the small files only.
        log.clear()
        _ = try sheet(files, thumbnailer: Thumbnailer(stored: stored, read: log.read))
        #expect(log.all == files.map { stored.location(ofImageAt: $0)!.path })
    }

    @Test func aReplacedImageIsNeverShownWithTheOldThumbnail() throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let stored = StoredThumbnails(folder: folder.url.appendingPathComponent("cache/thumbnails"))
        let file = try fullSizeImages(in: folder, count: 1)[0]
        try stored.make(from: try ImageFile.read(file), forImageAt: file)
        let before = try #require(stored.location(ofImageAt: file))
        try ImageEncoder.encode(RGBAImage(width: 300, height: 600), as: .png).write(to: URL(fileURLWithPath: file))
        #expect(stored.location(ofImageAt: file) != before)
    }

    @Test func aPictureLargerThanTheThumbnailComesFromTheFullFile() throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let stored = StoredThumbnails(folder: folder.url.appendingPathComponent("cache/thumbnails"))
        let file = try fullSizeImages(in: folder, count: 1)[0]
        try stored.make(from: try ImageFile.read(file), forImageAt: file)
        let log = ReadLog()
        let big = try stored.picture(ofImageAt: file, covering: 1000, 500, read: log.read)
        #expect(big.width == 1000 && big.height == 500)
        #expect(log.all.last == file)
        let small = try stored.picture(ofImageAt: file, covering: 128, 128, read: log.read)
        #expect(small.width == 128 && small.height == 64)
    }
}
