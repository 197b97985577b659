import CCurl
import Foundation
import Synchronization

/// HTTPS through libcurl. Each transfer runs `curl_easy_perform` on its own thread, never on the
/// Swift concurrency pool; finished easy handles go back to a pool so their connections are
/// reused. Cancelling the calling task aborts the transfer from libcurl's progress callback.
package final class CurlTransport: Transport, Sendable {
    package struct Options: Sendable {
        package var connectTimeout: Duration
        package var totalTimeout: Duration
        /// A transfer that moves no byte either way for this long is abandoned (a stalled server);
        /// before the first byte of the answer, the request's `firstByteTimeout` when it has one.
        package var stallTimeout: Duration
        package var maxResponseBytes: Int
        package var userAgent: String
        package init(connectTimeout: Duration = .seconds(10), totalTimeout: Duration = .seconds(300),
                    stallTimeout: Duration = .seconds(30), maxResponseBytes: Int = 256 << 20,
                    userAgent: String = "darkroom/\(ClientVersion.number) libcurl") {
            self.connectTimeout = connectTimeout
            self.totalTimeout = totalTimeout
            self.stallTimeout = stallTimeout
            self.maxResponseBytes = maxResponseBytes
            self.userAgent = userAgent
        }
    }

    package let options: Options
    private let pool = Mutex<[EasyHandle]>([])
    private static let globalInit: Bool = { curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK }()

    package init(options: Options = Options()) {
        _ = Self.globalInit
        self.options = options
    }

    deinit {
        pool.withLock { handles in
            for h in handles { curl_easy_cleanup(h.raw) }
            handles.removeAll()
        }
    }

    package func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let transfer = Transfer(limit: options.maxResponseBytes)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<HTTPResponse, Error>) in
                let job = TransferJob(transport: self, request: request, transfer: transfer, continuation: continuation)
                let thread = Thread { job.run() }
                thread.stackSize = 512 << 10
                thread.start()
            }
        } onCancel: {
            transfer.cancelled.store(true, ordering: .relaxed)
        }
    }

    fileprivate func checkout() -> EasyHandle {
        if let h = pool.withLock({ $0.popLast() }) {
            curl_easy_reset(h.raw)
            return h
        }
        return EasyHandle(raw: curl_easy_init())
    }

    fileprivate func checkin(_ h: EasyHandle) {
        pool.withLock { handles in
            if handles.count < 64 { handles.append(h) } else { curl_easy_cleanup(h.raw) }
        }
    }

    fileprivate func perform(_ request: HTTPRequest, _ transfer: Transfer) throws -> HTTPResponse {
        let easy = checkout()
        defer { checkin(easy) }
        let h = easy.raw
        var headerList: UnsafeMutablePointer<curl_slist>?
        defer { curl_slist_free_all(headerList) }

        shim_setopt_str(h, CURLOPT_URL, request.url)
        shim_setopt_long(h, CURLOPT_NOSIGNAL, 1)
        shim_setopt_long(h, CURLOPT_CONNECTTIMEOUT_MS, Int(options.connectTimeout.milliseconds))
        shim_setopt_long(h, CURLOPT_TIMEOUT_MS, Int((request.timeout ?? options.totalTimeout).milliseconds))
        // No byte moved for the stall limit: abandoned as a stalled transfer, by the progress
        // callback (libcurl's low-speed limit would also cut a sync task still being made).
        transfer.stallLimit = options.stallTimeout
        transfer.firstByteLimit = request.firstByteTimeout ?? options.stallTimeout
        shim_setopt_str(h, CURLOPT_ACCEPT_ENCODING, "")
        shim_setopt_str(h, CURLOPT_USERAGENT, options.userAgent)
        shim_setopt_long(h, CURLOPT_TCP_KEEPALIVE, 1)
        shim_setopt_long(h, CURLOPT_FOLLOWLOCATION, request.method == "GET" ? 1 : 0)
        shim_setopt_long(h, CURLOPT_MAXREDIRS, 5)
        shim_setopt_str(h, CURLOPT_PROTOCOLS_STR, "http,https")
        shim_setopt_str(h, CURLOPT_REDIR_PROTOCOLS_STR, "http,https")

        for (name, value) in request.headers { headerList = curl_slist_append(headerList, "\(name): \(value)") }
        headerList = curl_slist_append(headerList, "Expect:")
        switch request.method {
        case "GET": shim_setopt_long(h, CURLOPT_HTTPGET, 1)
        default:
            if request.method != "POST" { shim_setopt_str(h, CURLOPT_CUSTOMREQUEST, request.method) }
            let body = request.body ?? Data()
            shim_setopt_long(h, CURLOPT_POST, 1)
            shim_setopt_off(h, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count))
            body.withUnsafeBytes { raw in
                _ = shim_setopt_ptr(h, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: raw.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!))
            }
        }
        shim_setopt_ptr(h, CURLOPT_HTTPHEADER, UnsafeMutableRawPointer(headerList))

        let context = Unmanaged.passUnretained(transfer).toOpaque()
        shim_setopt_write_cb(h, curlWrite)
        shim_setopt_ptr(h, CURLOPT_WRITEDATA, context)
        shim_setopt_header_cb(h, curlHeader)
        shim_setopt_ptr(h, CURLOPT_HEADERDATA, context)
        shim_setopt_long(h, CURLOPT_NOPROGRESS, 0)
        shim_setopt_xferinfo_cb(h, curlProgress)
        shim_setopt_ptr(h, CURLOPT_XFERINFODATA, context)

        let code = withExtendedLifetime(transfer) { curl_easy_perform(h) }
        var status = 0
        shim_getinfo_long(h, CURLINFO_RESPONSE_CODE, &status)
        if code != CURLE_OK {
            let reason = String(cString: curl_easy_strerror(code))
            throw Self.map(code, reason: reason, transfer: transfer, status: status)
        }
        return HTTPResponse(status: status, headers: transfer.headers, body: transfer.body)
    }

    static func map(_ code: CURLcode, reason: String, transfer: Transfer, status: Int) -> TransportError {
        if transfer.cancelled.load(ordering: .relaxed) { return .cancelled }
        if transfer.overflow { return .responseTooLarge(limit: transfer.limit) }
        if let stalled = transfer.stalled { return .timedOut(stalled) }
        switch code {
        case CURLE_OPERATION_TIMEDOUT: return .timedOut(reason)
        case CURLE_PARTIAL_FILE, CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_BAD_CONTENT_ENCODING, CURLE_HTTP2_STREAM:
            return status > 0 ? .interrupted(reason) : .connectionFailed(reason)
        case CURLE_GOT_NOTHING:
            return .interrupted("the server closed the connection without answering")
        case CURLE_UNSUPPORTED_PROTOCOL, CURLE_URL_MALFORMAT:
            return .unsupportedURL(reason)
        default: return .connectionFailed(reason)
        }
    }
}

struct EasyHandle: @unchecked Sendable {
    let raw: UnsafeMutableRawPointer?
}

/// Per-transfer state shared with the C callbacks.
final class Transfer: @unchecked Sendable {
    let limit: Int
    let cancelled = Atomic<Bool>(false)
    var body = Data()
    var headers: [String: String] = [:]
    var overflow = false
    // Stall detection, on the transfer's own thread (libcurl calls every callback there).
    var stallLimit: Duration = .seconds(30)
    var firstByteLimit: Duration = .seconds(30)
    var received = false
    var lastActivity = ContinuousClock.now
    var lastUpload: curl_off_t = 0
    var lastDownload: curl_off_t = 0
    /// Why the transfer was abandoned as stalled, when it was.
    var stalled: String?

    init(limit: Int) { self.limit = limit }

    /// Called by the progress callback (at least once a second): whether to abandon the transfer.
    func stallsOut(upload: curl_off_t, download: curl_off_t) -> Bool {
        let now = ContinuousClock.now
        if upload != lastUpload || download != lastDownload {
            lastUpload = upload
            lastDownload = download
            lastActivity = now
            return false
        }
        let limit = received ? stallLimit : firstByteLimit
        guard now - lastActivity > limit else { return false }
        stalled = received ? "nothing arrived for \(limit) (a stalled server)" : "no answer began within \(limit)"
        return true
    }

    func receivedBytes() {
        received = true
        lastActivity = ContinuousClock.now
    }
}

private struct TransferJob: @unchecked Sendable {
    let transport: CurlTransport
    let request: HTTPRequest
    let transfer: Transfer
    let continuation: CheckedContinuation<HTTPResponse, Error>

    func run() {
        if transfer.cancelled.load(ordering: .relaxed) {
            continuation.resume(throwing: TransportError.cancelled)
            return
        }
        do { continuation.resume(returning: try transport.perform(request, transfer)) } catch {
            continuation.resume(throwing: error)
        }
    }
}

private func curlWrite(_ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ ctx: UnsafeMutableRawPointer?) -> Int {
    guard let data, let ctx else { return 0 }
    let transfer = Unmanaged<Transfer>.fromOpaque(ctx).takeUnretainedValue()
    let n = size * count
    transfer.receivedBytes()
    if transfer.body.count + n > transfer.limit {
        transfer.overflow = true
        return 0
    }
    data.withMemoryRebound(to: UInt8.self, capacity: n) { transfer.body.append($0, count: n) }
    return n
}

private func curlHeader(_ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ ctx: UnsafeMutableRawPointer?) -> Int {
    guard let data, let ctx else { return 0 }
    let transfer = Unmanaged<Transfer>.fromOpaque(ctx).takeUnretainedValue()
    let n = size * count
    transfer.receivedBytes()
    let line = data.withMemoryRebound(to: UInt8.self, capacity: n) {
        String(decoding: UnsafeBufferPointer(start: $0, count: n), as: UTF8.self)
    }
    if line.hasPrefix("HTTP/") {
        transfer.headers.removeAll()  // a new response (after 100-continue or a redirect)
    } else if let colon = line.firstIndex(of: ":") {
        let name = line[..<colon].lowercased()
        let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
        transfer.headers[name] = value
    }
    return n
}

private func curlProgress(_ ctx: UnsafeMutableRawPointer?, _ dlTotal: curl_off_t, _ dlNow: curl_off_t,
                          _ ulTotal: curl_off_t, _ ulNow: curl_off_t) -> Int32 {
    guard let ctx else { return 0 }
    let transfer = Unmanaged<Transfer>.fromOpaque(ctx).takeUnretainedValue()
    if transfer.cancelled.load(ordering: .relaxed) { return 1 }
    return transfer.stallsOut(upload: ulNow, download: dlNow) ? 1 : 0
}

extension Duration {
    var milliseconds: Int64 {
        let (s, atto) = components
        return s * 1000 + atto / 1_000_000_000_000_000
    }
}
