import CNcursesw
import Synchronization

/// terminfo's `colors` for a terminal type, read once per type (setupterm is not thread-safe).
public enum TerminfoColors {
    private static let cache = Mutex<[String: Int?]>([:])

    public static func count(_ term: String) -> Int? {
        guard !term.isEmpty else { return nil }
        return cache.withLock { known in
            if let hit = known[term] { return hit }
            let n = Int(shim_terminfo_colors(term))
            let value: Int? = n >= 0 ? n : nil
            known[term] = value
            return value
        }
    }
}
