import Foundation
import History
import RunwareAPI

/// History at scale: 100,000 synthetic jobs; insert rate, bytes per job, open + first page from
/// process start, and search latency.
enum HistoryBench {
    static let subjects = ["fox", "lighthouse", "harbour", "owl", "castle", "forest", "robot", "city", "dragon", "cat",
                           "mountain", "river", "portrait", "garden", "train", "desert", "ship", "bridge", "market", "temple"]
    static let styles = ["film photo", "watercolor", "oil painting", "isometric", "anime cel", "studio light", "golden hour",
                         "foggy morning", "neon night", "pencil sketch"]
    static let adjectives = ["red", "quiet", "ancient", "tiny", "giant", "glowing", "rainy", "snowy", "busy", "lonely"]
    static let loras = ["civitai:631986@706528", "civitai:667004@746484", "civitai:652699@993999", "civitai:721039@806265"]

    static func run(jobs total: Int = 100_000) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("darkroom-bench-history")
        try? FileManager.default.removeItem(at: folder)
        let dbFolder = folder.appendingPathComponent("darkroom")
        let store = try HistoryStore(path: dbFolder.appendingPathComponent(HistoryStore.fileName).path)
        var state: UInt64 = 42
        func next() -> Int { state = state &* 6364136223846793005 &+ 1442695040888963407; return Int(state >> 33) }
        print("History with \(total) synthetic jobs")
        let t0 = ContinuousClock.now
        let start = Date(timeIntervalSince1970: 1_760_000_000)
        for batchStart in stride(from: 0, to: total, by: 5000) {
            var batch: [(request: ImageInferenceRequest, createdAt: Date, results: [HistoryResult])] = []
            for i in batchStart..<min(total, batchStart + 5000) {
                let prompt = "a \(adjectives[next() % 10]) \(subjects[next() % 20]) by the \(subjects[next() % 20]), \(styles[next() % 10])"
                var r = ImageInferenceRequest(taskUUID: TaskID.make(), positivePrompt: prompt)
                r.width = [512, 768, 1024][next() % 3]
                r.height = r.width
                r.seed = UInt64(next())
                r.steps = 28
                if next() % 3 == 0 { r.lora = [.init(model: loras[next() % 4], weight: 0.8)] }
                let result = HistoryResult(index: 0, imageUUID: TaskID.make(), seed: r.seed, path: "/images/\(i).jpg",
                                           width: r.width, height: r.height, format: "JPG", bytes: 250_000, nsfw: nil,
                                           cost: 0.0038, responseJSON: "{}")
                batch.append((r, start.addingTimeInterval(Double(i) * 60), [result]))
            }
            try store.importBatch(batch)
        }
        let insertSeconds = Measure.milliseconds(ContinuousClock.now - t0) / 1000
        print(String(format: "  insert rate                       %8.0f jobs/s", Double(total) / insertSeconds))
        let files = try FileManager.default.contentsOfDirectory(atPath: dbFolder.path)
            .filter { $0.hasPrefix(HistoryStore.fileName) }
        let bytes = try files.reduce(0) { $0 + ((try FileManager.default.attributesOfItem(atPath: dbFolder.appendingPathComponent($1).path)[.size] as? Int) ?? 0) }
        print(String(format: "  bytes per job on disk             %8.0f", Double(bytes) / Double(total)))

        for (label, text) in [("one word", "lighthouse"), ("two words", "red fox"),
                              ("filtered", "fox lora:667004 size:1024x1024 after:2025-11-01")] {
            let q = try HistoryQuery.parse(text)
            var times: [Double] = []
            for _ in 0..<40 {
                let t = ContinuousClock.now
                _ = try store.search(q, limit: 200)
                times.append(Measure.milliseconds(ContinuousClock.now - t))
            }
            print("  search \(label.padding(toLength: 10, withPad: " ", startingAt: 0))  p50 \(Measure.format(Measure.percentile(times, 0.5))) ms   p95 \(Measure.format(Measure.percentile(times, 0.95))) ms   (target p95 5)")
        }
        let darkroom = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("darkroom").path
        var env = ProcessInfo.processInfo.environment
        env["XDG_DATA_HOME"] = folder.path
        var walls: [Double] = []
        for _ in 0..<7 {
            if let run = ProcessBench.spawn([darkroom, "history", "list", "--limit", "200", "--json"], env: env) { walls.append(run.wall) }
        }
        print("  `darkroom history list --limit 200` from process start \(Measure.format(Measure.median(walls))) ms   (target 150)")
        print("")
    }
}
