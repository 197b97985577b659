import History
import Foundation
import Preview
import RunwareAPI
import TerminalUI

/// The Generate screen: the form and its focus, the prompt editor, prompt recall, the recent
/// results and the cost estimates.
package struct GenerateState: Sendable {
    package var form: GenerateForm
    /// Index into `form.fields`.
    package var focus = 0
    /// First form row shown.
    package var formScroll = 0
    package var prompt: TextEditor
    /// The editor of the focused single-line field, loaded when focus arrives.
    package var line = LineEditor()
    /// A number field just focused: the first character typed replaces its value (1536, then
    /// typing 1024, gives 1024); any other edit first keeps it.
    package var replaceOnType = false
    package var recall = PromptRecall()
    package var results: [RecentResult] = []
    package var selectedResult = 0
    package var lastSeed: UInt64?
    package var estimates: [EstimateKey: CostEstimate] = [:]
    /// Set by a fork from History: the next job generated from the form descends from it.
    package var forkedFrom: JobParent?
    /// The preview has the whole screen (the zoom key; on a narrow terminal, the way to results).
    package var previewZoomed = false

    package init(document: [String: JSONValue]) {
        form = GenerateForm(document: document)
        prompt = TextEditor(document["positivePrompt"]?.stringValue ?? "")
    }

    /// The screen's geometry for a terminal size, zoomed or not.
    package func layout(columns: Int, rows: Int) -> GenerateLayout {
        GenerateLayout(columns: columns, rows: rows, zoomed: previewZoomed)
    }

    package var focusedField: FieldSpec? { form.fields.indices.contains(focus) ? form.fields[focus] : nil }
    package var selected: RecentResult? { results.indices.contains(selectedResult) ? results[selectedResult] : nil }

    package var estimateKey: EstimateKey {
        let d = form.draft
        return EstimateKey(model: d.model, width: d.width, height: d.height, steps: d.steps)
    }

    /// How many results the strip keeps.
    package static let resultLimit = 48

    /// A saved image of a job joins the front of the strip.
    package mutating func add(_ result: RecentResult) {
        results.insert(result, at: 0)
        if results.count > Self.resultLimit { results.removeLast(results.count - Self.resultLimit) }
        selectedResult = 0
        if let seed = result.seed { lastSeed = seed }
    }

    /// The preview's picture and the strip's, at their sizes.
    package func wantedThumbnails(_ layout: GenerateLayout, pixelPreview: Bool) -> [ThumbnailKey] {
        var keys: [ThumbnailKey] = []
        if !pixelPreview, let preview = layout.preview, let selected, preview.height >= 2 {
            keys.append(ThumbnailKey(path: selected.path, columns: preview.width, rows: preview.height))
        }
        for result in results.prefix(layout.stripCount) {
            keys.append(ThumbnailKey(path: result.path, columns: GenerateLayout.stripThumbWidth, rows: GenerateLayout.stripThumbHeight))
        }
        return keys
    }
}

/// Every prompt sent, newest first (from History, then this session's), and where recall is.
package struct PromptRecall: Sendable, Equatable {
    package var prompts: [String] = []
    /// Position in `prompts` while recalling.
    package var position: Int?
    /// The text in the editor before recall started.
    package var before: String?

    package init() {}

    /// A prompt just sent goes to the front, once.
    package mutating func sent(_ prompt: String) {
        prompts.removeAll { $0 == prompt }
        prompts.insert(prompt, at: 0)
        position = nil
        before = nil
    }

    /// Prompts History knows, after this session's.
    package mutating func learn(_ more: [String]) {
        var seen = Set(prompts)
        prompts += more.filter { seen.insert($0).inserted }
    }
}

/// A result image in the recent strip.
package struct RecentResult: Sendable, Equatable {
    package var path: String
    package var seed: UInt64?
    /// The job's History id; nil before History recorded it (or when it could not).
    package var historyID: Int64?
    package var index: Int
    /// The content checker flagged it (`NSFWContent`).
    package var flagged: Bool
    package init(path: String, seed: UInt64?, historyID: Int64?, index: Int, flagged: Bool = false) {
        self.path = path
        self.seed = seed
        self.historyID = historyID
        self.index = index
        self.flagged = flagged
    }

    /// The job's number as shown, without its `#`: History's id, or "new" (as `JobLine.number`).
    package var job: String { historyID.map(String.init) ?? "new" }
}

/// What a comparable past job cost: same model, size and steps.
package struct EstimateKey: Sendable, Hashable {
    package var model: String
    package var width: Int?
    package var height: Int?
    package var steps: Int?
    package init(model: String, width: Int?, height: Int?, steps: Int?) {
        self.model = model
        self.width = width
        self.height = height
        self.steps = steps
    }
}

package enum CostEstimate: Sendable, Equatable {
    case unknown
    case perImage(Double, samples: Int)
    /// Nothing comparable in History yet: the model's published price per image.
    case published(Double)
}
