import Foundation
import Preview
import RunwareAPI
import TerminalUI

/// The studio's root state: the terminal, the clock, which screen is up, the pop-up over it, the
/// status line, the jobs in flight and the picture cache. Each screen's own state is a value of
/// its own (`generate`, `history`); the shell routes events to the one that owns them.
package struct StudioState: Sendable {
    package var columns: Int
    package var rows: Int
    package var now: Date
    package var screen: StudioScreen = .generate
    package var overlay: Overlay?
    package var status: StatusLine
    package var jobs = JobsState()
    /// Thumbnails drawn as cells, by file and size; shared by every screen.
    package var thumbnails: [ThumbnailKey: CellGrid] = [:]
    package var thumbnailsRequested: Set<ThumbnailKey> = []
    /// The preview is placed with a pixel protocol; its cells stay blank.
    package var pixelPreview = false
    /// Where a copy goes: the terminal (OSC 52), or tmux's paste buffer when tmux drops OSC 52.
    package var clipboard: ClipboardRoute = .terminal
    /// The folder the file picker opens first.
    package var pickerFolder: String
    /// Where results are saved (the file picker's shortcut), and the home folder (`~` in a typed path).
    package var imagesFolder: String?
    package var homeFolder: String?
    package var quitRequested = false
    /// Esc was pressed where it means nothing else: the next key comes with Alt.
    package var escapeAsAlt = false

    package var generate: GenerateState
    package var history = HistoryBrowser()

    package init(columns: Int, rows: Int, now: Date, document: [String: JSONValue], target: String, pickerFolder: String) {
        self.columns = columns
        self.rows = rows
        self.now = now
        generate = GenerateState(document: document)
        status = StatusLine(target: target)
        self.pickerFolder = pickerFolder
    }

    /// What a screen or a pop-up may read but not change.
    package var context: ScreenContext {
        ScreenContext(columns: columns, rows: rows, now: now, pixelPreview: pixelPreview, pickerFolder: pickerFolder,
                      imagesFolder: imagesFolder, homeFolder: homeFolder)
    }
}

/// Facts a screen's or a pop-up's reducer reads and never changes.
package struct ScreenContext: Sendable, Equatable {
    package let columns: Int
    package let rows: Int
    package let now: Date
    package let pixelPreview: Bool
    package let pickerFolder: String
    package var imagesFolder: String? = nil
    package var homeFolder: String? = nil

    /// Rows a page of a pop-up list moves.
    package var listPage: Int { max(3, rows - 10) }
}

/// The status line: where requests go, what today cost, and the last notice or error.
package struct StatusLine: Sendable, Equatable {
    package var target: String
    package var spendToday: Double?
    /// The account's balance in USD, from the API (`accountManagement`).
    package var balance: Double?
    /// A short note ("copied the seed"); cleared by the next key.
    package var notice: String?
    /// A new error takes the line from the notice before it, so it is never hidden behind one.
    package var lastError: String? { didSet { if lastError != nil { notice = nil } } }
    /// What this terminal cannot show and the command that fixes it (tmux's passthrough off, a
    /// kitty too old for tmux): on the line whenever nothing newer is, and at the top of help.
    package var terminalHint: String?

    package init(target: String) { self.target = target }
}
