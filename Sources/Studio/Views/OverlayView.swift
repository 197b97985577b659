import Foundation
import RunwareAPI
import TerminalUI

/// Pop-ups drawn over the screen: help, choice lists, the model picker, the file picker and the
/// prompt search. Returns where the cursor goes.
struct OverlayView {
    var theme: Theme
    var keyMap: KeyMap

    func draw(_ overlay: Overlay, state: StudioState, into frame: inout Frame) -> (x: Int, y: Int)? {
        switch overlay {
        case .help(let scroll):
            drawHelp(scroll: scroll, state: state, into: &frame)
            return nil
        case .input(let prompt):
            let r = centered(state, width: 90, height: 4)
            frame.box(r, style: theme.style("border.focused"), title: prompt.title, titleStyle: theme.style("title"))
            frame.fill(x: r.x + 1, y: r.y + 1, width: r.width - 2, height: r.height - 2, style: .plain)
            let c = prompt.line.draw(into: &frame, x: r.x + 2, y: r.y + 1, width: r.width - 4, style: theme.style("field.focused"),
                                     selectionStyle: theme.style("selection"))
            frame.put("Enter: done  Esc: cancel", x: r.x + 2, y: r.y + 2, style: theme.style("hint"))
            return (c, r.y + 1)
        case .choice(let picker):
            let r = centered(state, width: 44, height: min(state.rows - 4, picker.list.all.count + 3))
            frame.box(r, style: theme.style("border.focused"), title: picker.path.description, titleStyle: theme.style("title"))
            let c = picker.filter.draw(into: &frame, x: r.x + 9, y: r.y + 1, width: r.width - 10, style: theme.style("field.value"),
                                       selectionStyle: theme.style("selection"))
            frame.put("filter:", x: r.x + 1, y: r.y + 1, style: theme.style("field.label"))
            picker.list.draw(into: &frame, x: r.x + 1, y: r.y + 2, width: r.width - 2, height: r.height - 3,
                             style: theme.style("field.value"), selectedStyle: theme.style("selection"))
            return (c, r.y + 1)
        case .models(let picker):
            return drawModels(picker, state: state, into: &frame)
        case .files(let picker):
            return drawFiles(picker, state: state, into: &frame)
        case .promptSearch(let search):
            let r = centered(state, width: 100, height: state.rows - 4)
            frame.box(r, style: theme.style("border.focused"), title: "Search past prompts", titleStyle: theme.style("title"))
            frame.put("search:", x: r.x + 1, y: r.y + 1, style: theme.style("field.label"))
            let c = search.query.draw(into: &frame, x: r.x + 9, y: r.y + 1, width: r.width - 10, style: theme.style("field.value"),
                                      selectionStyle: theme.style("selection"))
            let matches = search.matches(in: state.promptHistory)
            let height = r.height - 4
            let first = max(0, search.selected - height + 1)
            for (row, prompt) in matches.dropFirst(first).prefix(height).enumerated() {
                let selected = first + row == search.selected
                let style = theme.style(selected ? "selection" : "field.value")
                if selected { frame.fill(x: r.x + 1, y: r.y + 2 + row, width: r.width - 2, height: 1, style: style) }
                frame.putClipped(prompt, x: r.x + 2, y: r.y + 2 + row, style: style, maxWidth: r.width - 4)
            }
            frame.put("\(matches.count) of \(state.promptHistory.count) prompts  Enter: use  Esc: close", x: r.x + 1,
                      y: r.y + r.height - 2, style: theme.style("hint"), maxWidth: r.width - 2)
            return (c, r.y + 1)
        }
    }

    func centered(_ state: StudioState, width: Int, height: Int) -> GenerateLayout.Rect {
        let w = min(width, state.columns - 2), h = max(4, min(height, state.rows - 2))
        return GenerateLayout.Rect(x: (state.columns - w) / 2, y: max(0, (state.rows - 2 - h) / 2), width: w, height: h)
    }

    /// Keys that belong to fields rather than to the key map.
    static let fieldKeys: [(String, String)] = [
        ("←/→", "step a number, cycle a choice, move in text"),
        ("space", "toggle, or cycle a choice"),
        ("enter", "open a picker (model, image, choice); newline in the prompt"),
        ("ctrl-w / ctrl-u / ctrl-k", "delete word / to start / to end"),
        ("alt-u", "undo in a text field"),
        ("esc", "close a pop-up"),
        ("mouse", "click a field or a thumbnail; wheel moves"),
    ]

    static let historyKeys: [(String, String)] = [
        ("arrows", "move the selection (in a detail or lineage: scroll / choose)"),
        ("pageup / pagedown", "a screenful"),
        ("home / end", "the newest / the oldest"),
        ("esc", "close a detail, lineage, comparison or sweep"),
    ]

    /// Help lines generated from the key map, with the reason a binding is disabled right now.
    func helpLines(_ state: StudioState) -> [(keys: String, text: String, disabled: Bool)] {
        var lines: [(String, String, Bool)] = []
        for binding in keyMap.bindings where !binding.keys.isEmpty && (binding.screen == nil || binding.screen == state.screen) {
            let why = StudioReducer.disabledReason(binding.whenDisabled, state)
            lines.append((binding.keys.map(KeyName.name).joined(separator: ", "),
                          binding.description + (why.map { " (now: \($0))" } ?? ""), why != nil))
        }
        lines.append(("", "", false))
        if state.screen == .history {
            lines.append(("Moving", "", false))
            for (k, t) in Self.historyKeys { lines.append((k, t, false)) }
        } else {
            lines.append(("Field keys", "", false))
            for (k, t) in Self.fieldKeys { lines.append((k, t, false)) }
        }
        return lines
    }

    private func drawHelp(scroll: Int, state: StudioState, into frame: inout Frame) {
        let r = centered(state, width: 84, height: state.rows - 2)
        frame.box(r, style: theme.style("border.focused"), title: "Keys (from the key map; esc closes)", titleStyle: theme.style("title"))
        frame.fill(x: r.x + 1, y: r.y + 1, width: r.width - 2, height: r.height - 2, style: .plain)
        let lines = helpLines(state)
        let height = r.height - 2
        let first = min(scroll, max(0, lines.count - height))
        for (row, line) in lines.dropFirst(first).prefix(height).enumerated() {
            let y = r.y + 1 + row
            frame.putClipped(line.keys, x: r.x + 2, y: y, style: theme.style(line.disabled ? "hint" : "footer.key"), maxWidth: 24)
            frame.putClipped(line.text, x: r.x + 28, y: y, style: theme.style(line.disabled ? "hint" : "footer.text"),
                             maxWidth: r.width - 30)
        }
    }

    private func drawModels(_ picker: ModelPicker, state: StudioState, into frame: inout Frame) -> (x: Int, y: Int) {
        let r = centered(state, width: 80, height: state.rows - 4)
        let what = picker.category.map { "\($0) models" } ?? "models"
        frame.box(r, style: theme.style("border.focused"), title: "Search \(what) (modelSearch)", titleStyle: theme.style("title"))
        frame.fill(x: r.x + 1, y: r.y + 1, width: r.width - 2, height: r.height - 2, style: .plain)
        frame.put("search:", x: r.x + 1, y: r.y + 1, style: theme.style("field.label"))
        let c = picker.query.draw(into: &frame, x: r.x + 9, y: r.y + 1, width: r.width - 10, style: theme.style("field.value"),
                                  selectionStyle: theme.style("selection"))
        let height = r.height - 4
        let first = max(0, picker.selected - height + 1)
        for (row, entry) in picker.results.dropFirst(first).prefix(height).enumerated() {
            let selected = first + row == picker.selected
            let style = theme.style(selected ? "selection" : "field.value")
            if selected { frame.fill(x: r.x + 1, y: r.y + 2 + row, width: r.width - 2, height: 1, style: style) }
            let used = frame.putClipped(entry.air, x: r.x + 2, y: r.y + 2 + row, style: style, maxWidth: 26)
            frame.putClipped(entry.name + (entry.architecture.map { "  [\($0)]" } ?? ""), x: r.x + 2 + max(used, 24) + 1,
                             y: r.y + 2 + row, style: style, maxWidth: r.width - 30)
        }
        let status: String
        if let error = picker.error { status = error } else if picker.searching { status = "searching…" } else {
            status = "\(picker.results.count) found  Enter: choose (or type an AIR)  Esc: close"
        }
        frame.putClipped(status, x: r.x + 1, y: r.y + r.height - 2, style: theme.style(picker.error == nil ? "hint" : "field.error"),
                         maxWidth: r.width - 2)
        return (c, r.y + 1)
    }

    private func drawFiles(_ picker: FilePicker, state: StudioState, into frame: inout Frame) -> (x: Int, y: Int) {
        let r = FilePickerView.box(columns: state.columns, rows: state.rows)
        let title = picker.target == StudioReducer.openImageTarget ? "Open an image with generation parameters"
            : "Image for \(picker.target)"
        frame.box(r, style: theme.style("border.focused"), title: title, titleStyle: theme.style("title"))
        frame.fill(x: r.x + 1, y: r.y + 1, width: r.width - 2, height: r.height - 2, style: .plain)
        frame.putClipped(picker.folder, x: r.x + 1, y: r.y + 1, style: theme.style("field.label"), maxWidth: r.width - 2)
        frame.put("filter:", x: r.x + 1, y: r.y + 2, style: theme.style("field.label"))
        let listWidth = r.width - FilePickerView.thumbnailWidth(r) - 3
        let c = picker.filter.draw(into: &frame, x: r.x + 9, y: r.y + 2, width: max(1, listWidth - 9),
                                   style: theme.style("field.value"), selectionStyle: theme.style("selection"))
        let height = r.height - 5
        let visible = picker.visible
        let first = max(0, picker.selected - height + 1)
        for (row, entry) in visible.dropFirst(first).prefix(height).enumerated() {
            let selected = first + row == picker.selected
            let style = theme.style(selected ? "selection" : entry.isDirectory ? "field.label" : "field.value")
            if selected { frame.fill(x: r.x + 1, y: r.y + 3 + row, width: listWidth, height: 1, style: style) }
            let name = entry.isDirectory ? entry.name + "/" : entry.name
            frame.putClipped(name, x: r.x + 2, y: r.y + 3 + row, style: style, maxWidth: listWidth - 2)
        }
        let box = FilePickerView.thumbnailBox(columns: state.columns, rows: state.rows)
        if let path = picker.selectedPath {
            if let grid = state.thumbnails[ThumbnailKey(path: path, columns: box.width, rows: box.height)] {
                frame.place(grid, x: box.x, y: box.y)
            } else {
                frame.put("loading…", x: box.x, y: box.y, style: theme.style("hint"))
            }
        }
        let status = picker.error ?? (picker.loading ? "reading the folder…"
            : "\(visible.count - 1) entries  Enter: open/choose  Backspace: up  Esc: close")
        frame.putClipped(status, x: r.x + 1, y: r.y + r.height - 2, style: theme.style(picker.error == nil ? "hint" : "field.error"),
                         maxWidth: r.width - 2)
        return (c, r.y + 2)
    }
}

/// Geometry of the file picker, shared by the view and the reducer (which asks for the thumbnail).
public enum FilePickerView {
    static func box(columns: Int, rows: Int) -> GenerateLayout.Rect {
        let w = min(100, columns - 2), h = max(6, min(rows - 4, 30))
        return GenerateLayout.Rect(x: (columns - w) / 2, y: max(0, (rows - 2 - h) / 2), width: w, height: h)
    }

    static func thumbnailWidth(_ r: GenerateLayout.Rect) -> Int { max(0, min(40, r.width / 2 - 2)) }

    public static func thumbnailBox(columns: Int, rows: Int) -> GenerateLayout.Rect {
        let r = box(columns: columns, rows: rows)
        let w = thumbnailWidth(r)
        return GenerateLayout.Rect(x: r.x + r.width - w - 1, y: r.y + 2, width: max(1, w), height: max(1, r.height - 4))
    }
}
