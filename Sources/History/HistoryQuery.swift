import Foundation

/// The search syntax shared by `darkroom history search` and the studio: words and "quoted
/// phrases" (full-text over prompt, negative prompt, model, LoRA and ControlNet names), and
/// filters `model:`, `lora:`, `seed:`, `tag:`, `fav`, `status:`, `before:`, `after:` (YYYY-MM-DD)
/// and `size:WxH`. Words may end in `*` for a prefix.
public struct HistoryQuery: Sendable, Equatable {
    public var terms: [String] = []
    public var phrases: [String] = []
    public var model: String?
    public var lora: String?
    public var seed: UInt64?
    public var tags: [String] = []
    public var favouritesOnly = false
    public var status: JobStatus?
    public var before: Date?
    public var after: Date?
    public var size: (width: Int, height: Int)?

    public init() {}

    public static func == (a: HistoryQuery, b: HistoryQuery) -> Bool {
        a.terms == b.terms && a.phrases == b.phrases && a.model == b.model && a.lora == b.lora && a.seed == b.seed
            && a.tags == b.tags && a.favouritesOnly == b.favouritesOnly && a.status == b.status && a.before == b.before
            && a.after == b.after && a.size?.width == b.size?.width && a.size?.height == b.size?.height
    }

    public var isEmpty: Bool { self == HistoryQuery() }

    /// `typing`: the text is being typed (search as you type), so its last word, when nothing
    /// follows it, matches as a prefix ("ligh" finds "lighthouse"); a space after it makes it whole.
    public static func parse(_ text: String, typing: Bool = false) throws -> HistoryQuery {
        var q = HistoryQuery()
        let tokens = tokenize(text)
        let open = typing && text.last.map { !$0.isWhitespace && $0 != "\"" } == true
        for (i, token) in tokens.enumerated() {
            if token.quoted { q.phrases.append(token.text); continue }
            let t = token.text
            if t.lowercased() == "fav" || t.lowercased() == "fav:yes" { q.favouritesOnly = true; continue }
            guard let colon = t.firstIndex(of: ":"), colon != t.startIndex else {
                q.terms.append(open && i == tokens.count - 1 && !t.hasSuffix("*") ? t + "*" : t)
                continue
            }
            let key = t[..<colon].lowercased(), value = String(t[t.index(after: colon)...])
            guard !value.isEmpty else { throw HistoryError.badQuery("\"\(t)\" needs a value after the colon") }
            switch key {
            case "model": q.model = value
            case "lora": q.lora = value
            case "tag": q.tags.append(value)
            case "seed":
                guard let s = UInt64(value) else { throw HistoryError.badQuery("seed:\(value) is not a whole number") }
                q.seed = s
            case "status":
                guard let s = JobStatus(rawValue: value.lowercased()) else {
                    throw HistoryError.badQuery("status:\(value) is not one of " + JobStatus.allCases.map(\.rawValue).joined(separator: ", "))
                }
                q.status = s
            case "before", "after":
                guard let d = day(value) else { throw HistoryError.badQuery("\(key):\(value) is not a date like 2026-11-25") }
                if key == "before" { q.before = d } else { q.after = d.addingTimeInterval(86_400) }
            case "size":
                let parts = value.lowercased().split(separator: "x").compactMap { Int($0) }
                guard parts.count == 2 else { throw HistoryError.badQuery("size:\(value) is not WIDTHxHEIGHT") }
                q.size = (parts[0], parts[1])
            default:
                // A word with a colon that is not a filter (e.g. an AIR) is searched as text.
                q.terms.append(t)
            }
        }
        return q
    }

    /// The FTS5 MATCH expression for the text part, every piece quoted so nothing is syntax.
    var matchExpression: String? {
        var parts: [String] = []
        for term in terms {
            let prefix = term.hasSuffix("*")
            let word = prefix ? String(term.dropLast()) : term
            guard !word.isEmpty else { continue }
            parts.append("\"" + word.replacingOccurrences(of: "\"", with: "\"\"") + "\"" + (prefix ? "*" : ""))
        }
        for phrase in phrases where !phrase.isEmpty {
            parts.append("\"" + phrase.replacingOccurrences(of: "\"", with: "\"\"") + "\"")
        }
        // model: and lora: become column filters over the AIR's tokens (prefixes), so the index
        // intersects them instead of every row being scanned.
        for (column, value) in [("model", model), ("loras", lora)] {
            guard let value else { continue }
            let tokens = value.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "_" }).map(String.init)
            guard !tokens.isEmpty else { continue }
            parts.append("\(column) : (" + tokens.map { "\"\($0)\"*" }.joined(separator: " ") + ")")
        }
        return parts.isEmpty ? nil : parts.joined(separator: " AND ")
    }

    static func day(_ text: String) -> Date? {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd"
        return f.date(from: text)
    }

    static func tokenize(_ text: String) -> [(text: String, quoted: Bool)] {
        var out: [(String, Bool)] = []
        var current = "", inQuote = false
        for ch in text {
            if ch == "\"" {
                if inQuote { out.append((current, true)); current = "" } else if !current.isEmpty { out.append((current, false)); current = "" }
                inQuote.toggle()
            } else if ch.isWhitespace && !inQuote {
                if !current.isEmpty { out.append((current, false)); current = "" }
            } else {
                current.append(ch)
            }
        }
        if !current.isEmpty { out.append((current, inQuote)) }
        return out
    }
}
