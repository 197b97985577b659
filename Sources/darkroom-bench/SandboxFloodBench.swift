import Foundation
import RunwareAPI
import RunwareSandbox

/// The sandbox under clients with no key or a wrong one (issue 25 item 11), in its own process
/// with its default limits (`darkroom sandbox`): the red team's floods, then 64 such clients at
/// once. Each stage's peak resident memory (VmHWM, cleared before the stage) is printed next to
/// its bound, with OVER ITS BOUND when past it, and what the same flood cost before the limits.
/// The bound is the sandbox's resident memory at start plus `allowanceMiB`: a client with no
/// key has at most the first 4096 B of a body or message held, so only its connection's buffers
/// remain, up to about 512 KiB each for the 64 clients of the largest stage (the 128 MB body
/// budget is for clients with the key).
enum SandboxFloodBench {
    static let floodBytes = 60 << 20
    static let largestStage = 64
    static let allowanceMiB = Double(largestStage) / 2

    final class Tally {
        var over: [String] = []
    }

    static func run() async throws {
        let limits = SandboxLimits()
        print("Sandbox under an unauthenticated flood: default limits, sandbox in its own process")
        print("  limits: before a key, \(limits.unauthenticatedBytes) B of a body or of each WebSocket message; "
            + "\(limits.failedAuthenticationsPerConnection) failed authentications per WebSocket, 1 per HTTP connection; "
            + "bodies and messages in flight \(limits.requestBodiesInFlightBytes >> 20) MB, for clients with the key")
        let sandbox = try SandboxProcess()
        defer { sandbox.stop() }
        try await Task.sleep(for: .milliseconds(300))
        let start = memory(sandbox).rss
        let bound = start + allowanceMiB
        print(String(format: "  memory bound: %.1f MiB (%.1f MiB at start + %.0f MiB: 512 KiB of connection buffers for each of up to %d clients)",
                     bound, start, allowanceMiB, largestStage))
        let port = sandbox.port
        let zeros = Data(("[" + String(repeating: "0,", count: floodBytes / 2 - 1) + "0]").utf8)
        let tally = Tally()

        // The red team's F1: 6 WebSocket connections, one 60 MB text frame each, no key.
        var health = Duration.zero
        let sent = try await stage("6 WebSockets x 60 MB frame, no key", sandbox, bound: bound, tally: tally) {
            async let latency = healthLatency(port: port, after: .milliseconds(200))
            let sent = try await onThreads(6) { _ in try FloodSocket(port: port).sendFrame(zeros) }
            health = try await latency
            return sent
        }
        print(String(format: "      %.1f MB of 360 taken before the closes (codes %@); /health during it %.0f ms "
            + "(was 3.55 GB and /health unanswered for 30 s)",
            megabytes(sent.reduce(0) { $0 + $1.sent }), codes(sent.map(\.closeCode)), Measure.milliseconds(health)))

        let (status, wrongTime) = try await stage("60 MB POST, wrong key", sandbox, bound: bound, tally: tally) {
            try await post(zeros, key: "wrong-key", to: sandbox)
        }
        print(String(format: "      answered %d after %.0f ms, before any of the body was read (was 54.5 s and 1.6 GB)", status, Measure.milliseconds(wrongTime)))

        let t1 = ContinuousClock.now
        let statuses = try await stage("4 x 60 MB POSTs at once, no key", sandbox, bound: bound, tally: tally) {
            try await onThreads(4) { _ in try blockingPost(zeros, key: nil, port: port) }
        }
        print(String(format: "      answered %@ after %.0f ms, %d B of each read for its authentication task (was 3.1 GB after 75 s)",
                     statuses.map(String.init).joined(separator: ","), Measure.milliseconds(ContinuousClock.now - t1),
                     limits.unauthenticatedBytes))

        // Many clients at once, every kind: of each 8, 3 WebSockets with a 60 MB frame, 3 POSTs of
        // 60 MB with no key and 2 with a wrong one.
        let t2 = ContinuousClock.now
        let many = try await stage("\(largestStage) clients at once, 60 MB each, no key or a wrong one", sandbox, bound: bound, tally: tally) {
            async let latency = healthLatency(port: port, after: .milliseconds(300))
            let outcomes = try await onThreads(largestStage) { i -> String in
                switch i % 8 {
                case 0, 1, 2: return FloodSocket.closeName(try FloodSocket(port: port).sendFrame(zeros).closeCode)
                case 3, 4, 5: return String(try blockingPost(zeros, key: nil, port: port))
                default: return String(try blockingPost(zeros, key: "wrong-key", port: port))
                }
            }
            health = try await latency
            return outcomes
        }
        let counted = Dictionary(many.map { ($0, 1) }, uniquingKeysWith: +).sorted { $0.key < $1.key }
        print(String(format: "      answered %@ in %.1f s; /health during it %.0f ms",
                     counted.map { "\($0.value) x \($0.key)" }.joined(separator: ", "),
                     Measure.milliseconds(ContinuousClock.now - t2) / 1000, Measure.milliseconds(health)))

        let guesses = try await stage("300 wrong keys on one WebSocket", sandbox, bound: bound, tally: tally) {
            try await onThreads(1) { _ in try FloodSocket(port: port).guessKeys(300) }[0]
        }
        let guessesOver = guesses.answered > limits.failedAuthenticationsPerConnection
        if guessesOver { tally.over.append("\(guesses.answered) wrong keys answered on one WebSocket") }
        print("      \(guesses.answered) answered, then close \(FloodSocket.closeName(guesses.closeCode)) "
            + "(bound: \(limits.failedAuthenticationsPerConnection)\(guessesOver ? ", OVER ITS BOUND" : ""); was 300 answered in 0.1 s)")
        let restGuesses = try await stage("300 wrong keys on one keep-alive HTTP connection", sandbox, bound: bound, tally: tally) {
            try await onThreads(1) { _ in try FloodSocket(port: port, upgrade: false).guessKeysOverHTTP(300) }[0]
        }
        if restGuesses > 1 { tally.over.append("\(restGuesses) wrong keys answered on one HTTP connection") }
        print("      \(restGuesses) answered before the sandbox ended the connection (bound: 1\(restGuesses > 1 ? ", OVER ITS BOUND" : ""))")

        print(tally.over.isEmpty
            ? String(format: "  every stage within its bounds (memory %.1f MiB)", bound)
            : "  OVER ITS BOUND: " + tally.over.joined(separator: "; "))
        print("")
    }

    /// Runs one stage with the sandbox's peak cleared first, then prints its peak resident memory
    /// next to the bound.
    static func stage<T>(_ label: String, _ sandbox: SandboxProcess, bound: Double, tally: Tally,
                         _ work: () async throws -> T) async throws -> T {
        resetPeak(sandbox)
        let result = try await work()
        let (rss, peak) = memory(sandbox)
        let verdict = peak > bound ? "OVER ITS BOUND" : "within"
        if peak > bound { tally.over.append(String(format: "%@ (peak %.1f MiB)", label, peak)) }
        print("    " + label.padding(toLength: 56, withPad: " ", startingAt: 0)
            + String(format: " peak %7.1f MiB, bound %7.1f MiB: %@   (VmRSS after %.1f MiB)", peak, bound, verdict, rss))
        return result
    }

    /// VmRSS and VmHWM of the sandbox, in MiB.
    static func memory(_ sandbox: SandboxProcess) -> (rss: Double, peak: Double) {
        let status = (try? String(contentsOfFile: "/proc/\(sandbox.pid)/status", encoding: .utf8)) ?? ""
        func mebibytes(_ field: String) -> Double {
            let line = status.split(separator: "\n").first { $0.hasPrefix(field + ":") } ?? ""
            return (Double(line.split(separator: " ").dropFirst().first ?? "0") ?? 0) / 1024
        }
        return (mebibytes("VmRSS"), mebibytes("VmHWM"))
    }

    /// Clears the process's peak resident memory, so the next VmHWM is this stage's.
    static func resetPeak(_ sandbox: SandboxProcess) {
        try? "5".write(toFile: "/proc/\(sandbox.pid)/clear_refs", atomically: false, encoding: .utf8)
    }

    static func megabytes(_ bytes: Int) -> Double { Double(bytes) / 1_048_576 }

    static func codes(_ list: [UInt16?]) -> String { list.map(FloodSocket.closeName).joined(separator: ",") }

    static func healthLatency(port: Int, after wait: Duration) async throws -> Duration {
        try await Task.sleep(for: wait)
        let start = ContinuousClock.now
        _ = try await CurlTransport().send(HTTPRequest(method: "GET", url: "http://127.0.0.1:\(port)/health", timeout: .seconds(60)))
        return ContinuousClock.now - start
    }

    static func post(_ body: Data, key: String?, to sandbox: SandboxProcess) async throws -> (Int, Duration) {
        let start = ContinuousClock.now
        var headers = [("Content-Type", "application/json")]
        if let key { headers.append(("Authorization", "Bearer \(key)")) }
        let response = try await CurlTransport().send(HTTPRequest(method: "POST", url: sandbox.endpoint, headers: headers, body: body,
                                                                  timeout: .seconds(120)))
        return (response.status, ContinuousClock.now - start)
    }

    /// A POST sent whole from a plain socket, as a client that ignores the early answer does;
    /// returns the status the sandbox answered (0 for none).
    static func blockingPost(_ body: Data, key: String?, port: Int) throws -> Int {
        let socket = try FloodSocket(port: port, upgrade: false)
        let head = "POST /v1 HTTP/1.1\r\nHost: 127.0.0.1\r\n" + (key.map { "Authorization: Bearer \($0)\r\n" } ?? "")
            + "Content-Type: application/json\r\nContent-Length: \(body.count)\r\n\r\n"
        if socket.send(Data(head.utf8)) == head.utf8.count { _ = socket.send(body) }
        return FloodSocket.status(socket.read(until: "\r\n\r\n"))
    }

    /// Runs `work` on `count` threads of their own (blocking sockets stay off the concurrency pool).
    static func onThreads<T: Sendable>(_ count: Int, _ work: @escaping @Sendable (Int) throws -> T) async throws -> [T] {
        try await withThrowingTaskGroup(of: T.self) { group in
            for i in 0..<count {
                group.addTask {
                    try await withCheckedThrowingContinuation { continuation in
                        Thread { continuation.resume(with: Result { try work(i) }) }.start()
                    }
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
    }
}

/// A blocking loopback socket for the flood: a WebSocket (after its upgrade) or plain HTTP.
final class FloodSocket {
    struct Failure: Error { var reason: String }
    let fd: Int32

    init(port: Int, upgrade: Bool = true) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard fd >= 0, connected == 0 else {
            if fd >= 0 { close(fd) }
            throw Failure(reason: "connect: errno \(errno)")
        }
        var timeout = timeval(tv_sec: 60, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        guard upgrade else { return }
        _ = send(Data(("GET /v1 HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n").utf8))
        guard read(until: "\r\n\r\n").hasPrefix("HTTP/1.1 101") else { throw Failure(reason: "no upgrade") }
    }

    deinit { close(fd) }

    static func closeName(_ code: UInt16?) -> String { code.map(String.init) ?? "none" }

    static func status(_ head: String) -> Int {
        head.hasPrefix("HTTP/1.1 ") ? Int(head.dropFirst(9).prefix(3)) ?? 0 : 0
    }

    /// Sends as much of `data` as the peer takes; the bytes sent.
    func send(_ data: Data) -> Int {
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.send(fd, raw.baseAddress! + offset, min(1 << 20, raw.count - offset), Int32(MSG_NOSIGNAL))
                guard n > 0 else { break }
                offset += n
            }
            return offset
        }
    }

    func read(until marker: String) -> String {
        var received = [UInt8]()
        var byte: UInt8 = 0
        while !String(decoding: received.suffix(marker.utf8.count), as: UTF8.self).hasSuffix(marker), recv(fd, &byte, 1, 0) == 1 {
            received.append(byte)
        }
        return String(decoding: received, as: UTF8.self)
    }

    /// One masked text frame of `payload` (a zero mask key), sent until the peer stops taking it;
    /// then the close code it sent, if any. The header and the payload go separately, so the
    /// payload is never copied.
    func sendFrame(_ payload: Data) -> (sent: Int, closeCode: UInt16?) {
        var header: [UInt8] = [0x81, 0x80 | 127]
        header += (0..<8).reversed().map { UInt8((UInt64(payload.count) >> (8 * UInt64($0))) & 0xFF) }
        header += [0, 0, 0, 0]
        let sent = send(Data(header)) == header.count ? send(payload) : 0
        return (sent, nextFrame()?.closeCode)
    }

    /// Wrong keys, one at a time, each after the answer to the one before; how many were answered
    /// before the connection closed, and its close code.
    func guessKeys(_ count: Int) -> (answered: Int, closeCode: UInt16?) {
        var answered = 0
        for i in 0..<count {
            let text = Data(#"[{"taskType":"authentication","apiKey":"guess-\#(i)"}]"#.utf8)
            guard send(Data([0x81, 0x80 | UInt8(text.count), 0, 0, 0, 0]) + text) > 0, let frame = nextFrame() else { break }
            if let code = frame.closeCode { return (answered, code) }
            answered += 1
        }
        return (answered, nil)
    }

    /// Wrong keys as keep-alive POSTs on this one connection, each after the answer to the one
    /// before; how many were answered before the connection ended.
    func guessKeysOverHTTP(_ count: Int) -> Int {
        let body = #"[{"taskType":"ping","taskUUID":"p"}]"#
        var answered = 0
        for i in 0..<count {
            let request = "POST /v1 HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer guess-\(i)\r\n"
                + "Content-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n" + body
            guard send(Data(request.utf8)) == request.utf8.count else { break }
            let head = read(until: "\r\n\r\n")
            guard FloodSocket.status(head) > 0 else { break }
            answered += 1
            // The answer's body, by its length, so the next read starts at the next answer.
            let length = head.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-length:") }
                .flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) } ?? 0
            var rest = [UInt8](repeating: 0, count: length)
            guard length == 0 || recv(fd, &rest, length, Int32(MSG_WAITALL)) == length else { break }
        }
        return answered
    }

    /// The next frame from the server: its opcode, and its code if it is a close frame.
    func nextFrame() -> (opcode: UInt8, closeCode: UInt16?)? {
        var head = [UInt8](repeating: 0, count: 2)
        guard recv(fd, &head, 2, Int32(MSG_WAITALL)) == 2 else { return nil }
        var length = Int(head[1] & 0x7F)
        if length >= 126 {
            var extended = [UInt8](repeating: 0, count: length == 126 ? 2 : 8)
            guard recv(fd, &extended, extended.count, Int32(MSG_WAITALL)) == extended.count else { return nil }
            length = extended.reduce(0) { $0 << 8 | Int($1) }
        }
        var payload = [UInt8](repeating: 0, count: length)
        guard length == 0 || recv(fd, &payload, length, Int32(MSG_WAITALL)) == length else { return nil }
        let opcode = head[0] & 0x0F
        return (opcode, opcode == 8 && length >= 2 ? UInt16(payload[0]) << 8 | UInt16(payload[1]) : nil)
    }
}
