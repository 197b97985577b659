/// Everything that can go wrong talking to the API, as values a caller can act on.
package enum RunwareError: Error, Sendable, CustomStringConvertible {
    /// The request broke documented rules; nothing was sent.
    case invalidRequest(ValidationFailure)
    /// The API answered with error objects.
    case api(status: Int, errors: [APIErrorObject])
    /// The network failed: nothing usable arrived.
    case transport(TransportError)
    /// An answer arrived but is not what the protocol promises (an HTML page, cut JSON...).
    case badResponse(status: Int, reason: String)

    package var description: String {
        switch self {
        case .invalidRequest(let e): return e.description
        case .api(let status, let errors):
            let list = errors.map(\.description).joined(separator: "; ")
            return "the API refused the request (HTTP \(status)): \(list)"
        case .transport(let e): return e.description
        case .badResponse(let status, let reason): return "unreadable answer (HTTP \(status)): \(reason)"
        }
    }

    package var isAuthFailure: Bool {
        if case .api(let status, let errors) = self {
            return status == 401 || errors.contains { $0.kind == .auth }
        }
        return false
    }
}
