import ArgumentParser
import Foundation
import History
import RunwareAPI
import Workspace

/// What the shell completes (`--generate-completion-script`, installed by `make install`): files
/// of the kinds Darkroom reads, the values a parameter's table row allows, History's job ids.
enum Completions {
    static let images = CompletionKind.file(extensions: ["png", "jpg", "jpeg", "webp", "PNG", "JPG", "JPEG", "WEBP"])
    static let taskFile = CompletionKind.file(extensions: ["json"])

    /// The values a choice parameter allows (schedulers, output formats, ...), from `Parameters`.
    static func values(_ path: String) -> CompletionKind { .list(Parameters[path]?.allowed ?? []) }

    /// The newest 200 job ids that start with what is typed, newest first; none when there is no
    /// History yet (completing never creates one).
    static let jobIDs = CompletionKind.custom { _, _, typed in
        let path = Session.historyPath(DarkroomEnvironment())
        guard FileManager.default.fileExists(atPath: path), let store = try? HistoryStore(path: path),
              let jobs = try? store.list(limit: 200) else { return [] }
        return jobs.map { String($0.id) }.filter { $0.hasPrefix(typed) }
    }
}
