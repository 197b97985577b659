/// A key, with the modifiers terminals can report.
package enum Key: Sendable, Hashable {
    case character(Character)
    case enter, tab, backTab, backspace, delete, escape
    case up, down, left, right, home, end, pageUp, pageDown, insert
    /// Ctrl with Left or Right (a word left or right in text).
    case ctrlLeft, ctrlRight
    case function(Int)
    case ctrl(Character)
    case alt(Character)
}

package enum MouseButton: Sendable, Hashable { case left, middle, right, wheelUp, wheelDown }

package enum TerminalEvent: Sendable, Hashable {
    case key(Key)
    case mouse(button: MouseButton, x: Int, y: Int, pressed: Bool)
    case paste(String)
    case resize(columns: Int, rows: Int)
}

/// The one way the app touches the terminal: size, changed cells out, events in.
/// ncurses implements it in the app, `GridTerminal` in tests.
package protocol Terminal: AnyObject {
    var columns: Int { get }
    var rows: Int { get }
    /// Paints the given cells (already diffed by the renderer).
    func paint(_ changes: [(x: Int, y: Int, cell: ScreenCell)])
    func moveCursor(x: Int, y: Int, visible: Bool)
    func flush()
    /// The next event, waiting at most `timeoutMilliseconds` (nil: no event yet).
    func nextEvent(timeoutMilliseconds: Int) -> TerminalEvent?
    /// Sends a control sequence the cell model has no place for (OSC 52 clipboard, pixel images).
    func sendControl(_ sequence: String)
    /// Repaints the whole screen on the next flush (Ctrl-L, after an image was drawn over cells).
    func repaintAll()
    /// Rewrites every cell of these rows on the next flush, blank ones too. A sixel or iTerm2
    /// picture stays on the terminal until the cells under it are written again, and the cell
    /// model thinks blank cells need no writing: this takes such a picture away.
    func repaint(rows: Range<Int>)
    /// Gives the terminal back and stops the process (Ctrl-Z); returns after `fg`.
    func suspend()
    /// Ends a `nextEvent` wait early when background work has something to show; nil when the
    /// terminal is not waited on (in-memory grids in tests).
    var wakeSignal: WakeSignal? { get }
    /// A cell's size in pixels, as the terminal reports it now (TIOCGWINSZ); nil when it does not.
    var cellPixels: (width: Int, height: Int)? { get }
}

extension Terminal {
    package var wakeSignal: WakeSignal? { nil }
    package var cellPixels: (width: Int, height: Int)? { nil }
}
