import Foundation
import RunwareAPI
import TerminalUI

/// What of the studio comes back after a restart: the form's draft and the focused field, the
/// screen (with History's search, pane and selected job) and the Generate strip of results.
/// Pure value; `StudioStateFile` reads and writes it.
public struct StudioSnapshot: Codable, Sendable, Equatable {
    /// Bumped when the shape changes; a file of another version is ignored, named.
    public static let version = 1

    public var version = Self.version
    /// The task object being edited (as `GenerateForm.document`).
    public var draft: JSONValue
    /// The focused field's path (`steps`, `lora[0].weight`).
    public var focus: String
    public var formScroll: Int
    public var screen: String
    public var historyQuery: String
    public var historyList: Bool
    public var historySelectedID: Int64?
    public var historySelected: Int
    /// Stacks on or off (`u`); absent in files written before stacks.
    public var historyStacked: Bool?
    public var results: [Result]
    public var selectedResult: Int

    /// One picture of the strip.
    public struct Result: Codable, Sendable, Equatable {
        public var path: String
        public var seed: UInt64?
        public var job: String
        public var index: Int
        public var flagged: Bool
    }

    public init(_ state: StudioState) {
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
    public func restore(into state: inout StudioState, fileExists: (String) -> Bool = { FileManager.default.fileExists(atPath: $0) }) {
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
