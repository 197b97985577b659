import Foundation
import RunwareAPI
import TerminalUI

/// The left pane: every field of the request, its value, its limit, and its violations.
struct FormView {
    var theme: Theme
    static let labelWidth = 16

    /// `focused`: no pop-up is open over the form.
    /// `title`: the box's, with the preview key in it when only the form fits.
    func draw(_ state: GenerateState, focused: Bool, layout: GenerateLayout, title: String = "Generate",
              into frame: inout Frame) -> (x: Int, y: Int)? {
        let overlayOpen = !focused
        frame.box(layout.form, style: theme.style(overlayOpen ? "border" : "border.focused"), title: title,
                  titleStyle: theme.style("title"))
        let body = layout.formBody
        var y = body.y - state.formScroll
        var cursor: (x: Int, y: Int)?
        var estimateShown = false
        for row in FormRow.build(state.form) {
            defer { y += row.height }
            guard y + row.height > body.y, y < body.y + body.height else { continue }
            switch row.kind {
            case .estimate:
                estimateShown = inside(y, body)
                drawEstimate(state, x: body.x, y: y, width: body.width, into: &frame)
            case .generalIssue(let text):
                if inside(y, body) { frame.putClipped("! " + text, x: body.x, y: y, style: theme.style("field.error"), maxWidth: body.width) }
            case .section(let name):
                if inside(y, body) {
                    let line = "── \(name) " + String(repeating: "─", count: max(0, body.width - DisplayWidth.of(name) - 4))
                    frame.put(line, x: body.x, y: y, style: theme.style("border"), maxWidth: body.width)
                    frame.put(name, x: body.x + 3, y: y, style: theme.style("title"), maxWidth: body.width - 3)
                }
            case .field(let i):
                if inside(y, body), let c = drawField(i, state, focused: focused, x: body.x, y: y, width: body.width, into: &frame) { cursor = c }
            case .promptBody:
                let width = body.width - 2
                let top = max(y, body.y), visible = min(y + row.height, body.y + body.height) - top
                guard visible > 0, width > 0 else { continue }
                let focused = state.focusedField.map { if case .prompt = $0.kind { true } else { false } } ?? false
                let style = theme.style(focused ? "field.focused" : "field.value")
                let c: (x: Int, y: Int)
                if visible == row.height {
                    c = state.prompt.draw(into: &frame, x: body.x + 1, y: y, width: width, height: row.height, style: style)
                } else {
                    // Scrolled partly out of the pane: draw aside, copy the rows inside it.
                    var lines = frame
                    c = state.prompt.draw(into: &lines, x: body.x + 1, y: y, width: width, height: row.height, style: style)
                    for yy in top..<(top + visible) {
                        for xx in (body.x + 1)..<(body.x + 1 + width) { frame[xx, yy] = lines[xx, yy] }
                    }
                }
                if focused && !overlayOpen && c.y >= body.y && c.y < body.y + body.height { cursor = c }
            }
        }
        // Scrolled out of view, the cost and the problem count stay in the top border.
        if !estimateShown { drawPinnedSummary(state, layout: layout, into: &frame) }
        return overlayOpen ? nil : cursor
    }

    /// "~$0.0040 · 2 problems" at the right of the form's top border.
    private func drawPinnedSummary(_ state: GenerateState, layout: GenerateLayout, into frame: inout Frame) {
        let n = state.form.draft.resultCount
        let cost: String? = switch state.estimates[state.estimateKey] ?? .unknown {
        case .unknown: nil
        case .perImage(let each, _), .published(let each): String(format: "~$%.4f", each * Double(n))
        }
        let problems = state.form.issues.count
        let ready = problems == 0 ? "ready" : "\(counted(problems, "problem"))"
        let costText = cost.map { " \($0) ·" } ?? ""
        let width = DisplayWidth.of(costText) + DisplayWidth.of(ready) + 2
        let x = layout.form.x + layout.form.width - 2 - width
        guard x > layout.form.x + 12 else { return }
        frame.put(costText, x: x, y: layout.form.y, style: theme.style("hint"), maxWidth: DisplayWidth.of(costText))
        let readyX = x + DisplayWidth.of(costText) + 1
        frame.put(ready, x: readyX, y: layout.form.y, style: theme.style(problems == 0 ? "field.label" : "field.error"),
                  maxWidth: DisplayWidth.of(ready))
    }

    private func inside(_ y: Int, _ r: GenerateLayout.Rect) -> Bool { y >= r.y && y < r.y + r.height }

    private func drawEstimate(_ state: GenerateState, x: Int, y: Int, width: Int, into frame: inout Frame) {
        let n = state.form.draft.resultCount
        let text: String
        switch state.estimates[state.estimateKey] ?? .unknown {
        case .unknown: text = "Cost: unknown (nothing comparable in History)"
        case .perImage(let each, let samples):
            let total = String(format: "$%.4f", each * Double(n))
            text = "Cost: ~\(total) estimated" + times(each, n)
                + " from \(counted(samples, "past job"))"
        case .published(let each):
            let total = String(format: "$%.4f", each * Double(n))
            text = "Cost: ~\(total)" + times(each, n) + " at Runware's published price"
        }
        let problems = state.form.issues.count
        let ready = problems == 0 ? "ready" : "\(counted(problems, "problem"))"
        let readyStyle = theme.style(problems == 0 ? "field.label" : "field.error")
        let used = DisplayWidth.of(ready)
        frame.putClipped(text, x: x, y: y, style: theme.style("hint"), maxWidth: max(0, width - used - 2))
        frame.put(ready, x: x + width - used, y: y, style: readyStyle, maxWidth: used)
    }

    /// " ($0.0040 × 3)" for more than one image. The count is printed whole: `%d` took the low
    /// 32 bits of an Int (10^12 images read "× -727379968").
    private func times(_ each: Double, _ n: Int) -> String {
        n > 1 ? String(format: " ($%.4f × ", each) + "\(n))" : ""
    }

    private func drawField(_ i: Int, _ state: GenerateState, focused formFocused: Bool, x: Int, y: Int, width: Int,
                           into frame: inout Frame) -> (x: Int, y: Int)? {
        let field = state.form.fields[i]
        let focused = i == state.focus && formFocused
        let issues = state.form.issues(for: field)
        let hasIssue = !issues.isEmpty
        let indent = field.depth * 2
        let label = String(repeating: " ", count: indent) + field.label
        let labelStyle = theme.style(hasIssue ? "field.error" : "field.label")
        if focused { frame.fill(x: x, y: y, width: width, height: 1, style: theme.style("field.focused")) }
        frame.putClipped(label, x: x, y: y, style: focused ? theme.style("field.focused") : labelStyle, maxWidth: Self.labelWidth - 1)
        let valueX = x + Self.labelWidth
        // A violation takes the place of the limit hint, right of the value.
        let issueText = issues.first.map { " ! " + FormRow.message($0) + (issues.count > 1 ? " (+\(issues.count - 1))" : "") }
        let limitText = issueText ?? field.limit.map { " \($0)" } ?? ""
        let valueColumns = max(12, min(DisplayWidth.of(state.form.text(field)) + 2, (width - Self.labelWidth) / 2))
        let limitWidth = min(DisplayWidth.of(limitText), max(0, width - Self.labelWidth - (issueText == nil ? 12 : valueColumns)))
        let valueWidth = max(1, width - Self.labelWidth - limitWidth)
        let valueStyle = theme.style(focused ? "field.focused" : "field.value")
        let hintStyle = focused ? theme.style("field.focused") : theme.style("hint")
        if limitWidth > 0 {
            frame.putClipped(limitText, x: x + width - limitWidth, y: y, style: issueText == nil ? hintStyle : theme.style("field.error"),
                             maxWidth: limitWidth)
        }
        let text = state.form.text(field)
        switch field.kind {
        case .prompt:
            let count = "\(state.prompt.text.count) chars"
            frame.put(count, x: valueX, y: y, style: hintStyle, maxWidth: valueWidth)
            return nil
        case .text, .model, .image, .integer, .decimal, .seed:
            if focused {
                return (state.line.draw(into: &frame, x: valueX, y: y, width: valueWidth - 1, style: valueStyle,
                                        selectionStyle: theme.style("selection")), y)
            }
            if text.isEmpty {
                let placeholder: String = switch field.kind {
                case .seed: "random"
                case .model, .image: "(Enter to pick)"
                default: "default"
                }
                frame.put(placeholder, x: valueX, y: y, style: theme.style("hint"), maxWidth: valueWidth)
            } else {
                frame.putClipped(text, x: valueX, y: y, style: valueStyle, maxWidth: valueWidth - 1)
            }
        case .choice:
            let shown = text.isEmpty ? GenerateForm.unsetChoice(field) : text
            frame.putClipped(focused ? "‹ \(shown) ›" : shown, x: valueX, y: y,
                             style: text.isEmpty && !focused ? theme.style("hint") : valueStyle, maxWidth: valueWidth - 1)
        case .sizePreset:
            frame.putClipped(focused ? "‹ \(text) ›" : text, x: valueX, y: y, style: valueStyle, maxWidth: valueWidth - 1)
        case .toggle, .feature, .aspectLock:
            frame.put(text == "on" ? "[x] on" : "[ ] off", x: valueX, y: y, style: valueStyle, maxWidth: valueWidth)
        case .stack:
            frame.putClipped(text + (focused ? "  Enter: add" : ""), x: valueX, y: y, style: valueStyle, maxWidth: valueWidth - 1)
        }
        return nil
    }
}
