import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A WebSocket client of the tests' own on a plain loopback socket: it sends exactly the frames a
/// test writes (masked, as a client must, with a zero key so payloads go as they are), including
/// what no library would send (a header that declares more than follows, a flood of guesses), and
/// reads the server's frames as they come. Waits poll without blocking, within a bound.
package final class RawWebSocket {
    package struct Failure: Error, CustomStringConvertible { package var description: String }

    /// A frame from the server, or the end of the connection.
    package enum Event: Equatable, Sendable {
        case text(String)
        case binary(Int)
        case close(code: UInt16?, reason: String)
        case ended
    }

    private let fd: Int32
    private var received: [UInt8] = []
    private var ended = false

    /// Connects to the loopback `port` and completes the upgrade on `path`.
    package init(port: Int, path: String = "/v1", within timeout: Duration = .seconds(15)) async throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket: errno \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(fd)
            throw Failure(description: "connect to port \(port): errno \(errno)")
        }
        try send(Data(("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n").utf8))
        let deadline = ContinuousClock.now + timeout
        while headEnd == nil, !ended, ContinuousClock.now < deadline {
            readAvailable()
            if headEnd == nil { try await Task.sleep(for: .milliseconds(10)) }
        }
        guard let end = headEnd, String(decoding: received[..<end], as: UTF8.self).hasPrefix("HTTP/1.1 101") else {
            let answer = String(decoding: received.prefix(200), as: UTF8.self)
            throw Failure(description: "the upgrade was not accepted: \(answer.isEmpty ? "no answer" : answer)")
        }
        received.removeFirst(end)
    }

    deinit { close(fd) }

    private var headEnd: Int? {
        guard received.count >= 4 else { return nil }
        for i in 0...(received.count - 4) where received[i] == 13 && received[i + 1] == 10 && received[i + 2] == 13 && received[i + 3] == 10 {
            return i + 4
        }
        return nil
    }

    package func sendText(_ text: String) throws {
        try sendFrame(opcode: 1, payload: Data(text.utf8))
    }

    /// One frame: `final` sets FIN; `declaredLength` is the length its header claims, when it
    /// should claim more than `payload` (the rest is never sent).
    package func sendFrame(opcode: UInt8, final: Bool = true, payload: Data, declaredLength: UInt64? = nil) throws {
        let length = declaredLength ?? UInt64(payload.count)
        var header: [UInt8] = [(final ? 0x80 : 0) | opcode]
        if length < 126 {
            header.append(0x80 | UInt8(length))
        } else if length <= 0xFFFF {
            header += [0x80 | 126, UInt8(length >> 8), UInt8(length & 0xFF)]
        } else {
            header.append(0x80 | 127)
            header += (0..<8).reversed().map { UInt8((length >> (8 * UInt64($0))) & 0xFF) }
        }
        header += [0, 0, 0, 0]  // the mask key: zeros leave the payload as it is
        try send(Data(header) + payload)
    }

    package func send(_ data: Data) throws {
        try data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.send(fd, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                guard n > 0 else { throw Failure(description: "send: errno \(errno)") }
                offset += n
            }
        }
    }

    /// The next frame from the server, or `.ended`; nil when nothing came within `timeout`.
    package func next(within timeout: Duration = .seconds(15)) async throws -> Event? {
        let deadline = ContinuousClock.now + timeout
        while true {
            readAvailable()
            if let event = takeFrame() { return event }
            if ended { return .ended }
            guard ContinuousClock.now < deadline else { return nil }
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    /// The events until the connection ends (or nothing comes within `timeout`), the last included.
    package func events(within timeout: Duration = .seconds(15)) async throws -> [Event] {
        var all: [Event] = []
        while let event = try await next(within: timeout) {
            all.append(event)
            if event == .ended { break }
            if case .close = event { break }
        }
        return all
    }

    /// A complete server frame from what has arrived (servers do not mask).
    private func takeFrame() -> Event? {
        guard received.count >= 2 else { return nil }
        let opcode = received[0] & 0x0F
        let short = Int(received[1] & 0x7F)
        var offset = 2
        var length = short
        if short == 126 {
            guard received.count >= 4 else { return nil }
            length = Int(received[2]) << 8 | Int(received[3])
            offset = 4
        } else if short == 127 {
            guard received.count >= 10 else { return nil }
            length = received[2..<10].reduce(0) { $0 << 8 | Int($1) }
            offset = 10
        }
        guard received.count >= offset + length else { return nil }
        let payload = Array(received[offset..<(offset + length)])
        received.removeFirst(offset + length)
        switch opcode {
        case 1: return .text(String(decoding: payload, as: UTF8.self))
        case 8:
            let code = payload.count >= 2 ? UInt16(payload[0]) << 8 | UInt16(payload[1]) : nil
            return .close(code: code, reason: String(decoding: payload.dropFirst(2), as: UTF8.self))
        case 9, 10: return takeFrame()  // ping and pong: not what tests wait for
        default: return .binary(payload.count)
        }
    }

    private func readAvailable() {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while !ended {
            var ready = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&ready, 1, 0) == 1 else { return }
            let n = recv(fd, &buffer, buffer.count, 0)
            if n > 0 {
                received.append(contentsOf: buffer[0..<n])
            } else {
                ended = true
            }
        }
    }
}
