/// A search with NOT, OR and parentheses: leaves are plain conjunctions (`HistoryQuery` without a
/// tree), combined as written. AND binds tighter than OR: `fox owl OR cat` is `(fox owl) OR cat`.
package indirect enum QueryTree: Sendable, Equatable {
    case leaf(HistoryQuery)
    case all([QueryTree])
    case any([QueryTree])
    case not(QueryTree)

    static func parse(_ tokens: [HistoryQuery.Token], open: Bool) throws -> QueryTree {
        var parser = Parser(tokens: tokens, open: open)
        let tree = try parser.or()
        if parser.position < tokens.count {
            throw HistoryError.badQuery(tokens[parser.position].op == ")" ? "a \")\" has no \"(\" before it"
                : "cannot read \"\(tokens[parser.position].text)\" here")
        }
        return tree
    }

    private struct Parser {
        let tokens: [HistoryQuery.Token]
        let open: Bool
        var position = 0

        var next: HistoryQuery.Token? { position < tokens.count ? tokens[position] : nil }

        mutating func or() throws -> QueryTree {
            var parts = [try and()]
            while next?.op == "OR" {
                position += 1
                guard next != nil, next?.op != ")", next?.op != "OR" else { throw HistoryError.badQuery("OR needs a term after it") }
                parts.append(try and())
            }
            return parts.count == 1 ? parts[0] : .any(parts)
        }

        mutating func and() throws -> QueryTree {
            var parts: [QueryTree] = []
            var words: [HistoryQuery.Token] = []
            func flushWords() throws {
                guard !words.isEmpty else { return }
                parts.append(.leaf(try HistoryQuery.conjunction(words, open: open && position == tokens.count)))
                words = []
            }
            while let token = next, token.op != "OR", token.op != ")" {
                if token.isOperator {
                    try flushWords()
                    parts.append(try unary())
                } else {
                    words.append(token)
                    position += 1
                }
            }
            try flushWords()
            guard !parts.isEmpty else {
                throw HistoryError.badQuery(next?.op == ")" ? "\"()\" holds nothing" : "OR needs a term before it")
            }
            return parts.count == 1 ? parts[0] : .all(parts)
        }

        mutating func unary() throws -> QueryTree {
            guard let token = next else { throw HistoryError.badQuery("the query ends too soon") }
            switch token.op {
            case "-", "NOT":
                position += 1
                guard next != nil, next?.op != ")", next?.op != "OR" else {
                    throw HistoryError.badQuery("\(token.op == "NOT" ? "NOT" : "-") needs a term after it")
                }
                return .not(try unary())
            case "(":
                position += 1
                let inner = try or()
                guard next?.op == ")" else { throw HistoryError.badQuery("a \"(\" is not closed") }
                position += 1
                return inner
            default:
                position += 1
                return .leaf(try HistoryQuery.conjunction([token], open: open && position == tokens.count))
            }
        }
    }
}

/// `rating:4`, `rating:>=4`, `rating:<3`, `rating:0` (not rated).
package struct RatingFilter: Sendable, Equatable {
    package enum Comparison: String, Sendable { case equal = "=", atLeast = ">=", atMost = "<=", above = ">", below = "<" }
    package var comparison: Comparison
    package var value: Int

    package init?(_ text: String) {
        var rest = Substring(text)
        var comparison = Comparison.equal
        for c in [Comparison.atLeast, .atMost, .above, .below, .equal] where rest.hasPrefix(c.rawValue) {
            comparison = c
            rest = rest.dropFirst(c.rawValue.count)
            break
        }
        guard let value = Int(rest), (0...5).contains(value) else { return nil }
        self.comparison = comparison
        self.value = value
    }
}
