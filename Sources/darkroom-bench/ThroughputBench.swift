import Foundation
import RunwareAPI
import Synchronization

/// Sandbox throughput: 32 concurrent clients, each sending sequential sync requests.
enum ThroughputBench {
    static func run(clients: Int, requestsEach: Int) async throws {
        let sandbox = try SandboxProcess()
        defer { sandbox.stop() }
        try await Task.sleep(for: .milliseconds(300))
        print("Sandbox throughput: \(clients) concurrent clients x \(requestsEach) sync requests")
        for (label, size, type) in [("512x512 base64 JPG", 512, OutputType.base64Data), ("1024x1024 URL JPG", 1024, OutputType.url)] {
            let tally = Tally()
            let transport = CurlTransport()
            let endpoint = sandbox.endpoint
            let t0 = ContinuousClock.now
            await withTaskGroup(of: Void.self) { group in
                for _ in 0..<clients {
                    group.addTask {
                        let client = RunwareClient(endpoint: endpoint, apiKey: SandboxProcess.key, transport: transport)
                        for _ in 0..<requestsEach {
                            var r = ImageInferenceRequest(taskUUID: TaskID.make(), positivePrompt: "throughput test")
                            r.width = size; r.height = size; r.outputType = type
                            let t = ContinuousClock.now
                            let ok = (try? await client.imageInference(r)) != nil
                            let ms = Measure.milliseconds(ContinuousClock.now - t)
                            tally.add(ms, ok: ok)
                        }
                    }
                }
            }
            let seconds = Measure.milliseconds(ContinuousClock.now - t0) / 1000
            let (l, failed) = tally.values
            print(String(format: "  %-20@ %7.1f req/s   p50 %7.1f ms   p99 %7.1f ms   failures %d", label as NSString,
                         Double(l.count) / seconds, Measure.percentile(l, 0.5), Measure.percentile(l, 0.99),
                         failed))
        }
        print("")
    }
}

final class Tally: Sendable {
    private let state = Mutex<([Double], Int)>(([], 0))
    func add(_ ms: Double, ok: Bool) { state.withLock { $0.0.append(ms); if !ok { $0.1 += 1 } } }
    var values: ([Double], Int) { state.withLock { $0 } }
}
