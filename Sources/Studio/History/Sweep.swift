import Foundation
import RunwareAPI

/// A sweep: one or two parameters, each with a list of values, over a base request; one job per
/// cell, shown as a labelled contact sheet.
public struct SweepAxis: Sendable, Equatable {
    public var name: String
    public var values: [String]
}

public struct SweepCell: Sendable, Equatable {
    public var label: String
    public var path: String?
    public var failure: String?
}

public struct SweepGrid: Sendable, Equatable {
    public var baseJobID: Int64
    public var axes: [SweepAxis]
    /// Row-major: a row per value of the second axis (one row without it), a column per value of the first.
    public var cells: [SweepCell]
    public var savedPNG: String?

    public var columns: Int { axes[0].values.count }
    public var rows: Int { axes.count > 1 ? axes[1].values.count : 1 }
    public var columnLabels: [String] { axes[0].values.map { "\(axes[0].name)=\($0)" } }
    public var rowLabels: [String] { axes.count > 1 ? axes[1].values.map { "\(axes[1].name)=\($0)" } : [] }

    public static let maxCells = 36

    public struct ParseError: Error, Sendable, CustomStringConvertible, Equatable {
        public var description: String
    }

    /// `CFGScale=2,4,6 steps=20,28,36`: one or two axes, each a field name and its values.
    public static func axes(_ text: String, fields: [FieldSpec]) throws -> [SweepAxis] {
        let parts = text.split(separator: " ").filter { $0.lowercased() != "by" && $0 != "x" }
        guard (1...2).contains(parts.count) else {
            throw ParseError(description: "give one or two parameters, e.g. CFGScale=2,4,6 steps=20,28,36")
        }
        var axes: [SweepAxis] = []
        for part in parts {
            let pieces = part.split(separator: "=", maxSplits: 1).map(String.init)
            guard pieces.count == 2 else { throw ParseError(description: "\"\(part)\": write NAME=value,value,...") }
            guard let field = fields.first(where: { $0.path.description.caseInsensitiveCompare(pieces[0]) == .orderedSame }),
                  field.kind.takesText || { if case .choice = field.kind { true } else { false } }(), field.kind != .prompt
            else {
                throw ParseError(description: "\"\(pieces[0])\" is not a parameter a sweep can vary (try steps, CFGScale, seed, scheduler, lora[0].weight)")
            }
            let values = pieces[1].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard !values.isEmpty else { throw ParseError(description: "\"\(pieces[0])\" has no values") }
            axes.append(SweepAxis(name: field.path.description, values: values))
        }
        let cells = axes.reduce(1) { $0 * $1.values.count }
        guard cells <= maxCells else { throw ParseError(description: "\(cells) cells; a sweep holds at most \(maxCells)") }
        return axes
    }

    /// The request of every cell, row-major, or the first cell that breaks a documented limit.
    public static func requests(base: [String: JSONValue], axes: [SweepAxis]) throws -> [(label: String, request: ImageInferenceRequest)] {
        let rowValues: [String?] = axes.count > 1 ? axes[1].values : [nil]
        var out: [(String, ImageInferenceRequest)] = []
        for rowValue in rowValues {
            for value in axes[0].values {
                var form = GenerateForm(document: base)
                var label = "\(axes[0].name)=\(value)"
                var settings = [(axes[0].name, value)]
                if let rowValue { settings.append((axes[1].name, rowValue)); label += " \(axes[1].name)=\(rowValue)" }
                for (name, v) in settings {
                    guard let field = form.fields.first(where: { $0.path.description == name }) else {
                        throw ParseError(description: "\(name) is not in this request")
                    }
                    form.set(field, text: v)
                }
                if let issue = form.issues.first { throw ParseError(description: "cell \(label): \(issue.description)") }
                out.append((label, form.draft))
            }
        }
        return out
    }
}
