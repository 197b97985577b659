import CNcursesw
import Foundation

/// A pseudo-terminal pair of a given size: the slave side is where a `CursesTerminal` (or a
/// child process) writes, the master side is where a test or benchmark reads what it wrote.
public struct PseudoTerminal: Sendable {
    public let master: Int32
    public let slave: Int32

    public init?(columns: Int, rows: Int) {
        var name = [CChar](repeating: 0, count: 256)
        master = shim_open_pty(&name, name.count)
        guard master >= 0 else { return nil }
        let path = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        slave = open(path, O_RDWR | O_NOCTTY)
        guard slave >= 0 else { return nil }
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(slave, UInt(TIOCSWINSZ), &size)
    }
}
