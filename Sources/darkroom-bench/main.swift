import Foundation
import Imaging
import RunwareAPI
import RunwareSandbox

// darkroom-bench: figures next to the reference tools. Build in release (`make bench`).
// Timing lives here, never in the tests.

let arguments = Set(CommandLine.arguments.dropFirst())
let all = arguments.isEmpty
print("darkroom-bench (release build expected; \(ProcessInfo.processInfo.activeProcessorCount) cores)\n")

if all || arguments.contains("pictures") { PictureBench.run() }
if all || arguments.contains("preview") { try PreviewBench.run() }
if all || arguments.contains("show") { try ProcessBench.run() }
if all || arguments.contains("startup") {
    StartupBench.run(binary: URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("darkroom").path)
}
if all || arguments.contains("pixel-bytes") { try PixelBytesBench.run() }
if all || arguments.contains("history") { try HistoryBench.run() }
if all || arguments.contains("client") { try await ClientBench.run(requests: 100) }
if all || arguments.contains("studio") {
    try StudioBench.run(binary: URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("darkroom").path)
}
if all || arguments.contains("history-screen") { try await HistoryScreenBench.run() }
if all || arguments.contains("studio-load") { try await StudioUnderLoadBench.run() }
if all || arguments.contains("tmux") {
    try TmuxLatencyBench.run(binary: URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("darkroom").path)
}
if all || arguments.contains("throughput") { try await ThroughputBench.run(clients: 32, requestsEach: 20) }
if all || arguments.contains("hostile") { try HostileFilesBench.run(binary: URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("darkroom").path) }
// sandbox-memory ends with the unauthenticated flood; sandbox-flood runs the flood alone.
if all || arguments.contains("sandbox-memory") { try await SandboxMemoryBench.run(jobs: 300, idleConnections: 200) }
if arguments.contains("sandbox-flood") && !arguments.contains("sandbox-memory") { try await SandboxFloodBench.run() }
