import Foundation
import History
import TerminalUI

/// One line of text asked for (tags, a folder, a sweep).
package struct InputPrompt: Sendable, Equatable {
    package enum Purpose: Sendable, Equatable {
        /// `current`: the job's tags when asked; those no longer listed are removed.
        case tags(jobID: Int64, current: [String])
        case exportFolder(jobID: Int64)
        case sweep(jobID: Int64)
        /// Tags for every job of a batch: +name adds, -name removes.
        case batchTags(HistoryBatch.Target)
        case batchExport(HistoryBatch.Target)
        /// A name for the search line's query (`@name`).
        case saveSearch(query: String)
    }
    package var purpose: Purpose
    package var title: String
    package var line: LineEditor
    package init(_ purpose: Purpose, title: String, text: String = "") {
        self.purpose = purpose
        self.title = title
        line = LineEditor(text)
    }

    mutating func handle(_ input: Input, _ context: ScreenContext) -> OverlayOutcome {
        switch input {
        case .action(.dialogCancel): return .close()
        case .action(.dialogAccept): return .close(accepted(line.text.trimmingCharacters(in: .whitespaces), home: context.homeFolder))
        default:
            _ = line.take(input)
            return .stay(.input(self))
        }
    }

    /// A typed folder with `~` as the studio's home folder (`$HOME`, as a shell has it), `~user` as
    /// that user's.
    static func folder(_ text: String, home: String?) -> String {
        if text == "~" || text.hasPrefix("~/"), let home { return home + text.dropFirst() }
        return (text as NSString).expandingTildeInPath
    }

    private func accepted(_ text: String, home: String?) -> [Command] {
        switch purpose {
        case .tags(let id, let current):
            let words = text.split(separator: " ").map(String.init)
            let add = words.filter { !$0.hasPrefix("-") }.map { $0.hasPrefix("+") ? String($0.dropFirst()) : $0 }.filter { !$0.isEmpty }
            let remove = words.filter { $0.hasPrefix("-") }.map { String($0.dropFirst()) }.filter { !$0.isEmpty }
            return [.effect(.history(.batch(HistoryBatch(.jobs([id]), .tag(add: add, remove: remove + current.filter { !add.contains($0) })))))]
        case .sweep(let id):
            return [.history(.sweep(text, over: id))]
        case .exportFolder(let id):
            guard !text.isEmpty else { return [.notice("export: no folder given")] }
            return [.effect(.history(.batch(HistoryBatch(.jobs([id]), .export(folder: Self.folder(text, home: home))))))]
        case .batchTags(let target):
            let words = text.split(separator: " ").map(String.init)
            let add = words.filter { !$0.hasPrefix("-") }.map { $0.hasPrefix("+") ? String($0.dropFirst()) : $0 }.filter { !$0.isEmpty }
            let remove = words.filter { $0.hasPrefix("-") }.map { String($0.dropFirst()) }.filter { !$0.isEmpty }
            guard !add.isEmpty || !remove.isEmpty else { return [.notice("tags: none given")] }
            return [.effect(.history(.batch(HistoryBatch(target, .tag(add: add, remove: remove)))))]
        case .batchExport(let target):
            guard !text.isEmpty else { return [.notice("export: no folder given")] }
            return [.effect(.history(.batch(HistoryBatch(target, .export(folder: Self.folder(text, home: home))))))]
        case .saveSearch(let query):
            guard !text.isEmpty else { return [.notice("save search: no name given")] }
            return [.effect(.history(.saveSearch(name: text.hasPrefix("@") ? String(text.dropFirst()) : text, query: query)))]
        }
    }
}
