import Foundation
import Generation
import History
import Preview
import RunwareAPI
import TerminalUI

/// What reaches the reducer: the terminal, and answers from work done off the UI thread.
public enum StudioEvent: Sendable {
    case terminal(TerminalEvent)
    case tick(Date)
    /// Progress of the job the studio knows as `id` (see `JobLine.id`).
    case job(id: Int, JobEvent)
    case jobEnded(id: Int, failure: String?, cancelled: Bool)
    case models(query: String, results: [ModelEntry], error: String?)
    case folder(path: String, entries: [FileEntry], error: String?)
    case thumbnail(ThumbnailKey, CellGrid?)
    /// The picture could not be made (a missing or damaged file): shown as a marked cell with why.
    case thumbnailFailed(ThumbnailKey, reason: String)
    case estimate(EstimateKey, CostEstimate)
    case spendToday(Double)
    /// The account's balance (`accountManagement`), nil when the target does not tell.
    case balance(Double?)
    case promptHistory([String])
    case notice(String)
    case error(String)
    /// A page of History's matching jobs, for the query of `generation`.
    /// `total`: the cells (stacks, when stacked); `matching`: the jobs, when they differ.
    case historyPage(generation: Int, page: Int, total: Int, jobs: [HistoryJob], matching: Int? = nil)
    case historyFailed(generation: Int, String)
    /// Something in History changed (a favourite, a deletion): reload what is shown.
    case historyChanged(String)
    case lineage(LineageTree)
    /// The sweep saved: a PNG per page.
    case sweepSaved([String])
    /// The task object read from an image file's metadata, or why there is none.
    case imageRequest(path: String, [String: JSONValue]?, error: String?)
    /// A batch delete measured: exactly these jobs, naming this many files, are to be asked about.
    case deleteReady(ids: [Int64], files: Int, userFiles: [String], what: String)
    case savedSearches([String: String])
    /// History's data version (`PRAGMA data_version`): another process wrote when it changes.
    case historyVersion(Int)
    /// A picture for the pixel-protocol preview, ready to write, made for cells of `cell` pixels.
    case pixels(ThumbnailKey, [UInt8], columns: Int, rows: Int, cell: CellPixels)
}

/// A terminal cell's size in pixels.
public struct CellPixels: Sendable, Equatable {
    public var width: Int
    public var height: Int
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
}

/// Work the reducer asks for; the app runs it off the UI thread and answers with events.
public enum StudioEffect: Sendable, Equatable {
    case generate(jobID: Int, ImageInferenceRequest, parent: JobParent?)
    case cancel(jobID: Int)
    case searchModels(query: String, kind: ModelKind, architecture: String?)
    case listFolder(String)
    case thumbnail(ThumbnailKey)
    case estimate(EstimateKey)
    case refreshSpend
    /// `stacked`: jobs that differ only in seed come as one (the newest, with the stack's count).
    case loadHistory(query: String, generation: Int, page: Int, stacked: Bool = false)
    case setFavourite(jobID: Int64, Bool)
    /// `userFiles`: what becomes of the user's own image files (imported where they lie).
    case deleteJob(Int64, userFiles: UserFiles = .keep)
    case tagJob(Int64, add: [String], remove: [String])
    case exportJob(Int64, folder: String)
    case loadLineage(Int64)
    case readImage(String)
    case saveSweep(SweepGrid)
    case batch(HistoryBatch)
    /// Finds the jobs and files a batch delete would remove, to ask first.
    case prepareDelete(HistoryBatch.Target, what: String)
    case loadSavedSearches
    case saveSearch(name: String, query: String)
    /// Asks History whether another process wrote since.
    case checkHistoryVersion
    /// To the clipboard by `StudioState.clipboard`: OSC 52 (the terminal, and over SSH the local
    /// machine, puts it on the clipboard), or tmux's paste buffer.
    case copy(String)
    case suspend
    case redraw
}
