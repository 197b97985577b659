import Foundation

/// The terminal's size in cells (and, when it tells, a cell's size in pixels), asked of stdout
/// with TIOCGWINSZ; nothing is written to the terminal.
package struct TerminalSize: Sendable, Equatable {
    package var columns: Int
    package var rows: Int
    package var cellWidth: Int?
    package var cellHeight: Int?

    /// A cell's height over its width, when the terminal gave its pixel size.
    package var cellAspect: Double? {
        guard let cellWidth, let cellHeight, cellWidth > 0, cellHeight > 0 else { return nil }
        return Double(cellHeight) / Double(cellWidth)
    }

    package init(columns: Int, rows: Int, cellWidth: Int? = nil, cellHeight: Int? = nil) {
        self.columns = columns
        self.rows = rows
        self.cellWidth = cellWidth
        self.cellHeight = cellHeight
    }

    /// With the cell's pixel size asked of the terminal (`CSI 16 t`) when TIOCGWINSZ gave none;
    /// `ask` writes a query and returns the answer (`TerminalProbe.askTerminal`).
    package func askingCellSize(_ ask: (String) -> String) -> TerminalSize {
        guard cellWidth == nil || cellHeight == nil, let cell = TerminalReply.cellSize(in: ask("\u{1B}[16t\u{1B}[c")) else { return self }
        return TerminalSize(columns: columns, rows: rows, cellWidth: cell.width, cellHeight: cell.height)
    }

    /// nil when `fd` (stdout) is not a terminal or does not report a size.
    package static func current(fd: Int32 = STDOUT_FILENO) -> TerminalSize? {
        guard isatty(fd) == 1 else { return nil }
        var size = winsize()
        guard ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        let cw = size.ws_xpixel > 0 ? Int(size.ws_xpixel) / Int(size.ws_col) : nil
        let ch = size.ws_ypixel > 0 && size.ws_row > 0 ? Int(size.ws_ypixel) / Int(size.ws_row) : nil
        return TerminalSize(columns: Int(size.ws_col), rows: Int(size.ws_row), cellWidth: cw, cellHeight: ch)
    }
}
