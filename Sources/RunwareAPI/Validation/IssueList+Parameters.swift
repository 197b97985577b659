import Foundation
import RunwareAPI

/// Single-field limits, checked by walking the parameter table over the task object: every value
/// at a row's path is held to that row's kind, range, multiple, allowed values and item count.
extension IssueList {
    /// Checks every value the task holds against its row, except paths in `skipping` (a field that
    /// a rule about the whole task already named gets one issue, not two).
    mutating func checkRows(of task: JSONValue, skipping: Set<String>) {
        for row in Parameters.all {
            for (path, value) in Self.values(at: row.path.split(separator: ".").map(String.init)[...], in: task, prefix: "")
            where !skipping.contains(path) {
                check(row, path, value)
            }
        }
    }

    /// The values at a table path, with `[]` expanded over every item: (`lora[1].weight`, 0.5).
    static func values(at keys: ArraySlice<String>, in value: JSONValue, prefix: String) -> [(String, JSONValue)] {
        guard let first = keys.first else { return [(prefix, value)] }
        let isStack = first.hasSuffix("[]")
        let key = isStack ? String(first.dropLast(2)) : first
        guard let child = value.objectValue?[key], child != .null else { return [] }
        let path = prefix.isEmpty ? key : prefix + "." + key
        guard isStack else { return values(at: keys.dropFirst(), in: child, prefix: path) }
        return (child.arrayValue ?? []).enumerated().flatMap { i, item in
            values(at: keys.dropFirst(), in: item, prefix: "\(path)[\(i)]")
        }
    }

    mutating func check(_ row: Parameter, _ path: String, _ value: JSONValue) {
        switch (row.kind, value) {
        case (.integer, .int(let i)): integer(row, path, i)
        case (.decimal, _): decimal(row, path, value)
        case (.seed, .uint(let u)): seed(row, path, u)
        case (.prompt, .string(let s)), (.text, .string(let s)): text(row, path, s)
        case (.uuid, .string(let s)):
            if !TaskID.isV4(s) { add(.invalid(path, "\"\(s)\"", "must be a UUID v4")) }
        case (.url, .string(let s)): httpURL(path, s)
        case (.choice, .string(let s)):
            if !row.allows(s) { choice(row, path, s) }
        case (.model, .string(let s)):
            if s.isEmpty { add(.missing(path)) } else { air(path, s) }
        case (.image, .string(let s)):
            if s.isEmpty && row.required { add(.missing(path)) } else { imageReference(path, s) }
        case (.images, .array(let items)):
            images(row, path, items)
        case (.stack, .array(let items)):
            if case .items(let min, _)? = row.range, items.count < min {
                add(.invalid(path, "\(items.count) items", "must hold at least \(min) item (leave it out instead)"))
            }
        default:
            break
        }
    }

    private mutating func integer(_ row: Parameter, _ path: String, _ value: Int64) {
        guard case .integers(let min, let max)? = row.range, let rule = row.rangeRule else { return }
        let outside = value < min || max.map { value > $0 } ?? false
        let offGrid = row.multipleOf.map { value % Int64($0) != 0 } ?? false
        if outside || offGrid { add(.invalid(path, String(value), rule)) }
    }

    /// A number against its row's range; without one it only has to be finite. Non-finite numbers
    /// arrive as the strings `nan`, `inf`, `-inf` (`RunwareJSON.validationView`).
    private mutating func decimal(_ row: Parameter, _ path: String, _ value: JSONValue) {
        let number: Double? = switch value {
        case .double(let d): d
        case .int(let i): Double(i)
        case .string(let s): Double(s)
        default: nil
        }
        guard let number else { return }
        guard case .decimals(let min, let max)? = row.range, let rule = row.rangeRule else {
            if !number.isFinite { add(.invalid(path, String(number), "must be a finite number")) }
            return
        }
        if !number.isFinite || number < min || max.map({ number > $0 }) ?? false {
            add(.invalid(path, JSONValue.format(number), rule))
        }
    }

    private mutating func seed(_ row: Parameter, _ path: String, _ value: UInt64) {
        guard case .integers(_, let max?)? = row.range, value > UInt64(max) else { return }
        add(.invalid(path, String(value), "must be between 0 and \(max)"))
    }

    private mutating func text(_ row: Parameter, _ path: String, _ value: String) {
        guard case .characters(let min, let max)? = row.range, let rule = row.rangeRule else { return }
        if value.isEmpty && row.required {
            add(.missing(path, "is required (\(rule.replacingOccurrences(of: "must be ", with: "")))"))
            return
        }
        let n = value.count
        guard n < min || n > max else { return }
        var issue = ValidationIssue.invalid(path, n == 1 ? "1 character" : "\(n) characters", rule)
        issue.code = "invalid" + ValidationIssue.upperFirst(ValidationIssue.lastKey(path)) + "Length"
        add(issue)
    }

    private mutating func choice(_ row: Parameter, _ path: String, _ value: String) {
        let many = row.allowed.count > 16
        let lister = row.path == "scheduler" ? "`darkroom generate --list-schedulers` prints them" : "see --help"
        let list = many ? "\(row.allowed.count) documented names (\(lister))" : row.allowed.joined(separator: ", ")
        var issue = ValidationIssue.invalid(path, "\"\(value)\"", "must be one of \(list)")
        if many, let near = Self.nearest(value, in: row.allowed) {
            issue.rule += "; did you mean \"\(near)\"?"
        }
        add(issue)
    }

    private mutating func images(_ row: Parameter, _ path: String, _ items: [JSONValue]) {
        if case .items(let min, let max)? = row.range {
            if let max, min == max, items.count != min {
                add(.invalid(path, "\(items.count) items", "must hold exactly \(counted(min, "image"))"))
            } else if items.count < min {
                add(.missing(path, "needs at least \(counted(min, "image"))"))
            }
        }
        for (j, item) in items.enumerated() {
            if let s = item.stringValue { imageReference("\(path)[\(j)]", s) }
        }
    }
}
