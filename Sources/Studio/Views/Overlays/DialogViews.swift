import Foundation
import TerminalUI

/// A yes/no question.
struct ConfirmView {
    var theme: Theme

    func draw(_ confirmation: Confirmation, layout: OverlayLayout, into frame: inout Frame) {
        let r = layout.centered(width: max(40, DisplayWidth.of(confirmation.question) + 6), height: 4)
        frame.popUp(r, title: "Sure?", theme: theme)
        frame.putClipped(confirmation.question, x: r.x + 2, y: r.y + 1, style: theme.style("field.value"), maxWidth: r.width - 4)
        frame.put("y: yes  n: no", x: r.x + 2, y: r.y + 2, style: theme.style("hint"), maxWidth: r.width - 4)
    }
}

/// One line of text asked for.
struct InputView {
    var theme: Theme

    func draw(_ prompt: InputPrompt, layout: OverlayLayout, into frame: inout Frame) -> (x: Int, y: Int) {
        let r = layout.centered(width: 90, height: 4)
        frame.popUp(r, title: prompt.title, theme: theme)
        let c = prompt.line.draw(into: &frame, x: r.x + 2, y: r.y + 1, width: r.width - 4, style: theme.style("field.focused"),
                                 selectionStyle: theme.style("selection"))
        frame.put("Enter: done  Esc: cancel", x: r.x + 2, y: r.y + 2, style: theme.style("hint"))
        return (c, r.y + 1)
    }
}

/// A documented set of values with a filter.
struct ChoiceView {
    var theme: Theme

    func draw(_ picker: ChoicePicker, layout: OverlayLayout, into frame: inout Frame) -> (x: Int, y: Int) {
        let r = layout.centered(width: 44, height: min(layout.rows - 4, picker.list.all.count + 3))
        frame.popUp(r, title: picker.title, theme: theme)
        let c = picker.filter.draw(into: &frame, x: r.x + 9, y: r.y + 1, width: r.width - 10, style: theme.style("field.value"),
                                   selectionStyle: theme.style("selection"))
        frame.put("filter:", x: r.x + 1, y: r.y + 1, style: theme.style("field.label"))
        picker.list.draw(into: &frame, x: r.x + 1, y: r.y + 2, width: r.width - 2, height: r.height - 3,
                         style: theme.style("field.value"), selectedStyle: theme.style("selection"))
        return (c, r.y + 1)
    }
}

/// Reverse search through the prompts sent.
struct PromptSearchView {
    var theme: Theme

    func draw(_ search: PromptSearch, layout: OverlayLayout, into frame: inout Frame) -> (x: Int, y: Int) {
        let r = layout.centered(width: 100, height: layout.rows - 4)
        frame.popUp(r, title: "Search past prompts", theme: theme)
        frame.put("search:", x: r.x + 1, y: r.y + 1, style: theme.style("field.label"))
        let c = search.query.draw(into: &frame, x: r.x + 9, y: r.y + 1, width: r.width - 10, style: theme.style("field.value"),
                                  selectionStyle: theme.style("selection"))
        let matches = search.matches
        let height = r.height - 4
        let first = max(0, search.selected - height + 1)
        for (row, prompt) in matches.dropFirst(first).prefix(height).enumerated() {
            let selected = first + row == search.selected
            let style = theme.style(selected ? "selection" : "field.value")
            if selected { frame.fill(x: r.x + 1, y: r.y + 2 + row, width: r.width - 2, height: 1, style: style) }
            frame.putClipped(prompt, x: r.x + 2, y: r.y + 2 + row, style: style, maxWidth: r.width - 4)
        }
        frame.put("\(matches.count) of \(search.prompts.count) prompts  Enter: use  Esc: close", x: r.x + 1,
                  y: r.y + r.height - 2, style: theme.style("hint"), maxWidth: r.width - 2)
        return (c, r.y + 1)
    }
}
