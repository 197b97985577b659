import Foundation
import RunwareAPI
import RunwareSandbox

/// The sandbox's memory under load stays within its bounds: a `darkroom sandbox` process with a
/// 16 MB image budget and a 2 s idle timeout, its resident memory (VmRSS, and the peak VmHWM, from
/// /proc/PID/status) at start, after 300 jobs of 1024x1024 PNG URL results, and with 200 idle
/// connections open until its idle timeout closes them. The same jobs with a budget too large to
/// matter show what the bound saves. Then the same under clients with no key (`SandboxFloodBench`).
enum SandboxMemoryBench {
    static let idleTimeoutSeconds = 2

    static func run(jobs: Int, idleConnections: Int) async throws {
        let limits = SandboxLimits()
        print("Sandbox memory: \(jobs) jobs of 1024x1024 PNG URL results, then \(idleConnections) idle connections; "
            + "sandbox in its own process")
        print("  bounds: task records \(limits.taskRecords) or \(limits.taskRecordBytes >> 20) MB, "
            + "bodies in flight \(limits.requestBodiesInFlightBytes >> 20) MB (one body \(limits.requestBodyBytes >> 20) MB), "
            + "idle timeout \(idleTimeoutSeconds) s, images as below")
        try await measure(imageMemoryMB: 16, jobs: jobs, idleConnections: idleConnections)
        try await measure(imageMemoryMB: 16_384, jobs: jobs, idleConnections: 0)
        print("")
        try await SandboxFloodBench.run()
    }

    static func measure(imageMemoryMB: Int, jobs: Int, idleConnections: Int) async throws {
        let sandbox = try SandboxProcess(arguments: ["--image-memory", String(imageMemoryMB),
                                                     "--idle-timeout", String(idleTimeoutSeconds)])
        defer { sandbox.stop() }
        try await Task.sleep(for: .milliseconds(300))
        print("  image budget \(imageMemoryMB) MB")
        report("at start", sandbox)

        let (urls, madeBytes) = try await runJobs(jobs, on: sandbox)
        report(String(format: "after %d jobs (%.0f MB of images made)", jobs, Double(madeBytes) / 1_048_576), sandbox)
        let transport = CurlTransport()
        let first = try await transport.send(HTTPRequest(method: "GET", url: urls.first ?? "")).status
        let last = try await transport.send(HTTPRequest(method: "GET", url: urls.last ?? "")).status
        print("    the first result now answers \(first)\(first == 404 ? " (evicted)" : ""), the last \(last)")
        guard idleConnections > 0 else { return }

        let connections = try (0..<idleConnections).map { _ in try IdleConnection(port: sandbox.port) }
        try await Task.sleep(for: .milliseconds(500))
        report("with \(idleConnections) idle connections open", sandbox)
        let t0 = ContinuousClock.now
        while connections.contains(where: { !$0.isClosed }), ContinuousClock.now - t0 < .seconds(idleTimeoutSeconds + 10) {
            try await Task.sleep(for: .milliseconds(50))
        }
        let closed = connections.filter(\.isClosed).count
        report(String(format: "%d of %d closed by the server %.1f s after opening", closed, idleConnections,
                      Measure.milliseconds(ContinuousClock.now - t0) / 1000 + 0.5), sandbox)
    }

    /// Sync 1024x1024 PNG URL jobs, 4 at a time, each result downloaded once. Returns the URLs in
    /// the order made and the bytes made.
    static func runJobs(_ count: Int, on sandbox: SandboxProcess) async throws -> ([String], Int) {
        let endpoint = sandbox.endpoint
        let workers = 4
        let made = try await withThrowingTaskGroup(of: [(index: Int, url: String, bytes: Int)].self) { group in
            for worker in 0..<workers {
                group.addTask {
                    let client = RunwareClient(endpoint: endpoint, apiKey: SandboxProcess.key, transport: CurlTransport())
                    var made: [(index: Int, url: String, bytes: Int)] = []
                    for index in stride(from: worker, to: count, by: workers) {
                        var r = ImageInferenceRequest(taskUUID: TaskID.make(), positivePrompt: "sandbox memory \(index)")
                        r.width = 1024; r.height = 1024; r.outputType = .url; r.outputFormat = .png
                        guard let url = try await client.imageInference(r).first?.imageURL else {
                            throw RunwareError.badResponse(status: 0, reason: "no URL")
                        }
                        made.append((index, url, try await client.download(url).count))
                    }
                    return made
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        return (made.sorted { $0.index < $1.index }.map(\.url), made.reduce(0) { $0 + $1.bytes })
    }

    static func report(_ label: String, _ sandbox: SandboxProcess) {
        let status = (try? String(contentsOfFile: "/proc/\(sandbox.pid)/status", encoding: .utf8)) ?? ""
        func mebibytes(_ field: String) -> Double {
            let line = status.split(separator: "\n").first { $0.hasPrefix(field + ":") } ?? ""
            return (Double(line.split(separator: " ").dropFirst().first ?? "0") ?? 0) / 1024
        }
        let files = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(sandbox.pid)/fd").count) ?? 0
        print("    " + label.padding(toLength: 58, withPad: " ", startingAt: 0)
            + String(format: " VmRSS %7.1f MiB   peak %7.1f MiB   open files %4d", mebibytes("VmRSS"), mebibytes("VmHWM"), files))
    }
}

/// A loopback TCP connection that sends nothing; `isClosed` once the server has closed it.
final class IdleConnection: Sendable {
    let fd: Int32

    init(port: Int) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard fd >= 0, connected == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    }

    deinit { close(fd) }

    var isClosed: Bool {
        var byte: UInt8 = 0
        return recv(fd, &byte, 1, Int32(MSG_PEEK | MSG_DONTWAIT)) == 0
    }
}
