/// A misbehaviour the sandbox can put on a reply, for reliability tests.
///
/// Spelled `delay=MS`, `status=CODE` (429 comes with `Retry-After`), `429`, `500`, `503`,
/// `drop` (connection closed mid-body), `truncate` (JSON cut short, complete HTTP message),
/// `malformed` (not JSON), `html` (an HTML error page), `trickle=MS` (body in small pieces, MS
/// apart), `partial=N` (the last N images of an imageInference task fail on their own, blocked
/// by the provider's content policy, while the others arrive). A `*N` suffix limits a planned
/// fault to the next N requests: `429*2`.
package enum Fault: Sendable, Hashable, CustomStringConvertible {
    case delay(milliseconds: Int)
    case status(Int)
    case drop
    case truncate
    case malformed
    case html
    case trickle(milliseconds: Int)
    case partial(failing: Int)

    package static let header = "X-Sandbox-Fault"

    package static func parse(_ text: String) throws -> Fault {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        let parts = t.split(separator: "=", maxSplits: 1).map(String.init)
        let value = parts.count == 2 ? Int(parts[1]) : nil
        switch parts.first ?? "" {
        case "delay": if let value, value >= 0 { return .delay(milliseconds: value) }
        case "trickle": return .trickle(milliseconds: max(0, value ?? 20))
        case "partial": if let value, value > 0 { return .partial(failing: value) }
        case "status": if let value, (400...599).contains(value) { return .status(value) }
        case "drop": return .drop
        case "truncate": return .truncate
        case "malformed": return .malformed
        case "html": return .html
        default: if let code = Int(t), (400...599).contains(code) { return .status(code) }
        }
        throw FaultParseError(text: text)
    }

    /// Several faults, comma separated.
    package static func parseList(_ text: String) throws -> [Fault] {
        try text.split(separator: ",").map { try parse(String($0)) }
    }

    package var description: String {
        switch self {
        case .delay(let ms): return "delay=\(ms)"
        case .status(let code): return "status=\(code)"
        case .drop: return "drop"
        case .truncate: return "truncate"
        case .malformed: return "malformed"
        case .html: return "html"
        case .trickle(let ms): return "trickle=\(ms)"
        case .partial(let n): return "partial=\(n)"
        }
    }
}

package struct FaultParseError: Error, CustomStringConvertible {
    package let text: String
    package var description: String {
        "unknown fault \"\(text)\"; use delay=MS, status=CODE, 429, 500, 503, drop, truncate, malformed, html, trickle=MS or partial=N"
    }
}

/// Faults for the next requests: each entry applies to `remaining` requests (nil: all of them).
package struct FaultPlan: Sendable {
    package struct Entry: Sendable {
        package var faults: [Fault]
        package var remaining: Int?
    }
    package private(set) var entries: [Entry] = []

    package init() {}

    /// `429*2`, `drop`, `delay=50,500*1`.
    package init(specs: [String]) throws {
        for spec in specs {
            let pieces = spec.split(separator: "*", maxSplits: 1).map(String.init)
            var count: Int?
            if pieces.count == 2 {
                guard let n = Int(pieces[1]), n > 0 else { throw FaultParseError(text: spec) }
                count = n
            }
            entries.append(Entry(faults: try Fault.parseList(pieces[0]), remaining: count))
        }
    }

    /// The faults for the next request, consuming one use of the first entry.
    package mutating func next() -> [Fault] {
        guard !entries.isEmpty else { return [] }
        let faults = entries[0].faults
        if let n = entries[0].remaining {
            if n <= 1 { entries.removeFirst() } else { entries[0].remaining = n - 1 }
        }
        return faults
    }
}
