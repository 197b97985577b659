import Foundation
import Synchronization

/// A small loopback HTTP/1.1 server of the tests' own, not the sandbox: it answers whatever a
/// test scripts, including what the sandbox never would (wrong types, escapes, paths, trickled
/// or huge bodies). One thread accepts, one thread serves each connection; every answer closes
/// its connection.
package final class HostileServer: Sendable {
    package struct Request: Sendable {
        package var method: String
        package var path: String
        package var headers: [String: String]
        package var body: Data
        /// The JSON body as an array of task objects (what the Runware client posts).
        package var tasks: [[String: Any]] {
            (try? JSONSerialization.jsonObject(with: body) as? [[String: Any]]) ?? []
        }
    }

    package struct Reply: Sendable {
        package var status: Int
        package var headers: [(String, String)]
        package var body: Data
        /// Send the body `chunk` bytes at a time with this pause between chunks.
        package var trickle: (chunk: Int, pause: Duration)?

        package init(status: Int = 200, headers: [(String, String)] = [("Content-Type", "application/json")], body: Data,
                    trickle: (chunk: Int, pause: Duration)? = nil) {
            self.status = status
            self.headers = headers
            self.body = body
            self.trickle = trickle
        }

        package static func json(_ text: String, status: Int = 200) -> Reply { Reply(status: status, body: Data(text.utf8)) }
        package static func json(_ object: Any, status: Int = 200) -> Reply {
            Reply(status: status, body: (try? JSONSerialization.data(withJSONObject: object)) ?? Data())
        }
    }

    package typealias Handler = @Sendable (Request) -> Reply

    private let listener: Int32
    package let port: Int
    private let handler: Handler
    private let stopped = Atomic<Bool>(false)
    private let served = Mutex<[Request]>([])

    package init(_ handler: @escaping Handler) throws {
        self.handler = handler
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 64) == 0 else { close(fd); throw CocoaError(.fileWriteUnknown) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        listener = fd
        port = Int(UInt16(bigEndian: address.sin_port))
        let box = UncheckedBox(self)
        Thread { box.value.acceptLoop() }.start()
    }

    package var endpoint: String { "http://127.0.0.1:\(port)/v1" }
    package var base: String { "http://127.0.0.1:\(port)" }
    /// Every request served so far, in order.
    package var requests: [Request] { served.withLock { $0 } }

    package func stop() {
        stopped.store(true, ordering: .relaxed)
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private func acceptLoop() {
        while !stopped.load(ordering: .relaxed) {
            let client = accept(listener, nil, nil)
            if client < 0 { if stopped.load(ordering: .relaxed) { return } else { continue } }
            let box = UncheckedBox(self)
            Thread { box.value.serve(client) }.start()
        }
    }

    private func serve(_ fd: Int32) {
        defer { close(fd) }
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        guard let request = read(fd) else { return }
        served.withLock { $0.append(request) }
        let reply = handler(request)
        var head = "HTTP/1.1 \(reply.status) Status\r\nConnection: close\r\nContent-Length: \(reply.body.count)\r\n"
        for (name, value) in reply.headers { head += "\(name): \(value)\r\n" }
        head += "\r\n"
        guard send(fd, Data(head.utf8)) else { return }
        if let trickle = reply.trickle {
            var offset = 0
            while offset < reply.body.count && !stopped.load(ordering: .relaxed) {
                let end = min(reply.body.count, offset + trickle.chunk)
                guard send(fd, reply.body[offset..<end]) else { return }
                offset = end
                let (s, atto) = trickle.pause.components
                usleep(useconds_t(s * 1_000_000 + atto / 1_000_000_000_000))
            }
        } else {
            _ = send(fd, reply.body)
        }
    }

    private func send(_ fd: Int32, _ data: Data) -> Bool {
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Foundation.send(fd, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                if n <= 0 { return false }
                offset += n
            }
            return true
        }
    }

    private func read(_ fd: Int32) -> Request? {
        var buffer = Data()
        var chunk = [UInt8](repeating: 0, count: 65536)
        var headerEnd: Range<Data.Index>?
        while headerEnd == nil {
            let n = recv(fd, &chunk, chunk.count, 0)
            if n <= 0 { return nil }
            buffer.append(contentsOf: chunk[0..<n])
            headerEnd = buffer.range(of: Data("\r\n\r\n".utf8))
        }
        let head = String(decoding: buffer[..<headerEnd!.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let start = head[0].split(separator: " ")
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Data(buffer[headerEnd!.upperBound...])
        let length = Int(headers["content-length"] ?? "0") ?? 0
        while body.count < length {
            let n = recv(fd, &chunk, chunk.count, 0)
            if n <= 0 { break }
            body.append(contentsOf: chunk[0..<n])
        }
        return Request(method: start.first.map(String.init) ?? "", path: start.count > 1 ? String(start[1]) : "/",
                       headers: headers, body: body)
    }
}
