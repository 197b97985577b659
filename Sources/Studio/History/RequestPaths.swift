import RunwareAPI

/// A request's every value by its path, nested objects and arrays opened
/// (`lora[0].weight`, `acceleratorOptions.teaCache`), for the detail and the comparison.
enum RequestPaths {
    static func flatten(_ object: [String: JSONValue]) -> [(path: String, value: String)] {
        var out: [(String, String)] = []
        func walk(_ value: JSONValue, _ path: String) {
            switch value {
            case .object(let o) where !o.isEmpty:
                for key in o.keys.sorted() { walk(o[key]!, path.isEmpty ? key : path + "." + key) }
            case .array(let items) where !items.isEmpty:
                for (i, item) in items.enumerated() { walk(item, "\(path)[\(i)]") }
            default:
                out.append((path, GenerateForm.display(value)))
            }
        }
        for key in object.keys.sorted() where key != "taskType" && key != "taskUUID" { walk(object[key]!, key) }
        return out
    }
}

/// Which words one prompt has that the other has not: the longest common run of words is kept,
/// the rest marked `-` (only in the first) and `+` (only in the second).
package enum WordDiff {
    package enum Change: Sendable, Equatable { case same, removed, added }

    package static func diff(_ a: String, _ b: String) -> [(word: String, change: Change)] {
        let x = a.split(whereSeparator: \.isWhitespace).map(String.init)
        let y = b.split(whereSeparator: \.isWhitespace).map(String.init)
        // Longest common subsequence by dynamic programming; prompts are at most 3000 characters.
        var table = Array(repeating: Array(repeating: 0, count: y.count + 1), count: x.count + 1)
        for i in stride(from: x.count - 1, through: 0, by: -1) {
            for j in stride(from: y.count - 1, through: 0, by: -1) {
                table[i][j] = x[i] == y[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var out: [(String, Change)] = []
        var i = 0, j = 0
        while i < x.count || j < y.count {
            if i < x.count, j < y.count, x[i] == y[j] {
                out.append((x[i], .same)); i += 1; j += 1
            } else if i < x.count, j == y.count || table[i + 1][j] >= table[i][j + 1] {
                // A removed word before the word added in its place: "-red +grey".
                out.append((x[i], .removed)); i += 1
            } else {
                out.append((y[j], .added)); j += 1
            }
        }
        return out
    }

    /// "-red +grey": the changed words only, in order.
    package static func summary(_ a: String, _ b: String) -> String {
        diff(a, b).compactMap { word, change in
            switch change {
            case .same: nil
            case .removed: "-" + word
            case .added: "+" + word
            }
        }.joined(separator: " ")
    }
}
