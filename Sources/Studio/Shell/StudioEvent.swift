import Foundation
import Generation
import History
import Preview
import RunwareAPI
import TerminalUI

/// What reaches the reducer: the terminal, the clock, and answers from work done off the UI
/// thread. A screen's answers come in its own family (`GenerateAnswer`, `HistoryAnswer`,
/// `PickerAnswer`), which the shell hands to that screen's reducer; the rest are the shell's own
/// (jobs, pictures, the status line's figures).
package enum StudioEvent: Sendable {
    case terminal(TerminalEvent)
    case tick(Date)
    case generate(GenerateAnswer)
    case history(HistoryAnswer)
    case picker(PickerAnswer)
    /// Progress of the job the studio knows as `id` (see `JobLine.id`).
    case job(id: Int, JobEvent)
    case jobEnded(id: Int, failure: String?, cancelled: Bool)
    case thumbnail(ThumbnailKey, CellGrid?)
    /// The picture could not be made (a missing or damaged file): shown as a marked cell with why.
    case thumbnailFailed(ThumbnailKey, reason: String)
    case spendToday(Double)
    /// The account's balance (`accountManagement`), nil when the target does not tell.
    case balance(Double?)
    case notice(String)
    case error(String)
    /// A picture for the pixel-protocol preview, ready to write, made for cells of `cell` pixels.
    case pixels(ThumbnailKey, [UInt8], columns: Int, rows: Int, cell: CellPixels)
}

/// Work the reducer asks for; the app hands each family to its runner off the UI thread, and
/// the answers come back as events. The shell's own: jobs, pictures, the status line's figures
/// and the terminal.
package enum StudioEffect: Sendable, Equatable {
    case generate(GenerateEffect)
    case history(HistoryEffect)
    case picker(PickerEffect)
    /// Runs a job to its end; the runner mints its taskUUID.
    case run(jobID: Int, ImageInferenceRequest, parent: JobParent?)
    case cancel(jobID: Int)
    case thumbnail(ThumbnailKey)
    /// Today's spend from History, at start: the balance is asked once a job has cost something.
    case loadSpend
    /// Today's spend from History and the account's balance from the API.
    case refreshSpend
    /// To the clipboard by `StudioState.clipboard`: OSC 52 (the terminal, and over SSH the local
    /// machine, puts it on the clipboard), or tmux's paste buffer.
    case copy(String)
    case suspend
    case redraw
}
