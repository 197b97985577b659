import Foundation
import Generation
import History
import Preview
import RunwareAPI
import TerminalUI

/// Everything the studio shows, as plain values. The reducer changes it; views draw it.
public struct StudioState: Sendable {
    public var columns: Int
    public var rows: Int
    public var now: Date

    public var form: GenerateForm
    /// Index into `form.fields`.
    public var focus = 0
    /// First form row shown.
    public var formScroll = 0
    public var prompt: TextEditor
    /// The editor of the focused single-line field, loaded when focus arrives.
    public var line = LineEditor()
    public var overlay: Overlay?

    /// Every prompt sent, newest first (from History, then this session's).
    public var promptHistory: [String] = []
    /// Position in `promptHistory` while recalling, and the text there was before.
    public var recall: Int?
    public var promptBeforeRecall: String?

    public var jobs: [JobLine] = []
    public var nextJobID = 1
    public var results: [RecentResult] = []
    public var selectedResult = 0
    public var thumbnails: [ThumbnailKey: CellGrid] = [:]
    public var thumbnailsRequested: Set<ThumbnailKey> = []

    public var target: String
    public var spendToday: Double?
    public var lastError: String?
    /// A short note in the status line ("copied the seed").
    public var notice: String?
    public var estimates: [EstimateKey: CostEstimate] = [:]
    public var lastSeed: UInt64?
    /// The folder the file picker opens first.
    public var pickerFolder: String
    public var quitRequested = false
    /// The preview is placed with a pixel protocol; its cells stay blank.
    public var pixelPreview = false
    public var screen: StudioScreen = .generate
    public var history = HistoryBrowser()
    /// Set by a fork from History: the next job generated from the form descends from it.
    public var forkedFrom: JobParent?

    public init(columns: Int, rows: Int, now: Date, document: [String: JSONValue], target: String, pickerFolder: String) {
        self.columns = columns
        self.rows = rows
        self.now = now
        form = GenerateForm(document: document)
        prompt = TextEditor(document["positivePrompt"]?.stringValue ?? "")
        self.target = target
        self.pickerFolder = pickerFolder
    }

    public var focusedField: FieldSpec? { form.fields.indices.contains(focus) ? form.fields[focus] : nil }
    public var jobsInFlight: Int { jobs.filter(\.inFlight).count }
    public var selected: RecentResult? { results.indices.contains(selectedResult) ? results[selectedResult] : nil }

    public var estimateKey: EstimateKey {
        let d = form.draft
        return EstimateKey(model: d.model, width: d.width, height: d.height, steps: d.steps)
    }
}
