import Foundation

/// Collects issues with small helpers for the common rule shapes.
struct IssueList {
    var issues: [ValidationIssue] = []

    mutating func add(_ issue: ValidationIssue) { issues.append(issue) }

    /// The table row a path names; a path without one is a programming error the table test catches.
    static func row(_ path: String) -> Parameter {
        guard let row = Parameters[path] else { preconditionFailure("no parameter row for \(path)") }
        return row
    }

    /// For tasks without a parameter table (`modelSearch`).
    mutating func range(_ path: String, _ value: Int?, _ min: Int, _ max: Int) {
        guard let value, value < min || value > max else { return }
        add(.invalid(path, String(value), "must be between \(min) and \(max)"))
    }

    mutating func atLeast(_ path: String, _ value: Int?, _ min: Int) {
        guard let value, value < min else { return }
        add(.invalid(path, String(value), "must be at least \(min)"))
    }

    mutating func air(_ path: String, _ value: String) {
        if !AIR.isValid(value) {
            add(.invalid(path, "\"\(value)\"", "must be an AIR identifier source:id@version, e.g. runware:111@1"))
        }
    }

    mutating func imageReference(_ path: String, _ value: String) {
        guard value.trimmingCharacters(in: .whitespaces).isEmpty else { return }
        add(.invalid(path, "\"\"", "must be an image UUID, URL, data URI, base64 data or a file path"))
    }

    mutating func httpURL(_ path: String, _ value: String) {
        if let url = URL(string: value), let scheme = url.scheme?.lowercased(),
           scheme == "http" || scheme == "https", url.host?.isEmpty == false {
            return
        }
        add(.invalid(path, "\"\(value)\"", "must be an http:// or https:// URL"))
    }

    /// Start before end, and never the step form together with the percentage form.
    mutating func stepWindow(prefix: String, startStep: (String, Int?), endStep: (String, Int?),
                             startPercent: (String, Int?), endPercent: (String, Int?), steps: Int?) {
        let (start, end) = (prefix + startStep.0, prefix + endStep.0)
        let (startP, endP) = (prefix + startPercent.0, prefix + endPercent.0)
        // Rules between fields only for values inside their own limits (else that is the one issue).
        if let e = endStep.1, let steps, e > steps, Self.within(end, e) {
            add(.incompatible([end, "steps"], "\(e) > \(steps)", "must be less than or equal to steps"))
        }
        if let s = startStep.1, let e = endStep.1, s >= e, Self.within(start, s), Self.within(end, e) {
            add(.incompatible([start, end], "\(s) >= \(e)", "start must be before end"))
        }
        if let s = startPercent.1, let e = endPercent.1, s >= e, Self.within(startP, s), Self.within(endP, e) {
            add(.incompatible([startP, endP], "\(s) >= \(e)", "start must be before end"))
        }
        let stepForm = [startStep, endStep].filter { $0.1 != nil }.map { prefix + $0.0 }
        let percentForm = [startPercent, endPercent].filter { $0.1 != nil }.map { prefix + $0.0 }
        if !stepForm.isEmpty && !percentForm.isEmpty {
            add(.incompatible(stepForm + percentForm, nil,
                              "use either the step form or the percentage form, not both"))
        }
    }

    /// Whether an integer passes its row's range.
    static func within(_ path: String, _ value: Int) -> Bool {
        guard case .integers(let min, let max)? = row(path).range else { return true }
        return value >= min && max.map { value <= $0 } ?? true
    }

    static func nearest(_ value: String, in names: [String]) -> String? {
        let lowered = value.lowercased()
        if let exact = names.first(where: { $0.lowercased() == lowered }) { return exact }
        return names.first { $0.lowercased().hasPrefix(lowered) } ?? names.first { $0.lowercased().contains(lowered) }
    }
}
