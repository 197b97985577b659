import Foundation
import RunwareAPI
import RunwareSandbox
import Studio
import StudioTesting
import TerminalUI

/// The studio's keypress-to-frame while a sandbox in the same process makes 1024x1024 pictures,
/// as `darkroom --sandbox` does: four clients keep the sandbox busy, and each typed key's
/// dispatch and render (on the studio's own thread, as in the app) is timed next to the same keys
/// with the sandbox idle. The sandbox's pictures run on the bounded worker (`BlockingWork`), so
/// the studio competes with them for the cores, never for the cooperative pool.
enum StudioUnderLoadBench {
    static func run() async throws {
        let server = SandboxServer(settings: SandboxEngine.Settings(apiKey: "bench-key"))
        let port = try await server.start()
        defer { Task { await server.stop() } }
        let endpoint = "http://127.0.0.1:\(port)/v1"
        let idle = try await typing()
        let stop = Flag()
        let made = Counter()
        let load = Task.detached {
            await withTaskGroup(of: Void.self) { group in
                for _ in 0..<4 {
                    group.addTask {
                        let client = RunwareClient(endpoint: endpoint, apiKey: "bench-key", transport: CurlTransport())
                        while !stop.isSet {
                            var r = ImageInferenceRequest(taskUUID: TaskID.make(), positivePrompt: "load")
                            r.width = 1024; r.height = 1024
                            if (try? await client.imageInference(r)) != nil { made.add() }
                        }
                    }
                }
            }
        }
        while made.value < 4 { try await Task.sleep(for: .milliseconds(10)) }
        let busy = try await typing()
        stop.set()
        await load.value
        print("Studio keypress to frame (dispatch + render, 160x48, wall ms per key) with a sandbox in the same process")
        print("  sandbox idle                          median \(Measure.format(Measure.median(idle)))   p95 \(Measure.format(Measure.percentile(idle, 0.95)))")
        print("  sandbox making 1024x1024 pictures     median \(Measure.format(Measure.median(busy)))   p95 \(Measure.format(Measure.percentile(busy, 0.95)))"
            + "   (\(made.value) pictures made)")
        print("")
    }

    /// Types a prompt into the studio on a thread of its own, as the app's loop runs (the
    /// caller's task waits without holding a pool thread); wall ms per key.
    static func typing() async throws -> [Double] {
        let pty = StudioBench.PTY(columns: 160, rows: 48)
        let theme = try StudioBench.theme()
        return await withCheckedContinuation { (done: CheckedContinuation<[Double], Never>) in
            let thread = Thread {
                let app = StudioApp(state: StudioBench.busyState(columns: 160, rows: 48), terminal: pty.makeTerminal(), keyMap: .defaults,
                                    theme: theme, ports: QuietPorts.all)
                app.start()
                var times: [Double] = []
                for c in "a lighthouse at dusk on a rocky coast, film photo, grain" {
                    let t = ContinuousClock.now
                    app.dispatch(.terminal(.key(.character(c))))
                    app.render()
                    times.append(Measure.milliseconds(ContinuousClock.now - t))
                }
                CursesTerminal.restore()
                done.resume(returning: times)
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    final class Flag: @unchecked Sendable {
        private let lock = NSLock()
        private var on = false
        func set() { lock.withLock { on = true } }
        var isSet: Bool { lock.withLock { on } }
    }

    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var n = 0
        func add() { lock.withLock { n += 1 } }
        var value: Int { lock.withLock { n } }
    }
}
