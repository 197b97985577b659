import Foundation
import RunwareAPI
import TerminalUI

/// What of the studio comes back after a restart: the form's draft and the focused field, the
/// screen (with History's search, pane and selected job) and the Generate strip of results.
/// Pure value; `StudioStateFile` reads and writes it.
package struct StudioSnapshot: Codable, Sendable, Equatable {
    /// Bumped when the shape changes; a file of another version is ignored, named.
    package static let version = 1

    package var version = Self.version
    /// The task object being edited (as `GenerateForm.document`).
    package var draft: JSONValue
    /// The focused field's path (`steps`, `lora[0].weight`).
    package var focus: String
    package var formScroll: Int
    package var screen: String
    package var historyQuery: String
    package var historyList: Bool
    package var historySelectedID: Int64?
    package var historySelected: Int
    /// Stacks on or off (`u`); absent in files written before stacks.
    package var historyStacked: Bool?
    package var results: [Result]
    package var selectedResult: Int

    /// One picture of the strip.
    package struct Result: Codable, Sendable, Equatable {
        package var path: String
        package var seed: UInt64?
        package var job: String
        package var index: Int
        package var flagged: Bool
    }

    package init(_ state: StudioState) {
        let g = state.generate
        draft = g.form.document
        focus = g.focusedField?.path.description ?? ""
        formScroll = g.formScroll
        screen = state.screen == .history ? "history" : "generate"
        historyQuery = state.history.query.text
        historyList = state.history.mode == .list
        historySelectedID = state.history.selectedID
        historySelected = state.history.selected
        historyStacked = state.history.stacked
        results = g.results.map { Result(path: $0.path, seed: $0.seed, job: $0.job, index: $0.index, flagged: $0.flagged) }
        selectedResult = g.selectedResult
    }

    /// Puts the snapshot back into a freshly made state. Results whose file is gone are left
    /// out (`fileExists` is asked of each), and so are any past the strip's 48. The file is from
    /// outside: a draft past the parameter table's sizes is cut (`SizeCaps`), said in the notice.
    package func restore(into state: inout StudioState, fileExists: (String) -> Bool = { FileManager.default.fileExists(atPath: $0) }) {
        if let object = draft.objectValue {
            let (kept, cuts) = SizeCaps.capped(object)
            state.generate.load(kept)
            if !cuts.isEmpty {
                // Said first, and kept as the last error once the next key clears the notice.
                let said = SafeText.line("cut from the saved draft: " + cuts.joined(separator: ", "))
                state.status.lastError = said
                state.status.notice = said
            }
        }
        let kept = results.prefix(GenerateState.resultLimit).filter { fileExists($0.path) }
        state.generate.restore(focus: JSONPath(focus), formScroll: formScroll,
                               results: kept.map { RecentResult(path: $0.path, seed: $0.seed, historyID: Int64($0.job), index: $0.index, flagged: $0.flagged) },
                               selectedResult: selectedResult)
        state.history.restore(query: historyQuery, list: historyList, stacked: historyStacked ?? true,
                              selected: historySelected, selectedID: historySelectedID, shown: screen == "history")
        if screen == "history" { state.screen = .history }
    }
}
