import Foundation
import HostileFiles
import RunwareAPI

/// The hostile files of the 2026-12-07 report (F2, F4, F5, F7), made by `HostileFiles` as the
/// tests make them, through the release `darkroom` in a home of its own: wall time and peak RSS
/// of each whole process (`ProcessBench.spawn`), its exit code next to the one expected, each
/// next to its bound and to what it cost before the fixes. One run each: the bounds are an order
/// of magnitude above the figures, and the figures before were seconds to hours.
enum HostileFilesBench {
    struct Case {
        var label: String
        var command: [String]
        /// The exit code a correct run gives: 0 where the file is imported or shown, 1 where
        /// `show` refuses it.
        var expectedStatus: Int32
        var boundMilliseconds: Double
        var boundMiB: Double
        var before: String
    }

    static func run(binary: String) throws {
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            print("Hostile files: no darkroom binary at \(binary) (build it: swift build -c release --product darkroom)\n")
            return
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("darkroom-bench-hostile-\(getpid())")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        func file(_ name: String, _ data: Data) throws -> String {
            let path = dir.appendingPathComponent(name).path
            try data.write(to: URL(fileURLWithPath: path))
            return path
        }
        let spaces = try file("spaces-80000.png", HostileFiles.spacesParametersPNG(spaces: 80_000))
        let zTXt = try file("ztxt-900mib.png", HostileFiles.zTXtBombPNG(megabytes: 900))
        let scans = try file("scans-2048.jpg", HostileFiles.scanBombJPEG(width: 2048, height: 2048, repeats: 10_000))
        let bigScans = try file("scans-8192.jpg", HostileFiles.scanBombJPEG(width: 8192, height: 8192, repeats: 2_000))
        func size(_ path: String) -> String {
            let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
            return "\(bytes / 1000) KB"
        }

        var env = ProcessInfo.processInfo.environment
        for (name, sub) in [("HOME", "home"), ("XDG_CONFIG_HOME", "config"), ("XDG_DATA_HOME", "data"), ("XDG_CACHE_HOME", "cache"),
                            ("XDG_STATE_HOME", "state")] {
            env[name] = dir.appendingPathComponent(sub).path
        }
        env["RUNWARE_API_KEY"] = nil
        env["TERM"] = "xterm-256color"

        let cases = [
            Case(label: "history import, \(size(spaces)) PNG of 80,000 spaces", command: [binary, "history", "import", spaces],
                 expectedStatus: 0, boundMilliseconds: 1000, boundMiB: 100, before: "291 s"),
            Case(label: "show, \(size(zTXt)) PNG, zTXt of 900 MiB", command: [binary, "show", "--no-cache", zTXt],
                 expectedStatus: 0, boundMilliseconds: 1000, boundMiB: 100, before: "3.8 s, 947 MB"),
            Case(label: "show, \(size(scans)) JPEG 2048², a scan x10,000", command: [binary, "show", "--no-cache", scans],
                 expectedStatus: 1, boundMilliseconds: 1000, boundMiB: 100, before: "7.0 s"),
            // A progressive JPEG keeps every coefficient until its last scan: 2 bytes a pixel for
            // grey, 128 MiB at 8192², on top of the ~40 MiB every run starts with.
            Case(label: "show, \(size(bigScans)) JPEG 8192², a scan x2,000", command: [binary, "show", "--no-cache", bigScans],
                 expectedStatus: 1, boundMilliseconds: 1000, boundMiB: 200, before: "19 s"),
        ]
        print("Hostile files through the release darkroom (one run each: wall time, peak RSS, exit code, each bound;")
        print("before: the 2026-12-07 report's figures without the fixes)")
        print("  case                                               wall ms  bound   peak MiB  bound   exit   before")
        for c in cases {
            guard let r = ProcessBench.spawn(c.command, env: env) else {
                print("  \(c.label): could not run")
                continue
            }
            let mib = Double(r.maxRSSKiB) / 1024
            var problems: [String] = []
            if r.wall > c.boundMilliseconds || mib > c.boundMiB { problems.append("OVER ITS BOUND") }
            if r.status != c.expectedStatus { problems.append("EXIT \(r.status), EXPECTED \(c.expectedStatus)") }
            print("  \(c.label.padding(toLength: 50, withPad: " ", startingAt: 0)) \(String(format: "%7.0f", r.wall))  \(String(format: "%5.0f", c.boundMilliseconds))"
                + "   \(String(format: "%7.1f", mib))  \(String(format: "%5.0f", c.boundMiB))   \(String(format: "%4d", r.status))   \(c.before)"
                + (problems.isEmpty ? "" : "   " + problems.joined(separator: ", ")))
        }

        // The published price: parsed in this process, no server needed.
        let price = String(repeating: " ", count: 200_000) + "$0.0038"
        let start = ContinuousClock.now
        let value = ModelPricing.price(in: price)
        let ms = Measure.milliseconds(ContinuousClock.now - start)
        // Only the first `priceTextLimit` characters are read, so the spaces hide the price.
        print("  \("price text of 200,000 spaces (in process)".padding(toLength: 50, withPad: " ", startingAt: 0)) \(String(format: "%7.2f", ms))"
            + "      1          -      -      -   over 120 s (20,000 spaces took 57 s)"
            + (ms <= 1 ? "" : "   OVER ITS BOUND") + (value == nil ? "" : "   READ A PRICE PAST THE LIMIT"))
        print("")
    }
}
