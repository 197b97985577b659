import Foundation
import Imaging

/// An X server of the test's own (Xvfb, on a display number it chooses itself) with the real
/// terminal programs people use on it, and screenshots of it to look at, as a person would.
package final class VirtualDisplay: @unchecked Sendable {
    package let number: Int
    private let server: Process
    private var programs: [Process] = []

    package static let xvfb = "/usr/bin/Xvfb"

    /// Starts Xvfb; it writes the display number it found free once it is ready for clients.
    package init(width: Int = 1280, height: Int = 800) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.xvfb)
        process.arguments = ["-displayfd", "1", "-screen", "0", "\(width)x\(height)x24", "-nolisten", "tcp"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        var text = ""
        while !text.contains("\n") {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        guard let number = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            process.terminate()
            throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "Xvfb gave no display number: \(text)"])
        }
        self.number = number
        server = process
    }

    package var name: String { ":\(number)" }

    /// Starts a program on this display (a terminal); it is ended with the display. Its standard
    /// error goes to `errorLog` when given (to say why a terminal did not start).
    package func launch(_ executable: String, _ arguments: [String], environment: [String: String], errorLog: String? = nil) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment.merging(["DISPLAY": name]) { $1 }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        if let errorLog, FileManager.default.createFile(atPath: errorLog, contents: nil),
           let handle = FileHandle(forWritingAtPath: errorLog) {
            process.standardError = handle
        } else {
            process.standardError = FileHandle.nullDevice
        }
        try process.run()
        programs.append(process)
    }

    /// Whether the last program launched has ended (a terminal that could not start).
    package var lastProgramEnded: Bool { programs.last.map { !$0.isRunning } ?? true }

    /// Waits until a window of `windowClass` is mapped and focused, at most `timeout`; false if none came.
    package func focusWindow(class windowClass: String, timeout: Duration = .seconds(30)) async throws -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let r = try await Binary.run("/usr/bin/xdotool", ["search", "--onlyvisible", "--class", windowClass],
                                         environment: ["DISPLAY": name, "PATH": "/usr/bin:/bin"])
            if let window = r.stdout.split(separator: "\n").first, r.status == 0 {
                try await xdotool(["windowfocus", "--sync", String(window)])
                return true
            }
            if lastProgramEnded { return false }
            try await Task.sleep(for: .milliseconds(100))
        }
        return false
    }

    /// The whole screen as it is now (ImageMagick's `import`).
    package func screenshot() async throws -> RGBAImage {
        let folder = FileManager.default.temporaryDirectory
        let file = folder.appendingPathComponent("darkroom-shot-\(UUID().uuidString).png")
        defer { try? FileManager.default.removeItem(at: file) }
        let r = try await Binary.run("/usr/bin/import", ["-display", name, "-window", "root", file.path],
                                     environment: ["PATH": "/usr/bin:/bin"])
        guard r.status == 0 else {
            throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "import failed: \(r.stderr)"])
        }
        return try ImageDecoder.decode(try Data(contentsOf: file))
    }

    /// Runs `xdotool` on this display (keys to the focused window).
    package func xdotool(_ arguments: [String]) async throws {
        _ = try await Binary.run("/usr/bin/xdotool", arguments, environment: ["DISPLAY": name, "PATH": "/usr/bin:/bin"])
    }

    /// Ends the programs and the server with SIGKILL: children of Foundation's Process were seen to
    /// ignore SIGTERM here (Xvfb stayed up), and nothing of theirs needs to be kept.
    package func stop() {
        for p in programs + [server] where p.isRunning { kill(p.processIdentifier, SIGKILL) }
        for p in programs + [server] { p.waitUntilExit() }
    }

    deinit { stop() }
}

/// What a screenshot shows of pictures: the strongly coloured pixels (a UI drawn in monochrome
/// has none) and where they are.
package struct ColouredPixels: Sendable {
    package var count: Int
    /// Pixels that are nearly black: text and lines on a light terminal.
    package var dark: Int
    /// The box around them, in screen pixels; nil when there are none.
    package var box: (x: Int, y: Int, width: Int, height: Int)?
    /// The mean colour inside `box`.
    package var mean: (r: Double, g: Double, b: Double)

    package init(_ image: RGBAImage, saturation: Int = 48) {
        var count = 0, dark = 0, minX = Int.max, minY = Int.max, maxX = -1, maxY = -1
        image.pixels.withUnsafeBufferPointer { p in
            for y in 0..<image.height {
                for x in 0..<image.width {
                    let i = (y * image.width + x) * 4
                    let r = Int(p[i]), g = Int(p[i + 1]), b = Int(p[i + 2])
                    if max(r, g, b) < 80 { dark += 1 }
                    guard max(r, g, b) - min(r, g, b) > saturation else { continue }
                    count += 1
                    minX = min(minX, x); maxX = max(maxX, x); minY = min(minY, y); maxY = max(maxY, y)
                }
            }
        }
        self.count = count
        self.dark = dark
        guard count > 0 else {
            box = nil
            mean = (0, 0, 0)
            return
        }
        let box = (x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1)
        self.box = box
        mean = ColouredPixels.mean(image, box)
    }

    /// Whether two screenshots show the same pictures (same count, same box).
    package func same(as other: ColouredPixels) -> Bool {
        count == other.count && box?.x == other.box?.x && box?.y == other.box?.y && box?.width == other.box?.width
            && box?.height == other.box?.height
    }

    package static func mean(_ image: RGBAImage, _ box: (x: Int, y: Int, width: Int, height: Int)) -> (r: Double, g: Double, b: Double) {
        var sum = (0.0, 0.0, 0.0)
        for y in box.y..<(box.y + box.height) {
            for x in box.x..<(box.x + box.width) {
                let i = (y * image.width + x) * 4
                sum.0 += Double(image.pixels[i]); sum.1 += Double(image.pixels[i + 1]); sum.2 += Double(image.pixels[i + 2])
            }
        }
        let n = Double(box.width * box.height)
        return (sum.0 / n, sum.1 / n, sum.2 / n)
    }
}
