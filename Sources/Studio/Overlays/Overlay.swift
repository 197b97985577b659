import Foundation
import TerminalUI

/// The pop-up over a screen: each is a state of its own with its own reducer and view.
package enum Overlay: Sendable, Equatable {
    case help(HelpOverlay)
    case input(InputPrompt)
    case choice(ChoicePicker)
    case models(ModelPicker)
    case files(FilePicker)
    case promptSearch(PromptSearch)
    case confirm(Confirmation)
    case message(MessageOverlay)

    /// The key contexts that take keys while it is open, most specific first.
    package var keyContexts: [KeyContext] {
        switch self {
        case .help: [.help, .list, .global]
        case .message: [.message, .list, .global]
        case .confirm: [.confirm, .global]
        case .input: [.dialog, .text, .global]
        case .files: [.files, .dialog, .list, .text, .global]
        case .choice, .models: [.dialog, .list, .text, .global]
        case .promptSearch: [.promptSearch, .dialog, .list, .text, .global]
        }
    }

    /// Printable keys are typed into it rather than looked up in the key map.
    package var takesText: Bool {
        switch self {
        case .help, .confirm, .message: false
        default: true
        }
    }
}

/// What a pop-up's reducer decided: stay open (changed) or close, and what to ask of the shell.
package struct OverlayOutcome: Sendable, Equatable {
    package var overlay: Overlay?
    package var commands: [Command]

    static func stay(_ overlay: Overlay, _ commands: [Command] = []) -> OverlayOutcome { .init(overlay: overlay, commands: commands) }
    static func close(_ commands: [Command] = []) -> OverlayOutcome { .init(overlay: nil, commands: commands) }
}

extension Overlay {
    /// Routes the input to the pop-up's own reducer.
    func handle(_ input: Input, _ context: ScreenContext) -> OverlayOutcome {
        switch self {
        case .help(var help): return help.handle(input, context)
        case .input(var prompt): return prompt.handle(input, context)
        case .choice(var picker): return picker.handle(input, context)
        case .models(var picker): return picker.handle(input, context)
        case .files(var picker): return picker.handle(input, context)
        case .promptSearch(var search): return search.handle(input, context)
        case .confirm(let confirmation): return confirmation.handle(input)
        case .message(var message): return message.handle(input, context)
        }
    }
}

/// How far a list moves for a list action.
enum ListStep {
    static func delta(_ action: StudioAction, page: Int) -> Int {
        switch action {
        case .listUp: -1
        case .listDown: 1
        case .listPageUp: -page
        case .listPageDown: page
        default: 0
        }
    }
}

extension LineEditor {
    /// Applies typed text, a paste or an editing action; true when the text changed.
    mutating func take(_ input: Input) -> Bool {
        let before = text
        switch input {
        case .type(let typed): insert(typed)
        case .paste(let pasted): paste(pasted)
        case .action(let action): if let command = action.editCommand { apply(command) }
        case .unbound: break
        }
        return text != before
    }
}
