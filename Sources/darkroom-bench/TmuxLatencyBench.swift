import Foundation
import History
import RunwareAPI

/// What a person feels in a real tmux session (tmux 3.3 with passthrough on, the release
/// `darkroom` in a 160x48 window, `TmuxStudio`'s client terminal reading what tmux draws):
/// - a result's picture: from the job's image appearing in the output folder (inotify) to the
///   last byte of its picture on the terminal (target 50 ms or less), per preview format, and
///   from ctrl-g to that picture;
/// - History search as you type over 100,000 jobs: from a key to the first change on screen and
///   to the screen settled with the new results.
enum TmuxLatencyBench {
    static func run(binary: String, pictureRuns: Int = 8, jobs: Int = 100_000) throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") else {
            print("tmux latency: /usr/bin/tmux is missing (scripts/install-deps.sh installs it)\n")
            return
        }
        print("In a real tmux session (tmux, allow-passthrough on, a client terminal of 160x48 cells of 8x17 px)")
        for format in (ProcessInfo.processInfo.environment["DARKROOM_BENCH_FORMATS"]?.split(separator: ",").map(String.init) ?? ["sixel", "kitty", "symbols"]) { try picture(binary: binary, format: format, runs: pictureRuns) }
        try search(binary: binary, jobs: jobs)
        print("")
    }

    static func environment(_ home: String) -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["RUNWARE_API_KEY"] = nil
        env["TMUX"] = nil
        env["HOME"] = home
        env["XDG_CONFIG_HOME"] = home + "/config"
        env["XDG_DATA_HOME"] = home + "/data"
        env["XDG_CACHE_HOME"] = home + "/cache"
        env["XDG_STATE_HOME"] = home + "/state"
        env["LANG"] = "C.UTF-8"
        return env
    }

    static func temporaryHome(_ name: String) throws -> String {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("darkroom-bench-\(name)-\(getpid())").path
        try? FileManager.default.removeItem(atPath: home)
        try FileManager.default.createDirectory(atPath: home + "/out", withIntermediateDirectories: true)
        return home
    }

    /// Whether what the terminal received carries picture bytes of `format`: the end of a sixel
    /// (its string terminator `ESC \`, passed through by tmux), kitty's placeholder character
    /// U+10EEEE (drawn by tmux as text), or (symbols) any cells.
    static func carriesPicture(_ bytes: [UInt8], format: String) -> Bool {
        let marker: [UInt8] = switch format {
        case "sixel": [0x1B, 0x5C]
        case "kitty": Array("\u{10EEEE}".utf8)
        default: []
        }
        if marker.isEmpty { return !bytes.isEmpty }
        return bytes.count >= marker.count && (0...(bytes.count - marker.count)).contains { i in
            bytes[i] == marker[0] && Array(bytes[i..<(i + marker.count)]) == marker
        }
    }

    static func picture(binary: String, format: String, runs: Int) throws {
        let home = try temporaryHome("picture")
        defer { try? FileManager.default.removeItem(atPath: home) }
        let studio = try TmuxStudio(command: "'\(binary)' --sandbox --out '\(home)/out' --preview \(format)",
                                    environment: environment(home), folder: home)
        defer { studio.stop() }
        try studio.waitForScreen("Preview")
        let watch = try FolderWatch(home + "/out")
        studio.press("a kingfisher over the river at dawn")
        _ = studio.settle(after: .now, quiet: .milliseconds(300))
        var fromFile: [Double] = [], fromKey: [Double] = []
        for _ in 0..<runs {
            let pressed = ContinuousClock.now
            studio.press("C-g")
            guard let saved = watch.next(after: pressed, suffix: ".jpg") else { throw BenchError("no result was saved") }
            // Everything until the screen has been quiet for a second (the old loop waited up to 500 ms).
            let written = studio.settle(after: saved.time, quiet: .seconds(1))
            guard let last = written.last(where: { carriesPicture($0.bytes, format: format) }) else {
                throw BenchError("no \(format) picture was written after \(saved.name)")
            }
            if ProcessInfo.processInfo.environment["DARKROOM_BENCH_TRACE"] != nil {
                for chunk in written {
                    let text = String(decoding: chunk.bytes.prefix(60), as: UTF8.self).debugDescription
                    print(String(format: "    +%7.1f ms %7d bytes %@ %@", Measure.milliseconds(chunk.time - saved.time), chunk.bytes.count,
                                 carriesPicture(chunk.bytes, format: format) ? "picture" : "       ", text))
                }
            }
            fromFile.append(Measure.milliseconds(last.time - saved.time))
            fromKey.append(Measure.milliseconds(last.time - pressed))
        }
        let name = format.padding(toLength: 8, withPad: " ", startingAt: 0)
        print("  picture \(name) result on disk -> picture on the terminal  median \(Measure.format(Measure.median(fromFile))) ms  "
              + "max \(Measure.format(fromFile.max() ?? 0)) ms  (target <= 50; was about 500)   ctrl-g -> picture median \(Measure.format(Measure.median(fromKey))) ms")
    }

    static func search(binary: String, jobs total: Int) throws {
        let home = try temporaryHome("search")
        defer { try? FileManager.default.removeItem(atPath: home) }
        let t0 = ContinuousClock.now
        let store = try HistoryStore(path: home + "/data/darkroom/" + HistoryStore.fileName)
        var state: UInt64 = 7
        func next() -> Int { state = state &* 6364136223846793005 &+ 1442695040888963407; return Int(state >> 33) }
        for batchStart in stride(from: 0, to: total, by: 5000) {
            var batch: [(request: ImageInferenceRequest, createdAt: Date, results: [HistoryResult])] = []
            for i in batchStart..<min(total, batchStart + 5000) {
                let prompt = "a \(HistoryBench.adjectives[next() % 10]) \(HistoryBench.subjects[next() % 20]) by the "
                    + "\(HistoryBench.subjects[next() % 20]), \(HistoryBench.styles[next() % 10])"
                var r = ImageInferenceRequest(taskUUID: TaskID.make(), positivePrompt: prompt)
                r.width = 1024
                r.height = 1024
                r.seed = UInt64(i)
                batch.append((r, Date(timeIntervalSince1970: 1_760_000_000 + Double(i) * 60),
                              [HistoryResult(index: 0, imageUUID: nil, seed: UInt64(i), path: home + "/out/\(i).jpg", width: 1024,
                                             height: 1024, format: "JPG", bytes: 10_000, nsfw: nil, cost: 0.0038, responseJSON: "{}")]))
            }
            try store.importBatch(batch)
        }
        let setUp = Measure.milliseconds(ContinuousClock.now - t0) / 1000
        let studio = try TmuxStudio(command: "'\(binary)' --sandbox --out '\(home)/out' --preview symbols",
                                    environment: environment(home), folder: home)
        defer { studio.stop() }
        try studio.waitForScreen("Preview")
        studio.press("F2")
        try studio.waitForScreen("\(total) jobs")
        studio.press("/")
        _ = studio.settle(after: .now, quiet: .milliseconds(300))
        var firstChange: [Double] = [], settled: [Double] = []
        for word in ["lighthouse", " fog", "gy"] {
            for c in word {
                let pressed = ContinuousClock.now
                studio.press(String(c))
                let written = studio.settle(after: pressed, quiet: .milliseconds(250))
                guard let first = written.first, let last = written.last else { continue }
                if ProcessInfo.processInfo.environment["DARKROOM_BENCH_TRACE"] != nil {
                    print("    key \(c.debugDescription):")
                    for chunk in written {
                        print(String(format: "      +%7.1f ms %7d bytes %@", Measure.milliseconds(chunk.time - pressed), chunk.bytes.count,
                                     String(decoding: chunk.bytes.prefix(100), as: UTF8.self).debugDescription))
                    }
                }
                firstChange.append(Measure.milliseconds(first.time - pressed))
                settled.append(Measure.milliseconds(last.time - pressed))
            }
        }
        print(String(format: "  History search as you type, %d jobs (set-up %.1f s), %d keys:", total, setUp, firstChange.count))
        print("    key -> first change on screen   median \(Measure.format(Measure.median(firstChange))) ms   p95 \(Measure.format(Measure.percentile(firstChange, 0.95))) ms")
        print("    key -> results on screen        median \(Measure.format(Measure.median(settled))) ms   p95 \(Measure.format(Measure.percentile(settled, 0.95))) ms")
    }
}
