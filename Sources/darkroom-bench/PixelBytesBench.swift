import Foundation
import Imaging
import Preview
import TerminalUI

/// Bytes sent to the terminal for one 1024x1024 sandbox result in a 64x32-cell preview (10x20
/// pixel cells), per protocol, next to chafa's own output for the same file and size. kitty goes
/// once per picture in the studio, then about 60 bytes per placement by id.
enum PixelBytesBench {
    static func run() throws {
        let file = try PreviewBench.makeImages(count: 1)[0]
        let image = try ImageFile.thumbnail(file, fitting: 640, 640)
        let renderer = PixelRenderer(cellWidth: 10, cellHeight: 20)
        print("Bytes for one 1024x1024 result at 64x32 cells (10x20 px cells), and the time to make them from the decoded image")
        print("  protocol   darkroom      chafa   make ms (median of 10)")
        for format in [PixelFormat.kitty, .sixel, .iterm] {
            var ours = 0
            var times: [Double] = []
            for _ in 0..<10 {
                let start = ContinuousClock.now
                ours = renderer.render(image, format: format, columns: 64, rows: 32, kittyID: format == .kitty ? 1 : nil).bytes.count
                times.append(Measure.milliseconds(ContinuousClock.now - start))
            }
            let chafaFormat = format == .iterm ? "iterm" : format.rawValue
            let theirs = chafaBytes(["--format", chafaFormat, "--size", "64x32", "--font-ratio", "0.5", file])
            print("  \(format.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)) \(String(format: "%9d", ours))  "
                  + "\(theirs.map { String(format: "%9d", $0) } ?? "  (chafa not found)")  \(Measure.format(Measure.median(times)))")
        }
        let again = KittyGraphics.place(id: 1, placement: 1).count
        print("  kitty, placed again by id: \(again) bytes\n")
    }

    /// The size of what `chafa` writes for `arguments`, or nil when it cannot be run.
    static func chafaBytes(_ arguments: [String]) -> Int? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["chafa"] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? data.count : nil
    }
}
