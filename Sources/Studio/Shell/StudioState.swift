import Foundation
import Preview
import RunwareAPI
import TerminalUI

/// The studio's root state: the terminal, the clock, which screen is up, the pop-up over it, the
/// status line, the jobs in flight and the picture cache. Each screen's own state is a value of
/// its own (`generate`, `history`); the shell routes events to the one that owns them.
public struct StudioState: Sendable {
    public var columns: Int
    public var rows: Int
    public var now: Date
    public var screen: StudioScreen = .generate
    public var overlay: Overlay?
    public var status: StatusLine
    public var jobs = JobsState()
    /// Thumbnails drawn as cells, by file and size; shared by every screen.
    public var thumbnails: [ThumbnailKey: CellGrid] = [:]
    public var thumbnailsRequested: Set<ThumbnailKey> = []
    /// The preview is placed with a pixel protocol; its cells stay blank.
    public var pixelPreview = false
    /// Where a copy goes: the terminal (OSC 52), or tmux's paste buffer when tmux drops OSC 52.
    public var clipboard: ClipboardRoute = .terminal
    /// The folder the file picker opens first.
    public var pickerFolder: String
    /// Where results are saved (the file picker's shortcut), and the home folder (`~` in a typed path).
    public var imagesFolder: String?
    public var homeFolder: String?
    public var quitRequested = false
    /// Esc was pressed where it means nothing else: the next key comes with Alt.
    public var escapeAsAlt = false

    public var generate: GenerateState
    public var history = HistoryBrowser()

    public init(columns: Int, rows: Int, now: Date, document: [String: JSONValue], target: String, pickerFolder: String) {
        self.columns = columns
        self.rows = rows
        self.now = now
        generate = GenerateState(document: document)
        status = StatusLine(target: target)
        self.pickerFolder = pickerFolder
    }

    /// What a screen or a pop-up may read but not change.
    public var context: ScreenContext {
        ScreenContext(columns: columns, rows: rows, now: now, pixelPreview: pixelPreview, pickerFolder: pickerFolder,
                      imagesFolder: imagesFolder, homeFolder: homeFolder)
    }
}

/// Facts a screen's or a pop-up's reducer reads and never changes.
public struct ScreenContext: Sendable, Equatable {
    public let columns: Int
    public let rows: Int
    public let now: Date
    public let pixelPreview: Bool
    public let pickerFolder: String
    public var imagesFolder: String? = nil
    public var homeFolder: String? = nil

    /// Rows a page of a pop-up list moves.
    public var listPage: Int { max(3, rows - 10) }
}

/// The status line: where requests go, what today cost, and the last notice or error.
public struct StatusLine: Sendable, Equatable {
    public var target: String
    public var spendToday: Double?
    /// The account's balance in USD, from the API (`accountManagement`).
    public var balance: Double?
    /// A short note ("copied the seed"); cleared by the next key.
    public var notice: String?
    /// A new error takes the line from the notice before it, so it is never hidden behind one.
    public var lastError: String? { didSet { if lastError != nil { notice = nil } } }
    /// What this terminal cannot show and the command that fixes it (tmux's passthrough off, a
    /// kitty too old for tmux): on the line whenever nothing newer is, and at the top of help.
    public var terminalHint: String?

    public init(target: String) { self.target = target }
}
