import CCurl
import Foundation
import RunwareAPI

/// Fetches an image a task names by URL, as Runware does from its side of the internet: http and
/// https only; from public addresses only, unless `allowsAddress` says otherwise (Runware cannot
/// reach a loopback or private address, and a sandbox that did would let any task make requests
/// to the services around the machine it runs on); at most `maxBytes`; within the time limits the
/// client puts on its own downloads. Each redirect is checked like the first URL, and the
/// connection goes to the address that was checked, not to a second lookup of the name.
struct ImageURLFetcher: Sendable {
    var maxBytes: Int
    /// Whether an address the host resolved to may be fetched from.
    var allowsAddress: @Sendable (IPAddress) -> Bool
    var connectTimeout = CurlTransport.Options().connectTimeout
    var stallTimeout = CurlTransport.Options().stallTimeout
    var totalTimeout = CurlTransport.Options().totalTimeout
    static let maxRedirects = 5

    /// Public addresses only.
    static let publicAddresses: @Sendable (IPAddress) -> Bool = { $0.nonPublicKind == nil }

    enum Failure: Error, Equatable, CustomStringConvertible {
        case notHTTP(String)
        case malformed(String)
        case noHost(String)
        case unresolvable(host: String)
        case refusedAddress(host: String, address: String, kind: String)
        case tooLarge(limit: Int)
        case status(Int, url: String)
        case transfer(String)
        case tooManyRedirects(Int)

        var description: String {
            switch self {
            case .notHTTP(let url): return "only http and https image URLs are fetched, not \(Self.cut(url))"
            case .malformed(let url): return "the image URL \(Self.cut(url)) is not a valid URL"
            case .noHost(let url): return "the image URL \(Self.cut(url)) names no host"
            case .unresolvable(let host): return "the image URL's host \(Self.cut(host)) does not resolve"
            case .refusedAddress(let host, let address, let kind):
                return "the image URL's host \(Self.cut(host)) is \(address), a \(kind) address; like Runware, the sandbox fetches "
                    + "images from public addresses only"
            case .tooLarge(let limit): return "the image at the URL is larger than \(limit) bytes"
            case .status(let status, let url): return "the image URL \(Self.cut(url)) answered HTTP \(status)"
            case .transfer(let reason): return "the image URL could not be fetched: \(reason)"
            case .tooManyRedirects(let n): return "the image URL redirected more than \(n) times"
            }
        }

        private static func cut(_ text: String) -> String {
            let clean = String(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "?" : Character($0) })
            return clean.count > 100 ? String(clean.prefix(97)) + "..." : clean
        }
    }

    func fetch(_ url: String) async throws -> Data {
        let deadline = ContinuousClock.now + totalTimeout
        var current = url
        for _ in 0...Self.maxRedirects {
            let timeout = deadline - ContinuousClock.now
            guard timeout > .zero else { throw Failure.transfer("timed out") }
            let url = current
            // The name lookup blocks too, so it runs on the transfer's thread.
            let hop = try await Self.onOwnThread { [self] in
                let target = try check(url)
                return try Self.transfer(Hop(url: url, resolve: target.resolve, maxBytes: maxBytes, connectTimeout: connectTimeout,
                                             stallTimeout: stallTimeout, timeout: timeout))
            }
            if [301, 302, 303, 307, 308].contains(hop.status), let location = hop.location {
                guard let next = URL(string: location, relativeTo: URL(string: current))?.absoluteString else {
                    throw Failure.transfer("a redirect to \(location.prefix(100)) that is not a URL")
                }
                current = next
                continue
            }
            guard hop.status == 200 else { throw Failure.status(hop.status, url: current) }
            return hop.body
        }
        throw Failure.tooManyRedirects(Self.maxRedirects)
    }

    /// The URL's host resolved and checked: the `CURLOPT_RESOLVE` entry that pins the connection
    /// to the checked addresses (nil for an address literal).
    private func check(_ url: String) throws -> (host: String, resolve: String?) {
        guard isFetchableURL(url) else { throw Failure.notHTTP(url) }
        guard let components = URLComponents(string: url) else { throw Failure.malformed(url) }
        guard var host = components.host, !host.isEmpty else { throw Failure.noHost(url) }
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        let addresses = IPAddress.resolve(host)
        guard !addresses.isEmpty else { throw Failure.unresolvable(host: host) }
        if let refused = addresses.first(where: { !allowsAddress($0) }) {
            throw Failure.refusedAddress(host: host, address: refused.description, kind: refused.nonPublicKind ?? "refused")
        }
        guard IPAddress(host) == nil else { return (host, nil) }
        let port = components.port ?? (components.scheme?.lowercased() == "https" ? 443 : 80)
        let list = addresses.map { $0.bytes.count == 16 ? "[\($0)]" : $0.description }.joined(separator: ",")
        return (host, "\(host):\(port):\(list)")
    }

    /// One request, no redirect followed.
    struct Hop: Sendable {
        var url: String
        var resolve: String?
        var maxBytes: Int
        var connectTimeout: Duration
        var stallTimeout: Duration
        var timeout: Duration
    }

    struct Answer: Sendable {
        var status: Int
        var location: String?
        var body: Data
    }

    /// Runs `work` on a thread of its own, never on the concurrency pool.
    private static func onOwnThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread { continuation.resume(with: Result { try work() }) }
            thread.stackSize = 512 << 10
            thread.start()
        }
    }

    private static func transfer(_ hop: Hop) throws -> Answer {
        let handle = curl_easy_init()
        defer { curl_easy_cleanup(handle) }
        let sink = Sink(limit: hop.maxBytes)
        var resolve: UnsafeMutablePointer<curl_slist>?
        if let entry = hop.resolve { resolve = curl_slist_append(nil, entry) }
        defer { curl_slist_free_all(resolve) }
        shim_setopt_str(handle, CURLOPT_URL, hop.url)
        shim_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        shim_setopt_long(handle, CURLOPT_HTTPGET, 1)
        shim_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 0)
        shim_setopt_str(handle, CURLOPT_PROTOCOLS_STR, "http,https")
        shim_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Int(hop.connectTimeout.milliseconds))
        shim_setopt_long(handle, CURLOPT_TIMEOUT_MS, max(1, Int(hop.timeout.milliseconds)))
        shim_setopt_long(handle, CURLOPT_LOW_SPEED_LIMIT, 1)
        shim_setopt_long(handle, CURLOPT_LOW_SPEED_TIME, max(1, Int(hop.stallTimeout.milliseconds / 1000)))
        shim_setopt_off(handle, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(hop.maxBytes))
        shim_setopt_str(handle, CURLOPT_USERAGENT, "darkroom-sandbox")
        if let resolve { shim_setopt_ptr(handle, CURLOPT_RESOLVE, UnsafeMutableRawPointer(resolve)) }
        // libcurl's own words say which limit ended a transfer ("Operation too slow" for the stall
        // limit, "Operation timed out" for the total), where its error code says "timeout" for both.
        let errorText = UnsafeMutablePointer<CChar>.allocate(capacity: 256)
        errorText.initialize(repeating: 0, count: 256)
        defer { errorText.deallocate() }
        shim_setopt_ptr(handle, CURLOPT_ERRORBUFFER, UnsafeMutableRawPointer(errorText))
        let context = Unmanaged.passUnretained(sink).toOpaque()
        shim_setopt_write_cb(handle, { data, size, count, context in
            guard let data, let context else { return 0 }
            let sink = Unmanaged<Sink>.fromOpaque(context).takeUnretainedValue()
            let n = size * count
            guard sink.body.count + n <= sink.limit else {
                sink.overflow = true
                return 0
            }
            data.withMemoryRebound(to: UInt8.self, capacity: n) { sink.body.append($0, count: n) }
            return n
        })
        shim_setopt_ptr(handle, CURLOPT_WRITEDATA, context)
        shim_setopt_header_cb(handle, { data, size, count, context in
            guard let data, let context else { return 0 }
            let sink = Unmanaged<Sink>.fromOpaque(context).takeUnretainedValue()
            let n = size * count
            let line = data.withMemoryRebound(to: UInt8.self, capacity: n) { String(decoding: UnsafeBufferPointer(start: $0, count: n), as: UTF8.self) }
            if line.lowercased().hasPrefix("location:") {
                sink.location = line.dropFirst("location:".count).trimmingCharacters(in: .whitespacesAndNewlines)
            }
            return n
        })
        shim_setopt_ptr(handle, CURLOPT_HEADERDATA, context)
        let code = withExtendedLifetime(sink) { curl_easy_perform(handle) }
        if sink.overflow || code == CURLE_FILESIZE_EXCEEDED { throw Failure.tooLarge(limit: hop.maxBytes) }
        guard code == CURLE_OK else {
            let detail = String(cString: errorText)
            throw Failure.transfer(detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail)
        }
        var status = 0
        shim_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        return Answer(status: status, location: sink.location, body: sink.body)
    }

    /// What the C callbacks fill in.
    private final class Sink: @unchecked Sendable {
        let limit: Int
        var body = Data()
        var location: String?
        var overflow = false
        init(limit: Int) { self.limit = limit }
    }
}

extension Duration {
    fileprivate var milliseconds: Int64 {
        let (s, atto) = components
        return s * 1000 + atto / 1_000_000_000_000_000
    }
}
