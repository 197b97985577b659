/// An in-memory terminal for tests: a grid of cells, a script of events, a count of writes.
package final class GridTerminal: Terminal, @unchecked Sendable {
    package private(set) var columns: Int
    package private(set) var rows: Int
    package private(set) var screen: Frame
    package private(set) var cellsPainted = 0
    package private(set) var cursor: (x: Int, y: Int, visible: Bool) = (0, 0, false)
    private var events: [TerminalEvent] = []

    package init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
        screen = Frame(width: columns, height: rows)
    }

    package func paint(_ changes: [(x: Int, y: Int, cell: ScreenCell)]) {
        for change in changes where change.x < columns && change.y < rows { screen[change.x, change.y] = change.cell }
        cellsPainted += changes.count
    }

    /// Control sequences sent (OSC 52 and the like), in order.
    package private(set) var controls: [String] = []
    package private(set) var suspensions = 0

    package func moveCursor(x: Int, y: Int, visible: Bool) { cursor = (x, y, visible) }
    package func sendControl(_ sequence: String) { controls.append(sequence) }
    package func repaintAll() {}
    /// Rows asked to be rewritten (`repaint(rows:)`), in order.
    package private(set) var repaintedRows: [Range<Int>] = []
    package func repaint(rows: Range<Int>) { repaintedRows.append(rows) }
    package func suspend() { suspensions += 1 }
    package func flush() {}

    package func nextEvent(timeoutMilliseconds: Int) -> TerminalEvent? {
        events.isEmpty ? nil : events.removeFirst()
    }

    /// Queues events as a person would type them.
    package func send(_ more: TerminalEvent...) { events += more }
    package func type(_ text: String) { events += text.map { .key(.character($0)) } }

    package private(set) var cellPixels: (width: Int, height: Int)?

    /// A resize as the terminal reports it: the screen is cleared, the event queued. A font
    /// change comes the same way, with `cell` the new cell size in pixels.
    package func resize(columns: Int, rows: Int, cell: (width: Int, height: Int)? = nil) {
        self.columns = columns
        self.rows = rows
        if let cell { cellPixels = cell }
        screen = Frame(width: columns, height: rows)
        events.append(.resize(columns: columns, rows: rows))
    }

    package var text: [String] { screen.text }
}
