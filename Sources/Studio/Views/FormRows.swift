import RunwareAPI
import TerminalUI

/// The form as rows: section heads, fields, the prompt editor's lines, and each field's
/// violations right under it. Built from the state for both drawing and mouse hits.
public struct FormRow: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case estimate
        case generalIssue(String)
        case section(String)
        case field(Int)
        case promptBody(Int)
        case issue(field: Int, text: String)
    }

    public var kind: Kind
    public var height: Int

    public static func build(_ state: StudioState) -> [FormRow] {
        var rows: [FormRow] = [FormRow(kind: .estimate, height: 1)]
        for issue in state.form.unplacedIssues { rows.append(FormRow(kind: .generalIssue(issue.description), height: 1)) }
        var section = ""
        for (i, field) in state.form.fields.enumerated() {
            if field.section != section {
                section = field.section
                rows.append(FormRow(kind: .section(section), height: 1))
            }
            rows.append(FormRow(kind: .field(i), height: 1))
            if case .prompt = field.kind { rows.append(FormRow(kind: .promptBody(i), height: GenerateLayout.promptHeight)) }
            for issue in state.form.issues(for: field) {
                rows.append(FormRow(kind: .issue(field: i, text: Self.message(issue)), height: 1))
            }
        }
        return rows
    }

    /// An issue as shown under its field: the value and the rule (the field is the row above).
    static func message(_ issue: ValidationIssue) -> String {
        let others = issue.parameters.count > 1 ? " (\(issue.parameter))" : ""
        if let value = issue.value { return "\(value): \(issue.rule)\(others)" }
        return issue.rule + others
    }

    /// The first row (in row units, from the top) of a field, and its extent.
    public static func span(of field: Int, in rows: [FormRow]) -> (top: Int, height: Int)? {
        var y = 0, top: Int?, height = 0
        for row in rows {
            switch row.kind {
            case .field(field), .promptBody(field), .issue(field, _):
                if top == nil { top = y }
                height = y + row.height - top!
            default:
                if top != nil { return (top!, height) }
            }
            y += row.height
        }
        return top.map { ($0, height) }
    }
}
