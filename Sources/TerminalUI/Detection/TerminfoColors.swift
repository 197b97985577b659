import Foundation
import Synchronization

/// terminfo's `colors` for a terminal type, read straight from the compiled terminfo file (no
/// setupterm: that would swap ncurses' global terminal under a running screen). Cached per type.
package enum TerminfoColors {
    private static let cache = Mutex<[String: Int?]>([:])

    package static func count(_ term: String, environment env: [String: String] = ProcessInfo.processInfo.environment) -> Int? {
        guard !term.isEmpty, !term.contains("/") else { return nil }
        return cache.withLock { known in
            if let hit = known[term] { return hit }
            let value = file(for: term, env).flatMap { colors(inTerminfo: $0) }
            known[term] = value
            return value
        }
    }

    /// The search path ncurses uses: $TERMINFO, ~/.terminfo, $TERMINFO_DIRS, then the system folders.
    static func file(for term: String, _ env: [String: String]) -> Data? {
        var folders: [String] = []
        if let t = env["TERMINFO"] { folders.append(t) }
        if let home = env["HOME"] { folders.append(home + "/.terminfo") }
        folders += (env["TERMINFO_DIRS"] ?? "").split(separator: ":").map(String.init)
        folders += ["/etc/terminfo", "/lib/terminfo", "/usr/share/terminfo", "/usr/lib/terminfo"]
        let first = String(term.first!)
        let hex = String(format: "%02x", term.utf8.first!)
        for folder in folders {
            for sub in [first, hex] {
                if let data = FileManager.default.contents(atPath: "\(folder)/\(sub)/\(term)") { return data }
            }
        }
        return nil
    }

    /// Number capability 13 (`colors`) of a compiled terminfo entry, legacy (16-bit numbers) or
    /// extended (32-bit) format; 0 when absent.
    static func colors(inTerminfo data: Data) -> Int? {
        let b = [UInt8](data)
        func u16(_ i: Int) -> Int { i + 1 < b.count ? Int(b[i]) | Int(b[i + 1]) << 8 : -1 }
        guard b.count >= 12 else { return nil }
        let magic = u16(0)
        let wide = magic == 0o1036
        guard magic == 0o432 || wide else { return nil }
        let namesSize = u16(2), boolCount = u16(4), numCount = u16(6)
        var offset = 12 + namesSize + boolCount
        if offset % 2 == 1 { offset += 1 }
        guard numCount > 13 else { return 0 }
        if wide {
            let i = offset + 13 * 4
            guard i + 3 < b.count else { return nil }
            let v = Int32(bitPattern: UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24)
            return v < 0 ? 0 : Int(v)
        }
        let v = u16(offset + 13 * 2)
        return v == 0xFFFF || v == 0xFFFE || v < 0 ? 0 : v
    }
}
