import Foundation
import RunwareAPI
import TerminalUI

extension GenerateReducer {
    /// The field keys: Enter opens a picker or moves on, Left and Right step or cycle, Space
    /// toggles; what each does depends on the field's kind.
    func fieldAction(_ action: StudioAction, _ g: inout GenerateState, _ context: ScreenContext) -> [Command] {
        guard let field = g.focusedField else { return [] }
        let step = action == .fieldDecrease ? -1 : 1
        switch field.kind {
        case .prompt:
            return []
        case .text, .model, .image, .integer, .decimal, .seed:
            if action == .fieldActivate {
                switch field.kind {
                case .model(let kind): return openModelPicker(.field(field.path), kind: kind, g)
                case .image: return openFilePicker(for: field.path, g, context)
                default: g.moveFocus(by: 1)
                }
            } else if action != .fieldToggle, isNumber(field.kind) {
                g.form.step(field, by: step)
                g.line = LineEditor(g.form.text(field))
            }
        case .choice:
            if action == .fieldActivate {
                return [.open(.choice(ChoicePicker(path: field.path, options: GenerateForm.choices(field),
                                                   current: g.form.value(field.path)?.stringValue ?? GenerateForm.apiDefault(field) ?? "default")))]
            }
            g.form.step(field, by: step)
        case .sizePreset:
            if action == .fieldActivate {
                return [.open(.choice(ChoicePicker(path: field.path, options: FormLayout.sizePresets, current: g.form.text(field))))]
            }
            g.form.step(field, by: step)
        case .toggle, .feature, .aspectLock:
            g.form.toggle(field)
            g.focus(path: field.path)
        case .stack(let name):
            if action == .fieldActivate || action == .fieldToggle {
                if let kind = Self.kind(of: name) { return openModelPicker(.newStackItem(stack: name, after: nil), kind: kind, g) }
            }
        }
        return []
    }

    private func isNumber(_ kind: FieldKind) -> Bool {
        switch kind {
        case .integer, .decimal, .seed: return true
        default: return false
        }
    }

    func openModelPicker(_ target: PickerTarget, kind: ModelKind, _ g: GenerateState) -> [Command] {
        var query = ""
        if case .field(let path) = target, let current = g.form.value(path)?.stringValue, !AIR.isValid(current) { query = current }
        let architecture = g.form.value("model")?.stringValue.flatMap(ModelArchitecture.of)
        let picker = ModelPicker(target: target, kind: kind, architecture: architecture, query: query)
        return [.open(.models(picker)), .effect(picker.search)]
    }

    func openFilePicker(for path: JSONPath, _ g: GenerateState, _ context: ScreenContext) -> [Command] {
        var folder = context.pickerFolder
        if let current = g.form.value(path)?.stringValue, current.hasPrefix("/") {
            folder = (current as NSString).deletingLastPathComponent
        }
        return [.open(.files(FilePicker(target: path, folder: folder))), .effect(.picker(.listFolder(folder)))]
    }

    /// The wheel moves focus or the strip; a click focuses a field or picks a result.
    func mouse(_ g: inout GenerateState, _ button: MouseButton, x: Int, y: Int, _ context: ScreenContext) {
        let layout = g.layout(columns: context.columns, rows: context.rows)
        switch button {
        case .wheelUp, .wheelDown:
            if layout.formShown, layout.form.contains(x, y) { g.moveFocus(by: button == .wheelUp ? -1 : 1) }
            if let strip = layout.strip, strip.contains(x, y) {
                g.selectedResult = button == .wheelUp ? max(0, g.selectedResult - 1) : min(max(0, g.results.count - 1), g.selectedResult + 1)
            }
        case .left:
            if layout.formShown, layout.formBody.contains(x, y) {
                var top = -g.formScroll
                for row in FormRow.build(g.form) {
                    let line = layout.formBody.y + top
                    if y >= line && y < line + row.height {
                        switch row.kind {
                        case .field(let i), .promptBody(let i): g.setFocus(i)
                        default: break
                        }
                        return
                    }
                    top += row.height
                }
            } else if let strip = layout.strip, strip.contains(x, y) {
                let i = (x - strip.x) / (GenerateLayout.stripThumbWidth + 1)
                if i < min(layout.stripCount, g.results.count) { g.selectedResult = i }
            }
        default: break
        }
    }
}
