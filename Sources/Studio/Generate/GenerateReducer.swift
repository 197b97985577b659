import Foundation
import History
import RunwareAPI
import TerminalUI

/// The Generate screen's reducer: the form, the prompt, recall and the results strip. It
/// changes only `GenerateState`; everything else it asks of the shell as commands.
struct GenerateReducer: Sendable {
    func reduce(_ g: inout GenerateState, _ input: Input, _ context: ScreenContext) -> [Command] {
        let width = Self.promptWidth(context)
        switch input {
        case .type(let text), .paste(let text):
            type(text, pasted: input != .type(text), &g)
            return []
        case .unbound:
            return []
        case .action(let action):
            if let command = action.editCommand {
                edit(command, width: width, &g)
                return []
            }
            return perform(action, &g, context)
        }
    }

    /// The prompt editor's wrap width.
    static func promptWidth(_ context: ScreenContext) -> Int {
        max(1, GenerateLayout(columns: context.columns, rows: context.rows).formBody.width - 2)
    }

    private func type(_ text: String, pasted: Bool, _ g: inout GenerateState) {
        guard let field = g.focusedField else { return }
        if case .prompt = field.kind {
            g.prompt.insert(text)
            g.form.set(field, text: g.prompt.text)
            g.recall.position = nil
        } else if field.kind.takesText {
            if g.replaceOnType { g.line = LineEditor("") }
            if pasted { g.line.paste(text) } else { g.line.insert(text) }
            g.form.set(field, text: g.line.text)
        }
        g.replaceOnType = false
    }

    private func edit(_ command: EditCommand, width: Int, _ g: inout GenerateState) {
        g.replaceOnType = false
        guard let field = g.focusedField else { return }
        if case .prompt = field.kind {
            if g.prompt.apply(command, width: width) {
                g.form.set(field, text: g.prompt.text)
                g.recall.position = nil
            }
        } else if field.kind.takesText, g.line.apply(command) {
            g.form.set(field, text: g.line.text)
        }
    }

    private func perform(_ action: StudioAction, _ g: inout GenerateState, _ context: ScreenContext) -> [Command] {
        switch action {
        case .generate:
            let request = g.form.draft
            let parent = g.forkedFrom
            g.forkedFrom = nil
            g.recall.sent(request.positivePrompt)
            return [.send(JobOrder(request: request, parent: parent, summary: request.positivePrompt))]
        case .focusNext, .focusPrevious:
            // The prompt editor moves by wrapped lines before Up and Down move focus.
            if case .prompt? = g.focusedField?.kind, g.prompt.vertical(action == .focusPrevious ? -1 : 1, width: Self.promptWidth(context)) {
                return []
            }
            g.moveFocus(by: action == .focusNext ? 1 : -1)
        case .focusProblem:
            // The next field with a problem after the focused one, round to the first.
            let fields = g.form.fields.indices
            let order = fields.filter { $0 > g.focus } + fields.filter { $0 <= g.focus }
            guard let next = order.first(where: { !g.form.issues(for: g.form.fields[$0]).isEmpty }) else { return [] }
            g.setFocus(next)
            let field = g.form.fields[next]
            return [.notice(g.form.issues(for: field).first.map(FieldNames.message) ?? "")]
        case .sectionPrompt, .sectionParameters, .sectionLoRA, .sectionControlNet, .sectionIPAdapters, .sectionInputs,
             .sectionFeatures, .sectionDelivery:
            guard let section = action.section?.rawValue,
                  let first = g.form.fields.firstIndex(where: { $0.section == section }) else { return [] }
            g.setFocus(first)
            return [.notice(section)]
        case .promptPrevious: return recall(by: 1, &g)
        case .promptNext: return recall(by: -1, &g)
        case .promptSearch: return [.open(.promptSearch(PromptSearch(prompts: g.recall.prompts)))]
        case .seedRandom:
            g.setField("seed", text: "")
            return [.notice("seed: random for each generation")]
        case .seedReuse:
            guard let seed = g.lastSeed else { return [] }
            g.setField("seed", text: String(seed))
            return [.notice("seed: \(seed) from the last result")]
        case .stackAdd:
            guard let field = g.focusedField, let stack = field.stackName else { return [] }
            guard let kind = Self.kind(of: stack) else { return [] }
            return openModelPicker(.newStackItem(stack: stack, after: field.stackIndex), kind: kind, g)
        case .stackRemove:
            guard let field = g.focusedField, let stack = field.stackName, let i = field.stackIndex else { return [] }
            g.form.removeStackItem(stack, at: i)
            g.focus(path: g.form.value(JSONPath("\(stack)[\(i)]")) != nil ? JSONPath("\(stack)[\(i)].model")
                    : i > 0 ? JSONPath("\(stack)[\(i - 1)].model") : JSONPath(stack))
            return [.notice("removed \(stack) item \(i + 1)")]
        case .stackUp, .stackDown:
            guard let field = g.focusedField, let stack = field.stackName, let i = field.stackIndex else { return [] }
            let j = g.form.moveStackItem(stack, at: i, by: action == .stackUp ? -1 : 1)
            g.focus(path: JSONPath("\(stack)[\(j)].model"))
        case .copyPrompt:
            return [.copy(g.prompt.text, what: "the prompt")]
        case .copySeed:
            guard let seed = g.selected?.seed ?? g.lastSeed else { return [] }
            return [.copy(String(seed), what: "seed \(seed)")]
        case .copyPath:
            guard let path = g.selected?.path else { return [] }
            return [.copy(path, what: "the image path")]
        case .resultPrevious, .previewNewer:
            guard g.selectedResult > 0 else { return [.notice("this is the newest result")] }
            g.selectedResult -= 1
        case .resultNext, .previewOlder:
            guard g.selectedResult + 1 < g.results.count else {
                return [.notice(g.results.isEmpty ? "no results yet" : "this is the oldest result of the strip")]
            }
            g.selectedResult += 1
        case .previewZoom:
            g.previewZoomed.toggle()
        case .previewClose:
            g.previewZoomed = false
        case .previewLoupe:
            guard let result = g.selected, let id = result.historyID else { return [.notice("this result is not in History")] }
            return [.history(.loupe(id))]
        case .previewRate0, .previewRate1, .previewRate2, .previewRate3, .previewRate4, .previewRate5:
            guard let result = g.selected, let id = result.historyID else { return [.notice("this result is not in History")] }
            let rating = action.rating ?? 0
            // On to the older result, so the strip is rated from the home row as History's sheet is.
            if g.selectedResult + 1 < g.results.count { g.selectedResult += 1 }
            return [.effect(.history(.batch(HistoryBatch(.jobs([id]), .rate(rating)))))]
        case .promptNewline:
            type("\n", pasted: false, &g)
        case .fieldActivate, .fieldDecrease, .fieldIncrease, .fieldToggle:
            return fieldAction(action, &g, context)
        default:
            break
        }
        return []
    }

    /// The kind of model a stack's items hold.
    static func kind(of stack: String) -> ModelKind? {
        switch stack {
        case "lora": .lora
        case "controlNet": .controlNet
        case "ipAdapters": .ipAdapter
        default: nil
        }
    }

    // MARK: Prompt recall

    private func recall(by delta: Int, _ g: inout GenerateState) -> [Command] {
        let prompts = g.recall.prompts
        guard !prompts.isEmpty else { return [] }
        if g.recall.position == nil { g.recall.before = g.prompt.text }
        let next = (g.recall.position ?? -1) + delta
        if next < 0 {
            g.recall.position = nil
            g.setPrompt(g.recall.before ?? "")
            return []
        }
        let position = min(next, prompts.count - 1)
        g.recall.position = position
        g.setPrompt(prompts[position])
        return [.notice("prompt \(position + 1) of \(prompts.count) from History")]
    }

    // MARK: Orders from the shell, pop-ups and History

    func apply(_ order: GenerateOrder, _ g: inout GenerateState) -> [Command] {
        switch order {
        case .setField(let path, let text):
            g.setField(path, text: text)
        case .useImage(let path, let use, let job):
            let field: JSONPath
            switch use {
            case .seedImage: field = "inputs.seedImage"
            case .maskImage: field = "inputs.maskImage"
            case .guideImage:
                // The first ControlNet without a guide image, else a new one (its model still to pick).
                let items = g.form.value("controlNet")?.arrayValue ?? []
                let free = items.firstIndex { ($0.objectValue?["guideImage"]?.stringValue ?? "").isEmpty }
                let index = free ?? g.form.addStackItem("controlNet", after: items.isEmpty ? nil : items.count - 1, model: "")
                field = JSONPath("controlNet[\(index)].guideImage")
            }
            g.setField(field, text: path)
            g.focus(path: field)
            return [.notice("job \(job)'s image is the form's \(use.rawValue)" + (g.form.issues.isEmpty ? "" : "; F4 goes to what is left to fill"))]
        case .chooseModel(let air, .field(let path)):
            g.setField(path, text: air)
            g.focus(path: path)
        case .chooseModel(let air, .newStackItem(let stack, let after)):
            let index = g.form.addStackItem(stack, after: after, model: air)
            g.focus(path: JSONPath("\(stack)[\(index)].model"))
            return [.notice("added \(air) to \(FieldNames.name(of: stack))")]
        case .usePrompt(let prompt):
            g.recall.position = g.recall.prompts.firstIndex(of: prompt)
            if g.recall.before == nil { g.recall.before = g.prompt.text }
            g.setPrompt(prompt)
        case .load(let object, let parent, let notice):
            g.load(object)
            g.forkedFrom = parent
            return [.notice(notice)]
        case .resultSaved(let result):
            g.add(result)
        case .jobEnded:
            g.estimates = [:]
        }
        return []
    }
}
