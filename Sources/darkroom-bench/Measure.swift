import Foundation

enum Measure {
    /// Process CPU time (user + system) in milliseconds.
    static func cpuMilliseconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let user = Double(usage.ru_utime.tv_sec) * 1000 + Double(usage.ru_utime.tv_usec) / 1000
        let system = Double(usage.ru_stime.tv_sec) * 1000 + Double(usage.ru_stime.tv_usec) / 1000
        return user + system
    }

    /// CPU time of the calling thread alone, in milliseconds (the UI thread, without the
    /// background work it started).
    static func threadCPUMilliseconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) * 1000 + Double(t.tv_nsec) / 1e6
    }

    /// Resident memory of this process now, in MiB (VmRSS).
    static func residentMiB() -> Double {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
        let kib = Double(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
        return kib / 1024
    }

    static func milliseconds(_ d: Duration) -> Double {
        Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
    }

    static func median(_ values: [Double]) -> Double {
        let s = values.sorted()
        return s.isEmpty ? 0 : s[s.count / 2]
    }

    static func percentile(_ values: [Double], _ p: Double) -> Double {
        let s = values.sorted()
        return s.isEmpty ? 0 : s[min(s.count - 1, Int(Double(s.count) * p))]
    }

    static func format(_ v: Double) -> String { String(format: "%8.2f", v) }
}

/// The `darkroom sandbox` process the client benchmarks talk to, so client CPU is measured alone.
final class SandboxProcess {
    let process = Process()
    let port: Int
    static let key = "bench-key"

    /// `arguments` are added to `darkroom sandbox` (e.g. its limits).
    init(arguments: [String] = []) throws {
        let dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        process.executableURL = dir.appendingPathComponent("darkroom")
        let port = Int.random(in: 20000...40000)
        process.arguments = ["sandbox", "--port", String(port), "--api-key", Self.key] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait for its "listening" line.
        _ = pipe.fileHandleForReading.availableData
        self.port = port
    }

    var endpoint: String { "http://127.0.0.1:\(port)/v1" }
    var pid: Int32 { process.processIdentifier }

    func stop() {
        process.terminate()
        process.waitUntilExit()
    }
}
