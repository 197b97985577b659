import Foundation
import Imaging
@testable import Preview
import TerminalUI
import Testing
import TestSupport

@Suite struct ThumbnailCacheTests {
    func grid(_ seed: UInt8) -> CellGrid {
        var g = CellGrid(width: 3, height: 2)
        g[0, 0] = Cell("▀", foreground: .rgb(0x102030), background: .indexed(seed))
        g[2, 1] = Cell("é", foreground: .indexed(9))
        return g
    }

    @Test func gridsSurviveTheDiskFormat() {
        let g = grid(7)
        #expect(CellGridCoding.decode(CellGridCoding.encode(g)) == g)
        #expect(CellGridCoding.decode(Data("DRCG1 garbage".utf8)) == nil)
    }

    @Test func theDiskCacheIsReusedByALaterRunAndSafeToDamage() throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let key = ThumbnailCache.Key(content: 42, columns: 3, rows: 2, options: PreviewOptions())
        ThumbnailCache(folder: folder.url).store(grid(1), for: key)
        #expect(ThumbnailCache(folder: folder.url).grid(for: key) == grid(1))
        // A damaged file is a miss, not an error.
        for name in folder.files() { try Data("x".utf8).write(to: folder.url.appendingPathComponent(name)) }
        #expect(ThumbnailCache(folder: folder.url).grid(for: key) == nil)
        // Other options are other entries.
        var other = key
        other.options.colors = .colors256
        #expect(ThumbnailCache(folder: folder.url).grid(for: other) == nil)
    }

    @Test func memoryIsBoundedInBytes() {
        let cache = ThumbnailCache(folder: nil, memoryLimit: 1000)
        for i in 0..<20 {
            cache.store(grid(UInt8(i)), for: .init(content: UInt64(i), columns: 3, rows: 2, options: PreviewOptions()))
        }
        #expect(cache.memoryBytes <= 1000)
        #expect(cache.grid(for: .init(content: 19, columns: 3, rows: 2, options: PreviewOptions())) == grid(19))
        #expect(cache.grid(for: .init(content: 0, columns: 3, rows: 2, options: PreviewOptions())) == nil)
    }

    @Test func aChangedFileIsRenderedAgain() throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let path = folder.path + "/a.png"
        try ImageEncoder.encode(RGBAImage(width: 64, height: 64, fill: (255, 0, 0, 255)), as: .png).write(to: URL(fileURLWithPath: path))
        let thumbnailer = Thumbnailer(cache: ThumbnailCache(folder: folder.url.appendingPathComponent("cache")))
        let red = try thumbnailer.cells(forFile: path, columns: 4, rows: 2, options: PreviewOptions())
        #expect(try thumbnailer.cells(forFile: path, columns: 4, rows: 2, options: PreviewOptions()) == red)
        try ImageEncoder.encode(RGBAImage(width: 64, height: 32, fill: (0, 0, 255, 255)), as: .png).write(to: URL(fileURLWithPath: path))
        let blue = try thumbnailer.cells(forFile: path, columns: 4, rows: 2, options: PreviewOptions())
        #expect(blue != red)
        #expect(blue[0, 0].background == .rgb(0x0000FF) || blue[0, 0].foreground == .rgb(0x0000FF))
        // A second thumbnailer (a later run) finds the disk entry for the new content.
        let later = Thumbnailer(cache: ThumbnailCache(folder: folder.url.appendingPathComponent("cache")))
        #expect(try later.cells(forFile: path, columns: 4, rows: 2, options: PreviewOptions()) == blue)
    }

    @Test func cancelledWorkStopsBeforeRendering() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let path = folder.path + "/a.jpg"
        try ImageEncoder.encode(RGBAImage(width: 64, height: 64), as: .jpeg).write(to: URL(fileURLWithPath: path))
        let thumbnailer = Thumbnailer()
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try thumbnailer.cells(forFile: path, columns: 4, rows: 2, options: PreviewOptions())
        }
        await #expect(throws: CancellationError.self) { try await task.value }
    }
}
