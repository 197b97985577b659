import Foundation
import RunwareAPI
import TerminalUI

extension StudioReducer {
    /// Keys for the focused field: editing for text, stepping for numbers, opening pickers.
    func fieldKey(_ key: Key, _ state: inout StudioState) -> [StudioEffect] {
        guard let field = state.focusedField else { return [] }
        switch field.kind {
        case .prompt:
            promptKey(key, field, &state)
            return []
        case .text, .model, .image, .integer, .decimal, .seed:
            if key == .enter {
                switch field.kind {
                case .model(let category): return openModelPicker(.field(field.path), category: category, &state)
                case .image: return openFilePicker(for: field.path, &state)
                default: moveFocus(by: 1, &state)
                }
                return []
            }
            if isNumber(field.kind), key == .left || key == .right {
                state.form.step(field, by: key == .right ? 1 : -1)
                state.line = LineEditor(state.form.text(field))
                return []
            }
            if edit(&state.line, key) { state.form.set(field, text: state.line.text) }
            return []
        case .choice(let options):
            switch key {
            case .left, .right, .character(" "):
                state.form.step(field, by: key == .left ? -1 : 1)
            case .enter:
                state.overlay = .choice(ChoicePicker(path: field.path, options: ["default"] + options,
                                                     current: state.form.value(field.path)?.stringValue ?? "default"))
            default: break
            }
            return []
        case .sizePreset:
            switch key {
            case .left, .right, .character(" "): state.form.step(field, by: key == .left ? -1 : 1)
            case .enter:
                state.overlay = .choice(ChoicePicker(path: field.path, options: FormLayout.sizePresets, current: state.form.text(field)))
            default: break
            }
            return []
        case .toggle, .feature, .aspectLock:
            if key == .enter || key == .character(" ") || key == .left || key == .right {
                state.form.toggle(field)
                focus(path: field.path, &state)
            }
            return []
        case .stack(let name):
            if key == .enter || key == .character(" ") {
                return openModelPicker(.newStackItem(stack: name, after: nil), category: Self.category(of: name), &state)
            }
            return []
        }
    }

    func isNumber(_ kind: FieldKind) -> Bool {
        switch kind {
        case .integer, .decimal, .seed: return true
        default: return false
        }
    }

    /// Line editing keys shared by every single-line field; true when the text changed.
    func edit(_ line: inout LineEditor, _ key: Key) -> Bool {
        let before = line.text
        switch key {
        case .character(let c): line.insert(String(c))
        case .backspace: line.deleteBackward()
        case .delete: line.deleteForward()
        case .left: line.left()
        case .right: line.right()
        case .home: line.home()
        case .end: line.end()
        case .ctrl("w"): line.deleteWordBackward()
        case .ctrl("u"): line.deleteToStart()
        case .ctrl("k"): line.deleteToEnd()
        case .ctrl("e"): line.end()
        case .alt("b"): line.wordLeft()
        case .alt("f"): line.wordRight()
        case .alt("u"): line.undo()
        default: break
        }
        return line.text != before
    }

    func promptKey(_ key: Key, _ field: FieldSpec, _ state: inout StudioState) {
        let width = max(1, GenerateLayout(columns: state.columns, rows: state.rows).formBody.width - 2)
        let before = state.prompt.text
        switch key {
        case .character(let c): state.prompt.insert(String(c))
        case .enter: state.prompt.insert("\n")
        case .backspace: state.prompt.deleteBackward()
        case .delete: state.prompt.deleteForward()
        case .left: state.prompt.left()
        case .right: state.prompt.right()
        case .home: state.prompt.lineStart(width: width)
        case .end, .ctrl("e"): state.prompt.lineEnd(width: width)
        case .alt("u"): state.prompt.undo()
        case .ctrl("u"): state.prompt.setText("")
        default: break
        }
        if state.prompt.text != before {
            state.form.set(field, text: state.prompt.text)
            state.recall = nil
        }
    }

    func paste(_ text: String, _ state: inout StudioState) -> [StudioEffect] {
        switch state.overlay {
        case .models(var picker)?:
            picker.query.paste(text)
            state.overlay = .models(picker)
            return [.searchModels(query: picker.query.text, category: picker.category)]
        case .files(var picker)?:
            picker.filter.paste(text)
            picker.selected = 0
            state.overlay = .files(picker)
        case .promptSearch(var search)?:
            search.query.paste(text)
            state.overlay = .promptSearch(search)
        case .input(var prompt)?:
            prompt.line.paste(text)
            state.overlay = .input(prompt)
        case .choice, .help:
            break
        case nil:
            guard let field = state.focusedField else { return [] }
            if case .prompt = field.kind {
                state.prompt.insert(text)
                state.form.set(field, text: state.prompt.text)
            } else if field.kind.takesText {
                state.line.paste(text)
                state.form.set(field, text: state.line.text)
            }
        }
        return []
    }

    func mouse(_ button: MouseButton, x: Int, y: Int, pressed: Bool, _ state: inout StudioState) -> [StudioEffect] {
        guard pressed, state.overlay == nil else { return [] }
        if state.screen == .history { return historyMouse(button, x: x, y: y, &state) }
        let layout = GenerateLayout(columns: state.columns, rows: state.rows)
        switch button {
        case .wheelUp, .wheelDown:
            if layout.form.contains(x, y) { moveFocus(by: button == .wheelUp ? -1 : 1, &state) }
            if let strip = layout.strip, strip.contains(x, y) {
                _ = perform(button == .wheelUp ? .resultPrevious : .resultNext, &state)
            }
        case .left:
            if layout.formBody.contains(x, y) {
                var top = -state.formScroll
                rows: for row in FormRow.build(state) {
                    let line = layout.formBody.y + top
                    if y >= line && y < line + row.height {
                        switch row.kind {
                        case .field(let i), .promptBody(let i): setFocus(i, &state)
                        default: break
                        }
                        break rows
                    }
                    top += row.height
                }
            } else if let strip = layout.strip, strip.contains(x, y) {
                let i = (x - strip.x) / (GenerateLayout.stripThumbWidth + 1)
                if i < min(layout.stripCount, state.results.count) { state.selectedResult = i }
            }
        default: break
        }
        return []
    }

    func openModelPicker(_ target: PickerTarget, category: String?, _ state: inout StudioState) -> [StudioEffect] {
        var query = ""
        if case .field(let path) = target, let current = state.form.value(path)?.stringValue, !AIR.isValid(current) { query = current }
        state.overlay = .models(ModelPicker(target: target, category: category, query: query))
        return [.searchModels(query: query, category: category)]
    }

    func openFilePicker(for path: JSONPath, _ state: inout StudioState) -> [StudioEffect] {
        var folder = state.pickerFolder
        if let current = state.form.value(path)?.stringValue, current.hasPrefix("/") {
            folder = (current as NSString).deletingLastPathComponent
        }
        state.overlay = .files(FilePicker(target: path, folder: folder))
        return [.listFolder(folder)]
    }
}
