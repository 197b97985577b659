import Foundation

/// The search syntax shared by `darkroom history search` and the studio: words and "quoted
/// phrases" (full-text over prompt, negative prompt, model, LoRA and ControlNet names), and
/// filters `model:`, `lora:`, `seed:`, `tag:`, `fav`, `status:`, `before:`, `after:` (YYYY-MM-DD),
/// `size:WxH` and `rating:` (`rating:4`, `rating:>=4`, `rating:0` for unrated). Words may end in
/// `*` for a prefix. `-word` or `NOT word` leaves out, `OR` between terms takes either,
/// parentheses group (`(fox OR owl) -status:failed`), and `@name` is a saved search.
///
/// A query of plain terms is one conjunction (this struct's fields, searched through the
/// full-text index in rowid order); one with NOT, OR or parentheses is a `tree` of them.
package struct HistoryQuery: Sendable, Equatable {
    package var terms: [String] = []
    package var phrases: [String] = []
    package var model: String?
    package var lora: String?
    package var seed: UInt64?
    package var tags: [String] = []
    package var favouritesOnly = false
    package var status: JobStatus?
    package var before: Date?
    package var after: Date?
    package var size: (width: Int, height: Int)?
    package var rating: RatingFilter?
    /// `stack:ID`: the jobs whose requests differ from job ID's only in seed.
    package var stackOf: Int64?
    /// NOT, OR and parentheses: the whole query, its leaves plain conjunctions; the fields above
    /// are then empty.
    package var tree: QueryTree?

    package init() {}

    package static func == (a: HistoryQuery, b: HistoryQuery) -> Bool {
        a.terms == b.terms && a.phrases == b.phrases && a.model == b.model && a.lora == b.lora && a.seed == b.seed
            && a.tags == b.tags && a.favouritesOnly == b.favouritesOnly && a.status == b.status && a.before == b.before
            && a.after == b.after && a.size?.width == b.size?.width && a.size?.height == b.size?.height
            && a.rating == b.rating && a.tree == b.tree && a.stackOf == b.stackOf
    }

    package var isEmpty: Bool { self == HistoryQuery() }

    /// `typing`: the text is being typed (search as you type), so its last word, when nothing
    /// follows it, matches as a prefix ("ligh" finds "lighthouse"); a space after it makes it whole.
    /// `saved`: the query text of a saved search by name, for `@name`.
    package static func parse(_ text: String, typing: Bool = false, saved: (String) -> String? = { _ in nil }) throws -> HistoryQuery {
        let expanded = try expandSaved(text, saved: saved)
        let open = typing && expanded.last.map { !$0.isWhitespace && $0 != "\"" && $0 != ")" } == true
        let tokens = tokenize(expanded)
        if tokens.contains(where: \.isOperator) {
            var q = HistoryQuery()
            q.tree = try QueryTree.parse(tokens, open: open)
            return q
        }
        return try conjunction(tokens, open: open)
    }

    /// Plain terms, all of which must match.
    static func conjunction(_ tokens: [Token], open: Bool) throws -> HistoryQuery {
        var q = HistoryQuery()
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
            case "stack":
                guard let id = Int64(value) else { throw HistoryError.badQuery("stack:\(value) is not a job id") }
                q.stackOf = id
            case "rating":
                guard let r = RatingFilter(value) else {
                    throw HistoryError.badQuery("rating:\(value) is not a rating 0-5 (rating:4, rating:>=4, rating:<3, rating:0 for unrated)")
                }
                q.rating = r
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

    /// A word, a "phrase" or an operator: `(`, `)`, `OR`, `NOT`, and `-` before a term.
    struct Token: Sendable, Equatable {
        var text: String
        var quoted: Bool
        /// `(`, `)`, `OR`, `NOT` or `-` (a minus glued to the term after it).
        var op: String?
        var isOperator: Bool { op != nil }

        static func word(_ text: String, quoted: Bool = false) -> Token { Token(text: text, quoted: quoted, op: nil) }
        static func op(_ op: String) -> Token { Token(text: op, quoted: false, op: op) }
    }

    static func tokenize(_ text: String) -> [Token] {
        var out: [Token] = []
        var current = "", inQuote = false
        func flush() {
            guard !current.isEmpty else { return }
            if current == "OR" || current == "|" { out.append(.op("OR")) } else if current == "NOT" { out.append(.op("NOT")) } else {
                out.append(.word(current))
            }
            current = ""
        }
        for ch in text {
            if ch == "\"" {
                if inQuote { out.append(.word(current, quoted: true)); current = "" } else {
                    if current == "-" { out.append(.op("-")); current = "" }
                    flush()
                }
                inQuote.toggle()
            } else if inQuote {
                current.append(ch)
            } else if ch.isWhitespace {
                flush()
            } else if ch == "(" || ch == ")" {
                if current == "-" && ch == "(" { out.append(.op("-")); current = "" }
                flush()
                out.append(.op(String(ch)))
            } else if ch == "-" && current.isEmpty {
                out.append(.op("-"))
            } else {
                current.append(ch)
            }
        }
        if inQuote { out.append(.word(current, quoted: true)) } else { flush() }
        // A lone "-" (typed, then a space) means nothing.
        return out.enumerated().filter { i, t in !(t.op == "-" && (i + 1 == out.count || out[i + 1].op == ")" || out[i + 1].op == "OR")) }
            .map(\.element)
    }

    /// `@name` replaced by the saved search's text, in parentheses; names inside it too, up to a depth.
    static func expandSaved(_ text: String, saved: (String) -> String?, depth: Int = 0) throws -> String {
        guard text.contains("@") else { return text }
        guard depth < 8 else { throw HistoryError.badQuery("saved searches name each other in a circle") }
        var out = "", i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            let atWordStart = i == text.startIndex || text[text.index(before: i)].isWhitespace || text[text.index(before: i)] == "("
                || text[text.index(before: i)] == "-"
            if c == "@", atWordStart {
                var j = text.index(after: i)
                while j < text.endIndex, text[j].isLetter || text[j].isNumber || text[j] == "-" || text[j] == "_" { j = text.index(after: j) }
                let name = String(text[text.index(after: i)..<j])
                guard !name.isEmpty else { out.append(c); i = j; continue }
                guard let body = saved(name) else { throw HistoryError.badQuery("no saved search called @\(name)") }
                out += "(" + (try expandSaved(body, saved: saved, depth: depth + 1)) + ")"
                i = j
            } else {
                out.append(c)
                i = text.index(after: i)
            }
        }
        return out
    }
}
