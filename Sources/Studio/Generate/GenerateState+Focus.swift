import RunwareAPI
import TerminalUI

extension GenerateState {
    /// The key contexts that take keys with this field focused, most specific first: text
    /// fields edit before the field keys, number fields step before text editing.
    package var keyContexts: [KeyContext] {
        if previewZoomed { return [.preview, .generate, .global] }
        return switch focusedField?.kind {
        case .prompt?: [.prompt, .text, .generate, .global]
        case .text?, .model?, .image?: [.text, .field, .generate, .global]
        case .integer?, .decimal?, .seed?: [.field, .text, .generate, .global]
        default: [.field, .generate, .global]
        }
    }

    /// Printable keys are typed into the focused field.
    package var takesText: Bool { !previewZoomed && focusedField?.kind.takesText == true }

    mutating func moveFocus(by delta: Int) {
        let n = form.fields.count
        guard n > 0 else { return }
        setFocus((focus + delta + n) % n)
    }

    mutating func setFocus(_ index: Int) {
        focus = max(0, min(form.fields.count - 1, index))
        if let field = focusedField {
            line = LineEditor(form.text(field))
            replaceOnType = field.kind.isNumber
        }
    }

    mutating func focus(path: JSONPath) {
        if let i = form.fields.firstIndex(where: { $0.path == path }) { setFocus(i) } else {
            setFocus(min(focus, form.fields.count - 1))
        }
    }

    /// Scrolls the form so the focused field and its messages are in view.
    mutating func keepFocusVisible(_ layout: GenerateLayout) {
        if focus >= form.fields.count { setFocus(form.fields.count - 1) }
        let rows = FormRow.build(form)
        guard let span = FormRow.span(of: focus, in: rows) else { return }
        let height = layout.formBody.height
        // The section head above the first field of a section comes into view with it.
        let top = max(0, span.top - 1)
        if top < formScroll { formScroll = top }
        if span.top + span.height > formScroll + height { formScroll = span.top + min(span.height, height) - height }
        let total = rows.reduce(0) { $0 + $1.height }
        formScroll = max(0, min(formScroll, max(0, total - height)))
    }

    mutating func setField(_ path: JSONPath, text: String) {
        guard let field = form.fields.first(where: { $0.path == path }) else { return }
        form.set(field, text: text)
        if focusedField?.path == path { line = LineEditor(form.text(field)) }
    }

    mutating func setPrompt(_ text: String) {
        prompt.setText(text)
        if let field = form.fields.first(where: { $0.path == "positivePrompt" }) { form.set(field, text: text) }
        focus(path: "positivePrompt")
    }

    /// A whole request into the form, focus at the top.
    mutating func load(_ object: [String: JSONValue]) {
        form.replace(with: object)
        prompt.setText(object["positivePrompt"]?.stringValue ?? "")
        setFocus(0)
        formScroll = 0
    }
}
