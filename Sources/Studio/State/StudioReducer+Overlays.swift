import Foundation
import RunwareAPI
import TerminalUI

extension StudioReducer {
    func overlayKey(_ key: Key, _ state: inout StudioState) -> [StudioEffect] {
        guard let overlay = state.overlay else { return [] }
        let listHeight = max(3, state.rows - 10)
        switch overlay {
        case .help(let scroll):
            switch key {
            case .escape, .character("q"), .character("?"), .function(1), .enter: state.overlay = nil
            case .up: state.overlay = .help(scroll: max(0, scroll - 1))
            case .down: state.overlay = .help(scroll: scroll + 1)
            case .pageUp: state.overlay = .help(scroll: max(0, scroll - listHeight))
            case .pageDown: state.overlay = .help(scroll: scroll + listHeight)
            default: break
            }
        case .input(var prompt):
            switch key {
            case .escape: state.overlay = nil
            case .enter:
                state.overlay = nil
                let text = prompt.line.text.trimmingCharacters(in: .whitespaces)
                switch prompt.purpose {
                case .tags(let id):
                    let words = text.split(separator: " ").map(String.init)
                    let add = words.filter { !$0.hasPrefix("-") }.map { $0.hasPrefix("+") ? String($0.dropFirst()) : $0 }.filter { !$0.isEmpty }
                    let remove = words.filter { $0.hasPrefix("-") }.map { String($0.dropFirst()) }.filter { !$0.isEmpty }
                    let current = state.history.selectedJob?.tags ?? []
                    // Tags no longer listed are removed as well.
                    return [.tagJob(id, add: add, remove: remove + current.filter { !add.contains($0) })]
                case .sweep(let id):
                    return startSweep(text, over: id, &state)
                case .exportFolder(let id):
                    guard !text.isEmpty else { state.notice = "export: no folder given"; return [] }
                    return [.exportJob(id, folder: (text as NSString).expandingTildeInPath)]
                }
            default:
                _ = edit(&prompt.line, key)
                state.overlay = .input(prompt)
            }
        case .choice(var picker):
            switch key {
            case .escape: state.overlay = nil
            case .enter:
                state.overlay = nil
                if let choice = picker.list.selection { setField(picker.path, text: choice, &state) }
            case .up, .down, .pageUp, .pageDown:
                picker.list.moveSelection(by: step(key, listHeight), height: listHeight)
                state.overlay = .choice(picker)
            default:
                if edit(&picker.filter, key) { picker.list.setFilter(picker.filter.text) }
                state.overlay = .choice(picker)
            }
        case .models(var picker):
            switch key {
            case .escape: state.overlay = nil
            case .enter:
                let typed = picker.query.text.trimmingCharacters(in: .whitespaces)
                let air = picker.results.indices.contains(picker.selected) ? picker.results[picker.selected].air
                    : AIR.isValid(typed) ? typed : nil
                guard let air else {
                    picker.error = picker.searching ? "still searching" : "no model matches; type an AIR such as runware:111@1"
                    state.overlay = .models(picker)
                    return []
                }
                state.overlay = nil
                choose(model: air, for: picker.target, &state)
            case .up, .down, .pageUp, .pageDown:
                picker.selected = max(0, min(picker.results.count - 1, picker.selected + step(key, listHeight)))
                state.overlay = .models(picker)
            default:
                let changed = edit(&picker.query, key)
                state.overlay = .models(picker)
                if changed { return [.searchModels(query: picker.query.text, category: picker.category)] }
            }
        case .files(var picker):
            switch key {
            case .escape: state.overlay = nil
            case .enter:
                guard let entry = picker.selection else { return [] }
                if entry.isDirectory {
                    let next = entry.name == ".." ? (picker.folder as NSString).deletingLastPathComponent
                        : (picker.folder as NSString).appendingPathComponent(entry.name)
                    picker = FilePicker(target: picker.target, folder: next.isEmpty ? "/" : next)
                    state.overlay = .files(picker)
                    return [.listFolder(picker.folder)]
                }
                let path = (picker.folder as NSString).appendingPathComponent(entry.name)
                state.overlay = nil
                state.pickerFolder = picker.folder
                if picker.target == Self.openImageTarget { return [.readImage(path)] }
                setField(picker.target, text: path, &state)
            case .up, .down, .pageUp, .pageDown:
                picker.selected = max(0, min(picker.visible.count - 1, picker.selected + step(key, listHeight)))
                state.overlay = .files(picker)
            case .backspace where picker.filter.text.isEmpty:
                let parent = (picker.folder as NSString).deletingLastPathComponent
                picker = FilePicker(target: picker.target, folder: parent.isEmpty ? "/" : parent)
                state.overlay = .files(picker)
                return [.listFolder(picker.folder)]
            default:
                if edit(&picker.filter, key) { picker.selected = min(1, picker.visible.count - 1) }
                state.overlay = .files(picker)
            }
        case .promptSearch(var search):
            let matches = search.matches(in: state.promptHistory)
            switch key {
            case .escape: state.overlay = nil
            case .enter:
                state.overlay = nil
                if matches.indices.contains(search.selected) {
                    state.recall = state.promptHistory.firstIndex(of: matches[search.selected])
                    if state.promptBeforeRecall == nil { state.promptBeforeRecall = state.prompt.text }
                    setPrompt(matches[search.selected], &state)
                }
            case .up, .down, .pageUp, .pageDown, .ctrl("r"):
                let delta = key == .ctrl("r") ? 1 : step(key, listHeight)
                search.selected = max(0, min(matches.count - 1, search.selected + delta))
                state.overlay = .promptSearch(search)
            default:
                if edit(&search.query, key) { search.selected = 0 }
                state.overlay = .promptSearch(search)
            }
        }
        return []
    }

    func step(_ key: Key, _ page: Int) -> Int {
        switch key {
        case .up: return -1
        case .down: return 1
        case .pageUp: return -page
        case .pageDown: return page
        default: return 0
        }
    }

    func choose(model air: String, for target: PickerTarget, _ state: inout StudioState) {
        switch target {
        case .field(let path):
            setField(path, text: air, &state)
            focus(path: path, &state)
        case .newStackItem(let stack, let after):
            let index = state.form.addStackItem(stack, after: after, model: air)
            focus(path: JSONPath("\(stack)[\(index)].model"), &state)
            state.notice = "added \(air) to \(stack)"
        }
    }
}
