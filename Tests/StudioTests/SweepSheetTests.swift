import Foundation
import Generation
import Imaging
import Preview
import RunwareAPI
@testable import Studio
import Testing
import TestSupport

/// A sweep saved as one PNG keeps the results' own resolution (up to the caps), not 256 px cells.
@Suite struct SweepSheetTests {
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
        let client = RunwareClient(endpoint: "http://127.0.0.1:9/v1", apiKey: "unused", transport: CurlTransport())
        let services = LiveServices(runner: JobRunner(client: client), history: nil, folder: folder.url, thumbnailer: Thumbnailer(),
                                    previewOptions: PreviewOptions(colors: .colors256), sweepFolder: folder.url.appendingPathComponent("sweeps"))
        let sweep = SweepGrid(baseJobID: 7, axes: [SweepAxis(name: "steps", values: ["20", "28"])],
                              cells: paths.map { SweepCell(label: "", path: $0) })
        let saved = try services.saveSweep(sweep)
        let size = try ImageFile.dimensions(saved)
        #expect(size.width >= 2 * 640 && size.height >= 640, "\(size)")
    }
}
