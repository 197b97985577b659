import Foundation

/// Whether `url` is one Darkroom fetches: `http` or `https` only. A server's `file://` link
/// must never make Darkroom read a local file.
package func isFetchableURL(_ url: String) -> Bool {
    let lower = url.lowercased()
    return lower.hasPrefix("https://") || lower.hasPrefix("http://")
}

package struct HTTPRequest: Sendable {
    package var method: String
    package var url: String
    package var headers: [(String, String)]
    package var body: Data?
    /// Whole-transfer limit; `nil` uses the transport's default.
    package var timeout: Duration?
    /// How long the server may take before its first byte; `nil` is the transport's stall limit.
    /// A sync task's answer comes only when the task is done, so its wait is the job's own.
    package var firstByteTimeout: Duration?
    /// Whether a request that may have arrived can be sent again after a timeout or a broken
    /// connection. Not a sync task: Runware would answer `conflictTaskUUID` while the first one
    /// runs (and is billed), and its answer can never be collected.
    package var resendable: Bool

    package init(method: String = "POST", url: String, headers: [(String, String)] = [], body: Data? = nil,
                timeout: Duration? = nil, firstByteTimeout: Duration? = nil, resendable: Bool = true) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
        self.firstByteTimeout = firstByteTimeout
        self.resendable = resendable
    }
}

package struct HTTPResponse: Sendable {
    package var status: Int
    /// Header names in lower case.
    package var headers: [String: String]
    package var body: Data

    package init(status: Int, headers: [String: String] = [:], body: Data) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    package var contentType: String { headers["content-type"] ?? "" }
}

/// Why a request produced no complete response.
package enum TransportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// DNS, refused, unreachable, TLS handshake: nothing was exchanged.
    case connectionFailed(String)
    case timedOut(String)
    /// The connection broke after the response started (dropped mid-body, short body).
    case interrupted(String)
    case cancelled
    case responseTooLarge(limit: Int)
    /// Not an http or https URL (a `file://` or `gopher://` result link): never fetched.
    case unsupportedURL(String)

    package var description: String {
        switch self {
        case .connectionFailed(let why): return "cannot connect: \(why)"
        case .timedOut(let why): return "timed out: \(why)"
        case .interrupted(let why): return "the connection broke during the response: \(why)"
        case .cancelled: return "cancelled"
        case .responseTooLarge(let limit): return "the response is larger than \(limit / 1_048_576) MiB"
        case .unsupportedURL(let why): return "not fetched: \(why)"
        }
    }

    /// Whether the SDK would try again after this.
    package var isRetryable: Bool {
        switch self {
        case .connectionFailed, .timedOut, .interrupted: return true
        case .cancelled, .responseTooLarge, .unsupportedURL: return false
        }
    }

    /// Whether the request surely never reached the server (nothing was exchanged).
    package var neverSent: Bool {
        if case .connectionFailed = self { return true }
        return false
    }
}

/// Moves bytes. The API client, retries and tests are written against this protocol.
package protocol Transport: Sendable {
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}
