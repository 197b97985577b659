import CNcursesw
import Foundation

/// A pseudo-terminal pair of a given size: the slave side is where a `CursesTerminal` (or a
/// child process) writes, the master side is where a test or benchmark reads what it wrote.
package struct PseudoTerminal: Sendable {
    package let master: Int32
    package let slave: Int32

    /// `cellWidth` x `cellHeight`: the pixel size of a cell the terminal reports (TIOCGWINSZ), 0 for none.
    package init?(columns: Int, rows: Int, cellWidth: Int = 0, cellHeight: Int = 0) {
        var name = [CChar](repeating: 0, count: 256)
        master = shim_open_pty(&name, name.count)
        guard master >= 0 else { return nil }
        let path = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        slave = open(path, O_RDWR | O_NOCTTY)
        guard slave >= 0 else { return nil }
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: UInt16(columns * cellWidth),
                           ws_ypixel: UInt16(rows * cellHeight))
        _ = ioctl(slave, UInt(TIOCSWINSZ), &size)
    }
}
