import Foundation
import Imaging
import Preview
import RunwareSandbox
import TerminalUI

/// Terminal thumbnails: in-process figures, then whole processes next to timg and chafa.
enum PreviewBench {
    static func makeImages(count: Int) throws -> [String] {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("darkroom-bench-images")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return try (0..<count).map { i in
            let path = dir.appendingPathComponent(String(format: "img%02d.jpg", i)).path
            if !FileManager.default.fileExists(atPath: path) {
                let picture = PictureMaker.make(PictureRecipe(width: 1024, height: 1024, seed: UInt64(i), prompt: "bench \(i % 7)"))
                try ImageEncoder.encode(picture, as: .jpeg, quality: 90).write(to: URL(fileURLWithPath: path))
            }
            return path
        }
    }

    static func run() throws {
        let files = try makeImages(count: 48)
        let options = PreviewOptions(colors: .truecolor, symbols: .block)
        print("Preview, in-process (1024x1024 JPEG, truecolor, block symbols), median of 20")
        let thumbnailer = Thumbnailer()
        var single: [Double] = []
        for _ in 0..<20 {
            let t = ContinuousClock.now
            _ = try Thumbnailer().cells(forFile: files[0], columns: 48, rows: 24, options: options)
            single.append(Measure.milliseconds(ContinuousClock.now - t))
        }
        print("  one image to 48x24 cells        \(Measure.format(Measure.median(single))) ms   (target 5)")
        let data = try Data(contentsOf: URL(fileURLWithPath: files[0]))
        for box in [256, 192, 128, 96] {
            var t1: [Double] = []
            for _ in 0..<20 {
                let t = ContinuousClock.now
                _ = try ImageDecoder.thumbnail(data, fitting: box, box)
                t1.append(Measure.milliseconds(ContinuousClock.now - t))
            }
            print("  decode to fit \(box)x\(box)           \(Measure.format(Measure.median(t1))) ms")
        }
        let small = try ImageDecoder.thumbnail(data, fitting: 192, 192)
        var t2: [Double] = []
        for _ in 0..<20 {
            let t = ContinuousClock.now
            _ = thumbnailer.renderer.render(small, columns: 24, rows: 12, options: options)
            t2.append(Measure.milliseconds(ContinuousClock.now - t))
        }
        print("  chafa 192px to 24x12            \(Measure.format(Measure.median(t2))) ms")
        var cold: [Double] = []
        for _ in 0..<5 {
            let fresh = Thumbnailer(renderer: SymbolRenderer(threadsPerImage: 1))
            let t = ContinuousClock.now
            try sheet(files, fresh, options)
            cold.append(Measure.milliseconds(ContinuousClock.now - t))
        }
        print("  48 images to 24x12 sheet, cold  \(Measure.format(Measure.median(cold))) ms   (target 60)")
        let warmThumbnailer = Thumbnailer(renderer: SymbolRenderer(threadsPerImage: 1))
        try sheet(files, warmThumbnailer, options)
        var warm: [Double] = []
        for _ in 0..<20 {
            let t = ContinuousClock.now
            try sheet(files, warmThumbnailer, options)
            warm.append(Measure.milliseconds(ContinuousClock.now - t))
        }
        print("  48 images to 24x12 sheet, warm  \(Measure.format(Measure.median(warm))) ms   (target 5)")
        print("")
    }

    /// The 48 thumbnails on all cores, as `darkroom show` does.
    static func sheet(_ files: [String], _ thumbnailer: Thumbnailer, _ options: PreviewOptions) throws {
        let next = Counter()
        let threads = ProcessInfo.processInfo.activeProcessorCount
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            while let i = next.take(below: files.count) {
                _ = try? thumbnailer.cells(forFile: files[i], columns: 24, rows: 12, options: options)
            }
        }
    }
}

final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()
    func take(below limit: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard value < limit else { return nil }
        value += 1
        return value - 1
    }
}
