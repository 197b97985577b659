import Foundation

/// Collects issues with small helpers for the common rule shapes.
struct IssueList {
    var issues: [ValidationIssue] = []

    mutating func add(_ issue: ValidationIssue) { issues.append(issue) }

    mutating func range(_ path: String, _ value: Int?, _ min: Int, _ max: Int) {
        guard let value, value < min || value > max else { return }
        add(.invalid(path, String(value), "must be between \(min) and \(max)"))
    }

    mutating func range(_ path: String, _ value: Double?, _ min: Double, _ max: Double) {
        guard let value else { return }
        if !value.isFinite || value < min || value > max {
            add(.invalid(path, JSONValue.format(value),
                         "must be between \(JSONValue.format(min)) and \(JSONValue.format(max))"))
        }
    }

    mutating func atLeast(_ path: String, _ value: Int?, _ min: Int) {
        guard let value, value < min else { return }
        add(.invalid(path, String(value), "must be at least \(min)"))
    }

    mutating func finite(_ path: String, _ value: Double?) {
        guard let value, !value.isFinite else { return }
        add(.invalid(path, String(value), "must be a finite number"))
    }

    mutating func choice<C: StringChoice>(_ path: String, _ value: C?) {
        guard let value, !value.isAllowed else { return }
        let list = C.allowed.count > 16
            ? "\(C.allowed.count) documented names (see --help)"
            : C.allowed.joined(separator: ", ")
        var issue = ValidationIssue.invalid(path, "\"\(value.rawValue)\"", "must be one of \(list)")
        if C.allowed.count > 16, let near = Self.nearest(value.rawValue, in: C.allowed) {
            issue.rule += "; did you mean \"\(near)\"?"
        }
        add(issue)
    }

    mutating func text(_ path: String, _ value: String?, _ min: Int, _ max: Int, code: String? = nil) {
        guard let value else { return }
        let n = value.count
        guard n < min || n > max else { return }
        var issue = ValidationIssue.invalid(path, n == 1 ? "1 character" : "\(n) characters", "must be \(min) to \(max) characters")
        if let code { issue.code = code }
        add(issue)
    }

    mutating func air(_ path: String, _ value: String?) {
        guard let value else { return }
        if value.isEmpty { add(.missing(path, "is required (an AIR such as runware:111@1)")); return }
        if !AIR.isValid(value) {
            add(.invalid(path, "\"\(value)\"", "must be an AIR identifier source:id@version, e.g. runware:111@1"))
        }
    }

    mutating func imageReference(_ path: String, _ value: String?) {
        guard let value, value.trimmingCharacters(in: .whitespaces).isEmpty else { return }
        add(.invalid(path, "\"\"", "must be an image UUID, URL, data URI, base64 data or a file path"))
    }

    mutating func count(_ path: String, _ values: [String]?, exactly n: Int) {
        guard let values, values.count != n else { return }
        add(.invalid(path, "\(values.count) items", "must hold exactly \(n) image\(n == 1 ? "" : "s")"))
    }

    mutating func nonEmpty<T>(_ path: String, _ values: [T]?) {
        guard let values, values.isEmpty else { return }
        add(.invalid(path, "0 items", "must hold at least 1 item (leave it out instead)"))
    }

    mutating func httpURL(_ path: String, _ value: String?) {
        guard let value else { return }
        if let url = URL(string: value), let scheme = url.scheme?.lowercased(),
           scheme == "http" || scheme == "https", url.host?.isEmpty == false {
            return
        }
        add(.invalid(path, "\"\(value)\"", "must be an http:// or https:// URL"))
    }

    /// Start before end, and never the step form together with the percentage form.
    mutating func stepWindow(prefix: String, startStep: (String, Int?), endStep: (String, Int?),
                             startPercent: (String, Int?), endPercent: (String, Int?), steps: Int?) {
        atLeast(prefix + startStep.0, startStep.1, 0)
        atLeast(prefix + endStep.0, endStep.1, 1)
        range(prefix + startPercent.0, startPercent.1, 0, 99)
        range(prefix + endPercent.0, endPercent.1, 1, 100)
        if let end = endStep.1, let steps, end > steps, end >= 1 {
            add(.incompatible([prefix + endStep.0, "steps"], "\(end) > \(steps)",
                              "must be less than or equal to steps"))
        }
        if let s = startStep.1, let e = endStep.1, s >= e, s >= 0, e >= 1 {
            add(.incompatible([prefix + startStep.0, prefix + endStep.0], "\(s) >= \(e)", "start must be before end"))
        }
        if let s = startPercent.1, let e = endPercent.1, s >= e, (0...99).contains(s), (1...100).contains(e) {
            add(.incompatible([prefix + startPercent.0, prefix + endPercent.0], "\(s) >= \(e)",
                              "start must be before end"))
        }
        let stepForm = [startStep, endStep].filter { $0.1 != nil }.map { prefix + $0.0 }
        let percentForm = [startPercent, endPercent].filter { $0.1 != nil }.map { prefix + $0.0 }
        if !stepForm.isEmpty && !percentForm.isEmpty {
            add(.incompatible(stepForm + percentForm, nil,
                              "use either the step form or the percentage form, not both"))
        }
    }

    static func nearest(_ value: String, in names: [String]) -> String? {
        let lowered = value.lowercased()
        if let exact = names.first(where: { $0.lowercased() == lowered }) { return exact }
        return names.first { $0.lowercased().hasPrefix(lowered) } ?? names.first { $0.lowercased().contains(lowered) }
    }
}
