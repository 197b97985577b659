import Foundation
import History
import RunwareAPI
import TerminalUI

extension HistoryReducer {
    /// Answers to the History screen's effects.
    func receive(_ answer: HistoryAnswer, _ h: inout HistoryBrowser) -> [Command] {
        switch answer {
        case .page(let generation, let page, let total, let jobs, let matching):
            guard generation == h.generation else { return [] }
            h.matching = matching
            h.receive(page: page, total: total, jobs: jobs)
        case .pageFailed(let generation, let why):
            guard generation == h.generation else { return [] }
            h.error = why
            h.total = h.total ?? 0
        case .changed(let what):
            h.reload(keepSelection: true)
            return [.notice(what)]
        case .deleteReady(let ids, let files, let userFiles, let what):
            guard !ids.isEmpty else {
                h.clearMarks()
                return [.notice("nothing to delete: \(what) holds no job now")]
            }
            let question = "delete \(what): \(counted(ids.count, "job")) and \(counted(files, "image file"))?"
                + Confirmation.userFilesClause(userFiles)
            return [.open(.confirm(Confirmation(.deleteJobs(ids), question: question, userFiles: userFiles))),
                    .notice(question + (userFiles.isEmpty ? " y/n" : " y/f/n"))]
        case .lineage(let tree):
            h.pane = .lineage(tree)
        case .sweepSaved(let paths):
            h.sweep?.savedPNGs = paths
            return [.notice(paths.count == 1 ? "saved the sweep as \(paths[0])"
                : "saved the sweep's \(paths.count) pages as \(paths[0]) … \((paths[paths.count - 1] as NSString).lastPathComponent)")]
        case .savedSearches(let saved):
            h.savedSearches = saved
        case .version(let version):
            // Another process wrote: what is shown is read again, the selection kept on its job.
            if let seen = h.dataVersion, seen != version { h.reload(keepSelection: true) }
            h.dataVersion = version
        case .said(let text):
            return [.notice(text)]
        case .failed(let why):
            return [.error(why)]
        }
        return []
    }

    /// Orders from the shell, a pop-up or the Generate screen.
    func apply(_ order: HistoryOrder, _ h: inout HistoryBrowser) -> [Command] {
        switch order {
        case .sweep(let text, let id):
            return startSweep(text, over: id, &h)
        case .forget(let id):
            if h.selectedJob?.id == id { h.pane = .browse }
        case .clearMarks:
            h.clearMarks()
        case .loupe(let id):
            // The job's own stack, unstacked: the job is a cell of its own even when another
            // job of its stack is the stack's cover in the full view; e goes back to everything.
            h.query = LineEditor("stack:\(id)")
            h.queryBeforeStack = ""
            h.clearMarks()
            h.restoreSelection(index: 0, id: id)
            h.reload(keepSelection: true)
            h.pane = .loupe
            return [.show(.history), .notice("job \(id) with the jobs that differ from it only in seed; e shows all of History")]
        case .search(let text):
            h.query = LineEditor(text)
            h.pane = .browse
            applyQuery(&h)
        case .appear:
            if h.total == nil || h.pages.isEmpty { h.reload(keepSelection: true) }
        case .leave:
            if case .detail = h.pane { h.pane = .browse }
        case .jobSaved(let cell, let path):
            if h.sweep?.cells.indices.contains(cell) == true { h.sweep?.cells[cell].path = path }
        case .jobFailed(let cell, let why):
            if h.sweep?.cells.indices.contains(cell) == true { h.sweep?.cells[cell].failure = why }
        case .jobEnded:
            // The screen shows the finished job without a refresh; the selection stays on its job.
            h.reload(keepSelection: true)
        }
        return []
    }

    /// Work the screen's new state implies: the selection kept on screen, the pages it shows.
    func followUps(_ h: inout HistoryBrowser, _ context: ScreenContext) -> [Command] {
        let layout = HistoryLayout(columns: context.columns, rows: context.rows)
        h.keepSelectionVisible(layout)
        return h.neededPages(layout).map { .effect(.history($0)) }
    }
}
