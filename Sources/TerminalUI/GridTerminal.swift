/// An in-memory terminal for tests: a grid of cells, a script of events, a count of writes.
public final class GridTerminal: Terminal, @unchecked Sendable {
    public private(set) var columns: Int
    public private(set) var rows: Int
    public private(set) var screen: Frame
    public private(set) var cellsPainted = 0
    public private(set) var cursor: (x: Int, y: Int, visible: Bool) = (0, 0, false)
    private var events: [TerminalEvent] = []

    public init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
        screen = Frame(width: columns, height: rows)
    }

    public func paint(_ changes: [(x: Int, y: Int, cell: ScreenCell)]) {
        for change in changes where change.x < columns && change.y < rows { screen[change.x, change.y] = change.cell }
        cellsPainted += changes.count
    }

    /// Control sequences sent (OSC 52 and the like), in order.
    public private(set) var controls: [String] = []
    public private(set) var suspensions = 0

    public func moveCursor(x: Int, y: Int, visible: Bool) { cursor = (x, y, visible) }
    public func sendControl(_ sequence: String) { controls.append(sequence) }
    public func repaintAll() {}
    /// Rows asked to be rewritten (`repaint(rows:)`), in order.
    public private(set) var repaintedRows: [Range<Int>] = []
    public func repaint(rows: Range<Int>) { repaintedRows.append(rows) }
    public func suspend() { suspensions += 1 }
    public func flush() {}

    public func nextEvent(timeoutMilliseconds: Int) -> TerminalEvent? {
        events.isEmpty ? nil : events.removeFirst()
    }

    /// Queues events as a person would type them.
    public func send(_ more: TerminalEvent...) { events += more }
    public func type(_ text: String) { events += text.map { .key(.character($0)) } }

    public private(set) var cellPixels: (width: Int, height: Int)?

    /// A resize as the terminal reports it: the screen is cleared, the event queued. A font
    /// change comes the same way, with `cell` the new cell size in pixels.
    public func resize(columns: Int, rows: Int, cell: (width: Int, height: Int)? = nil) {
        self.columns = columns
        self.rows = rows
        if let cell { cellPixels = cell }
        screen = Frame(width: columns, height: rows)
        events.append(.resize(columns: columns, rows: rows))
    }

    public var text: [String] { screen.text }
}
