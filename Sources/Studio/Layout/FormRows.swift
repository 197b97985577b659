import RunwareAPI
import TerminalUI

/// The form as rows: section heads, fields and the prompt editor's lines. A field's violations
/// are drawn on its own row, so rows never shift while typing (a shift makes ncurses scroll whole
/// terminal lines, dragging the preview pane along). Built for both drawing and mouse hits, and for
/// scrolling the focused field into view.
package struct FormRow: Sendable, Equatable {
    package enum Kind: Sendable, Equatable {
        case estimate
        case generalIssue(String)
        case section(String)
        case field(Int)
        case promptBody(Int)
    }

    package var kind: Kind
    package var height: Int

    package static func build(_ form: GenerateForm) -> [FormRow] {
        var rows: [FormRow] = [FormRow(kind: .estimate, height: 1)]
        for issue in form.unplacedIssues { rows.append(FormRow(kind: .generalIssue(FieldNames.message(issue)), height: 1)) }
        var section = ""
        for (i, field) in form.fields.enumerated() {
            if field.section != section {
                section = field.section
                rows.append(FormRow(kind: .section(section), height: 1))
            }
            rows.append(FormRow(kind: .field(i), height: 1))
            if case .prompt = field.kind { rows.append(FormRow(kind: .promptBody(i), height: GenerateLayout.promptHeight)) }
        }
        return rows
    }

    /// An issue as shown beside its field: the value and the rule (the row names the field).
    package static func message(_ issue: ValidationIssue) -> String {
        let others = issue.parameters.count > 1 ? " (\(FieldNames.names(of: issue.parameters)))" : ""
        if let value = issue.value { return "\(value): \(issue.rule)\(others)" }
        return issue.rule + others
    }

    /// The first row (in row units, from the top) of a field, and its extent.
    package static func span(of field: Int, in rows: [FormRow]) -> (top: Int, height: Int)? {
        var y = 0, top: Int?, height = 0
        for row in rows {
            switch row.kind {
            case .field(field), .promptBody(field):
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
