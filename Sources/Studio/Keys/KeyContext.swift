/// Where a binding works. A key is looked up along a chain of contexts, most specific first
/// (for example a History detail: `detail`, then `history`, then `global`), so a pane or a pop-up
/// can give a key its own meaning and leave the rest to what is under it.
package enum KeyContext: String, Sendable, Equatable, CaseIterable {
    /// Everywhere, pop-ups included.
    case global
    case generate
    /// The focused form field that is not text: step, cycle, toggle, open its picker.
    case field
    /// Line editing in every text field, the prompt and the pop-ups' search lines.
    case text
    /// The multi-line prompt's own keys.
    case prompt
    case history
    /// Typing a History search.
    case historySearch = "history-search"
    case detail, lineage, compare, sweep
    /// One picture on the whole History screen.
    case loupe
    /// Moving in a list (pickers, help, lineage).
    case list
    /// A pop-up that is accepted or cancelled (pickers, prompts).
    case dialog
    case help, confirm
    /// The file picker's own keys.
    case files
    /// The whole last error, notice and job failures.
    case message
    case promptSearch = "prompt-search"
    /// The Generate preview on the whole screen.
    case preview

    /// The heading of the context's part of the `?` screen.
    package var title: String {
        switch self {
        case .global: "Everywhere"
        case .generate: "Generate"
        case .field: "A focused field"
        case .text: "Editing text (fields, prompt, search lines)"
        case .prompt: "The prompt"
        case .history: "History"
        case .historySearch: "History search line"
        case .detail: "History: a job's details"
        case .lineage: "History: lineage"
        case .compare: "History: comparison"
        case .sweep: "History: sweep sheet"
        case .loupe: "History: the loupe (left/right: the previous/next job, 0-5 rate)"
        case .list: "Lists (pickers, help, lineage)"
        case .dialog: "Pop-ups"
        case .help: "This help"
        case .confirm: "Questions (y/n)"
        case .files: "The file picker (type a name to filter, or a path: /…, ~/…)"
        case .message: "Messages in full"
        case .promptSearch: "Prompt search"
        case .preview: "The preview on the whole screen (f3)"
        }
    }

    /// The contexts `?` lists for a screen: everything a key can do there.
    package static func listed(on screen: StudioScreen) -> [KeyContext] {
        switch screen {
        case .generate: [.global, .generate, .preview, .field, .prompt, .text, .dialog, .files, .list, .promptSearch, .message, .help]
        case .history: [.global, .history, .historySearch, .loupe, .detail, .lineage, .compare, .sweep, .confirm, .dialog, .files, .list, .text, .message, .help]
        }
    }
}
