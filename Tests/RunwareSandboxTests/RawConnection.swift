import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A plain TCP connection to a loopback port, for sending exactly the bytes a test wants (or none)
/// and seeing when the server closes it. Waits poll without blocking, within a bound.
final class RawConnection {
    struct Failure: Error, CustomStringConvertible { var description: String }

    private let fd: Int32
    private var received = Data()
    private var closedByPeer = false

    init(port: Int) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket: errno \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            close(fd)
            throw Failure(description: "connect to port \(port): errno \(errno)")
        }
    }

    deinit { close(fd) }

    func send(_ text: String) throws { try send(Data(text.utf8)) }

    func send(_ data: Data) throws {
        try data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.send(fd, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                guard n > 0 else { throw Failure(description: "send: errno \(errno)") }
                offset += n
            }
        }
    }

    /// Whether the server closed the connection within `timeout` (what it sent before is kept).
    func closedByServer(within timeout: Duration) async throws -> Bool {
        try await waitUntil(within: timeout) { $0.closedByPeer }
        return closedByPeer
    }

    /// The status code of the first response, once its head has arrived within `timeout`.
    func responseStatus(within timeout: Duration) async throws -> Int? {
        try await waitUntil(within: timeout) { $0.received.range(of: Data("\r\n\r\n".utf8)) != nil || $0.closedByPeer }
        let text = String(decoding: received, as: UTF8.self)
        guard text.hasPrefix("HTTP/1.1 ") else { return nil }
        return Int(text.dropFirst(9).prefix(3))
    }

    private func waitUntil(within timeout: Duration, _ done: (RawConnection) -> Bool) async throws {
        let deadline = ContinuousClock.now + timeout
        while !done(self), ContinuousClock.now < deadline {
            readAvailable()
            if !done(self) { try await Task.sleep(for: .milliseconds(10)) }
        }
    }

    /// Reads whatever has arrived without blocking; notes an end of stream or a reset.
    private func readAvailable() {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while !closedByPeer {
            var ready = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&ready, 1, 0) == 1 else { return }
            let n = recv(fd, &buffer, buffer.count, 0)
            if n > 0 {
                received.append(contentsOf: buffer[0..<n])
            } else {
                closedByPeer = true
            }
        }
    }
}
