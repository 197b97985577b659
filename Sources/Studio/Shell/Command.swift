import History
import RunwareAPI
import TerminalUI

/// What a screen's or a pop-up's reducer asks of the shell, which owns everything outside that
/// screen: the status line, the pop-up slot, which screen is up, the jobs, the other screen.
package enum Command: Sendable, Equatable {
    case effect(StudioEffect)
    case notice(String)
    /// Said on the status line as an error (it takes the line from any notice).
    case error(String)
    /// Leave the studio (after a question was answered yes).
    case quit
    case open(Overlay)
    case show(StudioScreen)
    case send(JobOrder)
    case generate(GenerateOrder)
    case history(HistoryOrder)
    /// The file picker's folder, kept for the next time it opens.
    case rememberFolder(String)
    /// Text to the clipboard; the status line names `what` and where it went (`ClipboardRoute`).
    case copy(String, what: String)
}

/// Changes to the Generate screen asked for by the shell, a pop-up or History.
package enum GenerateOrder: Sendable, Equatable {
    case setField(JSONPath, String)
    case chooseModel(String, for: PickerTarget)
    /// A prompt from the search: into the editor, remembered as a recall position.
    case usePrompt(String)
    /// A whole request into the form; `parent` when it is a fork to be recorded as such.
    case load([String: JSONValue], parent: JobParent?, notice: String)
    /// A History image as one of the form's input images.
    case useImage(String, as: ImageUse, job: Int64)
    /// A job saved an image: the newest of the results strip.
    case resultSaved(RecentResult)
    /// A job ended: estimates are read again (History has one more comparable job).
    case jobEnded
}

/// Which input image a History result becomes.
package enum ImageUse: String, Sendable, Equatable {
    case seedImage = "seed image", maskImage = "mask", guideImage = "ControlNet guide image"
}

/// Changes to the History screen asked for by the shell, a pop-up or the Generate screen.
package enum HistoryOrder: Sendable, Equatable {
    case sweep(String, over: Int64)
    /// The job is going: close what shows it.
    case forget(Int64)
    /// A batch ran (or was asked and refused): the marks are spent.
    case clearMarks
    /// This text into the search line, searched.
    case search(String)
    /// The job in the loupe (from the Generate strip): the whole of History, the job selected.
    case loupe(Int64)
    /// The screen comes up (its pages are read when it has none), or goes (an open job closes).
    case appear, leave
    /// A sweep's job saved its image, or failed.
    case jobSaved(sweepCell: Int, path: String)
    case jobFailed(sweepCell: Int, String)
    /// A job ended: what is shown is read again.
    case jobEnded
}

/// A key press, typed text or a paste, as the owner of the focus receives it.
package enum Input: Sendable, Equatable {
    case action(StudioAction)
    case type(String)
    case paste(String)
    /// A key with no binding here.
    case unbound(Key)
}
