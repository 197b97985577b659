/// A task object that came from a file (an image's texts, the studio's saved state) held to the
/// parameter table's sizes before Darkroom keeps or shows it: each text to its row's most
/// characters (`positivePrompt` 3,000), each list to its row's most items, or to
/// `undocumentedItemLimit` where the table documents none. One 40 MB prompt once made a 160 MB
/// History, and 1,500 LoRAs froze the studio.
package enum SizeCaps {
    /// The most items kept of a list whose row documents no maximum (LoRA, ControlNet, IP-Adapters).
    package static let undocumentedItemLimit = 32

    /// The object within the table's sizes, and what was cut, one entry each: "positivePrompt
    /// after its first 3000 characters (it had 40000000; the limit is 3000)".
    package static func capped(_ object: [String: JSONValue]) -> (object: [String: JSONValue], cuts: [String]) {
        var value = JSONValue.object(object)
        var cuts: [String] = []
        // Lists first, so the rows inside a stack walk only the items kept.
        for row in Parameters.all {
            guard row.kind == .stack || row.kind == .images, case .items(_, let max)? = row.range else { continue }
            let limit = max ?? undocumentedItemLimit
            value = rewrite(value, at: keys(row)) { path, list in
                guard let items = list.arrayValue, items.count > limit else { return nil }
                let why = max == nil ? "Darkroom keeps \(limit) where the API documents no limit" : "the limit is \(limit)"
                cuts.append("\(path) after its first \(limit) items (it had \(items.count); \(why))")
                return .array(Array(items.prefix(limit)))
            }
        }
        for row in Parameters.all {
            guard row.kind == .prompt || row.kind == .text, case .characters(_, let max)? = row.range else { continue }
            value = rewrite(value, at: keys(row)) { path, text in
                guard let s = text.stringValue, s.count > max else { return nil }
                cuts.append("\(path) after its first \(max) characters (it had \(s.count); the limit is \(max))")
                return .string(String(s.prefix(max)))
            }
        }
        return (value.objectValue ?? object, cuts)
    }

    private static func keys(_ row: Parameter) -> ArraySlice<String> {
        row.path.split(separator: ".").map(String.init)[...]
    }

    /// `value` with what `change` answers put at every place the table path names (`[]` expands
    /// over each item, as `IssueList.values(at:in:prefix:)` reads them); nil leaves a value as it is.
    static func rewrite(_ value: JSONValue, at keys: ArraySlice<String>, prefix: String = "",
                        _ change: (String, JSONValue) -> JSONValue?) -> JSONValue {
        guard let first = keys.first else { return change(prefix, value) ?? value }
        let isStack = first.hasSuffix("[]")
        let key = isStack ? String(first.dropLast(2)) : first
        guard var object = value.objectValue, let child = object[key], child != .null else { return value }
        let path = prefix.isEmpty ? key : prefix + "." + key
        if isStack {
            guard let items = child.arrayValue else { return value }
            object[key] = .array(items.enumerated().map { i, item in rewrite(item, at: keys.dropFirst(), prefix: "\(path)[\(i)]", change) })
        } else {
            object[key] = rewrite(child, at: keys.dropFirst(), prefix: path, change)
        }
        return .object(object)
    }
}
