import Foundation
import Generation
import Imaging
import Preview
import RunwareAPI
@testable import Studio
import TerminalUI
import Testing
import TestSupport

/// A sweep saved as PNGs keeps the results' own resolution (up to the caps), not 256 px cells.
@Suite struct SweepSheetTests {
    /// History's port with no History kept, saving sweeps into `folder`/sweeps.
    static func port(_ folder: TempFolder) -> LiveHistoryPort {
        LiveHistoryPort(history: nil, sweepFolder: folder.url.appendingPathComponent("sweeps"))
    }

    @Test func theSheetIsAtTheResultsResolution() throws {
        let folder = TempFolder()
        defer { folder.remove() }
        var paths: [String] = []
        for i in 0..<2 {
            let path = folder.path + "/cell-\(i).png"
            try ImageEncoder.encode(RGBAImage(width: 640, height: 640, fill: (UInt8(100 * i), 80, 60, 255)), as: .png)
                .write(to: URL(fileURLWithPath: path))
            paths.append(path)
        }
        let port = Self.port(folder)
        let sweep = SweepGrid(baseJobID: 7, axes: [SweepAxis(name: "steps", values: ["20", "28"])],
                              cells: paths.map { SweepCell(label: "", path: $0) })
        let saved = try port.saveSweep(sweep)
        #expect(saved.count == 1)
        let size = try ImageFile.dimensions(saved[0])
        #expect(size.width >= 2 * 640 && size.height >= 640, "\(size)")
    }

    /// A third axis is pages: a PNG per page, each with its own cells (told apart by colour here).
    @Test func aThirdAxisIsSavedAsAPNGPerPage() throws {
        let folder = TempFolder()
        defer { folder.remove() }
        var cells: [SweepCell] = []
        for i in 0..<8 {
            let path = folder.path + "/cell-\(i).png"
            let shade = UInt8(i < 4 ? 20 : 230)
            try ImageEncoder.encode(RGBAImage(width: 96, height: 96, fill: (shade, shade, shade, 255)), as: .png)
                .write(to: URL(fileURLWithPath: path))
            cells.append(SweepCell(label: "", path: path))
        }
        let port = Self.port(folder)
        let axes = [SweepAxis(name: "steps", values: ["20", "28"]), SweepAxis(name: "CFGScale", values: ["2", "4"]),
                    SweepAxis(name: "seed", values: ["1", "2"])]
        let saved = try port.saveSweep(SweepGrid(baseJobID: 7, axes: axes, cells: cells))
        #expect(saved.count == 2 && saved[0].hasSuffix("-page1.png") && saved[1].hasSuffix("-page2.png"), "\(saved)")
        func meanShade(_ path: String) throws -> Double {
            let image = try ImageFile.thumbnail(path, fitting: 64, 64)
            var total = 0.0
            for i in stride(from: 0, to: image.pixels.count, by: 4) { total += Double(image.pixels[i]) }
            return total / Double(image.pixels.count / 4)
        }
        #expect(try meanShade(saved[0]) < meanShade(saved[1]), "page 1 holds the dark cells, page 2 the light ones")
    }
}
