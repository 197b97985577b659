import Foundation
import Generation
import History
import Imaging
import Preview
import RunwareAPI
import Studio
import TerminalUI

/// The History screen with 100,000 jobs on ncursesw (pseudo-terminal, 160x48): UI-thread CPU
/// from a Page Down to its frame, time until that page's rows and thumbnails are all in, and
/// resident memory after scrolling through 5,000 thumbnails.
enum HistoryScreenBench {
    static func run(jobs total: Int = 100_000, withPictures pictured: Int = 5_000) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("darkroom-bench-screen-\(getpid())")
        try? FileManager.default.removeItem(at: folder)
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("images"), withIntermediateDirectories: true)
        let store = try HistoryStore(path: folder.appendingPathComponent("history.sqlite").path)
        print("History screen: \(total) jobs, the newest \(pictured) with a 256x256 JPEG each; ncursesw at 160x48")
        let t0 = ContinuousClock.now
        for batchStart in stride(from: 0, to: total, by: 5000) {
            var batch: [(request: ImageInferenceRequest, createdAt: Date, results: [HistoryResult])] = []
            for i in batchStart..<min(total, batchStart + 5000) {
                var r = ImageInferenceRequest(taskUUID: TaskID.make(), positivePrompt: "job \(i): \(HistoryBench.subjects[i % 20]), \(HistoryBench.styles[i % 10])")
                r.width = 1024
                r.height = 1024
                r.seed = UInt64(i)
                let path = folder.appendingPathComponent("images/\(i).jpg").path
                if i >= total - pictured {
                    var image = RGBAImage(width: 256, height: 256, fill: (UInt8(i % 256), UInt8(i / 7 % 256), UInt8(i / 53 % 256), 255))
                    for y in stride(from: 0, to: 256, by: 2) { for x in 0..<256 where (x + y + i) % 37 < 9 { image.pixels[(y * 256 + x) * 4] = 255 } }
                    try ImageEncoder.encode(image, as: .jpeg, quality: 80).write(to: URL(fileURLWithPath: path))
                }
                batch.append((r, Date(timeIntervalSince1970: 1_760_000_000 + Double(i) * 60),
                              [HistoryResult(index: 0, imageUUID: nil, seed: UInt64(i), path: path, width: 1024, height: 1024,
                                             format: "JPG", bytes: 10_000, nsfw: nil, cost: 0.0038, responseJSON: "{}")]))
            }
            try store.importBatch(batch)
        }
        print(String(format: "  set-up (jobs and pictures)          %8.1f s", Measure.milliseconds(ContinuousClock.now - t0) / 1000))

        let pty = StudioBench.PTY(columns: 160, rows: 48)
        let terminal = pty.makeTerminal()
        let client = RunwareClient(endpoint: "http://127.0.0.1:9/v1", apiKey: "unused", transport: CurlTransport())
        let ports = StudioPorts.live(runner: JobRunner(client: client, history: store), history: store,
                                     folder: folder.appendingPathComponent("out"),
                                     thumbnailer: Thumbnailer(renderer: SymbolRenderer(threadsPerImage: 1), cache: ThumbnailCache(folder: nil)),
                                     previewOptions: PreviewOptions(colors: .colors256))
        let state = StudioState(columns: 160, rows: 48, now: Date(), document: ["model": .string("runware:111@1"),
                                                                                "positivePrompt": .string("")],
                                target: "sandbox", pickerFolder: folder.path)
        let app = StudioApp(state: state, terminal: terminal, keyMap: .defaults, theme: try StudioBench.theme(), ports: ports)
        app.start()
        let before = Measure.residentMiB()
        app.dispatch(.terminal(.key(.function(2))))
        app.render()
        _ = await app.settle(timeout: .seconds(30)) { complete($0) }
        _ = pty.drain()
        let layout = HistoryLayout(columns: 160, rows: 48)
        var keyToFrame: [Double] = []
        var pageComplete: [Double] = []
        var bytes: [Double] = []
        while app.state.history.selected + layout.pageCount(.sheet) < pictured {
            let wall = ContinuousClock.now
            let cpu = Measure.threadCPUMilliseconds()
            app.dispatch(.terminal(.key(.pageDown)))
            app.render()
            keyToFrame.append(Measure.threadCPUMilliseconds() - cpu)
            _ = await app.settle(timeout: .seconds(30)) { complete($0) }
            pageComplete.append(Measure.milliseconds(ContinuousClock.now - wall))
            bytes.append(Double(pty.drain()))
        }
        let seen = app.state.history.selected + layout.pageCount(.sheet)

        // Rating from the home row: a number key to its frame (the rating shown, the next job selected),
        // and until History has it on disk.
        var rateToFrame: [Double] = []
        var rateWritten: [Double] = []
        app.dispatch(.terminal(.key(.home)))
        app.render()
        _ = await app.settle(timeout: .seconds(30)) { complete($0) }
        _ = pty.drain()
        for n in 0..<50 {
            let rated = app.state.history.selectedJob?.id
            let wall = ContinuousClock.now
            let cpu = Measure.threadCPUMilliseconds()
            app.dispatch(.terminal(.key(.character(Character(String(n % 5 + 1))))))
            app.render()
            rateToFrame.append(Measure.threadCPUMilliseconds() - cpu)
            if let rated { while (try? store.job(rated).rating) != n % 5 + 1 { try await Task.sleep(for: .milliseconds(1)) } }
            rateWritten.append(Measure.milliseconds(ContinuousClock.now - wall))
            // Its answer taken (the reload it asks for), the next job selected.
            _ = await app.settle(timeout: .seconds(5)) { $0.history.selectedJob != nil && $0.history.stalePages.isEmpty }
            _ = pty.drain()
        }
        CursesTerminal.restore()
        print("  Rating from the home row (a number key: rated, on to the next job), 50 jobs:")
        print("    key to frame, UI-thread CPU     median \(Measure.format(Measure.median(rateToFrame))) ms   p95 \(Measure.format(Measure.percentile(rateToFrame, 0.95))) ms   (target <= 16)")
        print("    key to rating on disk            median \(Measure.format(Measure.median(rateWritten))) ms   p95 \(Measure.format(Measure.percentile(rateWritten, 0.95))) ms")

        // A batch delete of 1,000 jobs out of the whole History, as `d` on a marked search runs it.
        let doomed = try store.ids(matching: store.parse("seed:1")) + (try store.list(limit: 999, offset: 20_000).map(\.id))
        let countBefore = try store.count
        let keptBefore = try store.list(limit: 200, offset: 0).map(\.id)
        let tDelete = ContinuousClock.now
        let deletion = try store.delete(doomed)
        let deleteMs = Measure.milliseconds(ContinuousClock.now - tDelete)
        let countAfter = try store.count
        let keptAfter = try store.list(limit: 200, offset: 0).map(\.id)
        let seedOneLeft = try store.ids(matching: store.parse("seed:1"))
        let untouched = countAfter == countBefore - doomed.count && keptAfter == keptBefore && deletion.jobs == doomed.count
            && seedOneLeft.isEmpty
        print(String(format: "  batch delete of %d of %d jobs, one transaction   %8.1f ms   ", doomed.count, countBefore, deleteMs)
              + (untouched ? "(the rest unchanged: count, newest 200 and their order)" : "(SOMETHING ELSE CHANGED)"))
        print("  Page Down, \(keyToFrame.count) pages of \(layout.pageCount(.sheet)) (\(seen) thumbnails seen):")
        print("    key to frame, UI-thread CPU     median \(Measure.format(Measure.median(keyToFrame))) ms   p95 \(Measure.format(Measure.percentile(keyToFrame, 0.95))) ms   (target <= 16)")
        print("    page complete (rows+thumbnails)  median \(Measure.format(Measure.median(pageComplete))) ms   p95 \(Measure.format(Measure.percentile(pageComplete, 0.95))) ms")
        print("    bytes to the terminal per page   median \(Int(Measure.median(bytes)))")
        print(String(format: "  resident memory: %.1f MiB before History, %.1f MiB after %d thumbnails; %d pages and %d thumbnails held",
                     before, Measure.residentMiB(), seen, app.state.history.pages.count, app.state.thumbnails.count))
    }

    /// Every job on screen loaded and every thumbnail on screen drawn.
    static func complete(_ s: StudioState) -> Bool {
        let layout = HistoryLayout(columns: s.columns, rows: s.rows)
        let first = s.history.scroll * layout.perRow(.sheet)
        let last = min(first + layout.pageCount(.sheet), s.history.total ?? 0)
        guard s.history.total != nil, first < last, (first..<last).allSatisfy({ s.history.job(at: $0) != nil }) else { return false }
        return s.wantedThumbnails.allSatisfy { s.thumbnails[$0] != nil }
    }
}
