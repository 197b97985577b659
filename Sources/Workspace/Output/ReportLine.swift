import Foundation

/// One line a subcommand prints, and where: the executable's `Console` writes each through the
/// sanitizer. Workspace builds these so the executable only prints them.
package enum ReportLine: Sendable, Equatable {
    /// A result on stdout (tab-separated fields stay apart).
    case out(String)
    /// Progress or a remark on stderr (`darkroom: ...`).
    case note(String)
    /// A failure on stderr (`darkroom: error: ...`).
    case error(String)
    /// One JSON text on stdout.
    case json(String)
}
