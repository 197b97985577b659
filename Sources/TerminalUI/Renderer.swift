/// Sends only the cells that changed since the last frame; a size change repaints everything.
package struct Renderer: Sendable {
    private var shown: Frame?

    package init() {}

    /// Forgets what is on screen (after a resize, a suspend, or a pixel image drawn over it).
    package mutating func invalidate() { shown = nil }

    /// Paints `frame` and returns how many cells were sent.
    @discardableResult
    package mutating func render(_ frame: Frame, to terminal: Terminal, cursor: (x: Int, y: Int)? = nil) -> Int {
        var changes: [(x: Int, y: Int, cell: ScreenCell)] = []
        let previous = shown.flatMap { $0.width == frame.width && $0.height == frame.height ? $0 : nil }
        for y in 0..<frame.height {
            for x in 0..<frame.width {
                let cell = frame[x, y]
                if let previous, previous[x, y] == cell { continue }
                changes.append((x, y, cell))
            }
        }
        if !changes.isEmpty { terminal.paint(changes) }
        terminal.moveCursor(x: cursor?.x ?? 0, y: cursor?.y ?? 0, visible: cursor != nil)
        terminal.flush()
        shown = frame
        return changes.count
    }
}
