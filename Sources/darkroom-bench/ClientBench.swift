import Foundation
import RunwareAPI

/// Client overhead: N sequential sync requests (512x512, base64 JPG) against one sandbox
/// process, Darkroom's libcurl client next to the official Python SDK.
enum ClientBench {
    struct Row { var tool: String; var wall: Double; var cpu: Double }

    static func run(requests: Int) async throws {
        let sandbox = try SandboxProcess()
        defer { sandbox.stop() }
        try await Task.sleep(for: .milliseconds(300))
        print("Client overhead: \(requests) sync requests, 512x512 base64 JPG, sandbox in its own process")
        var rows = [try await darkroom(sandbox, requests)]
        if let sdk = try python(sandbox, requests) { rows.append(sdk) }
        print("  tool                         wall ms/req   CPU ms/req")
        for r in rows {
            print("  \(r.tool.padding(toLength: 28, withPad: " ", startingAt: 0)) \(Measure.format(r.wall))     \(Measure.format(r.cpu))")
        }
        print("")
    }

    static func darkroom(_ sandbox: SandboxProcess, _ n: Int) async throws -> Row {
        let client = RunwareClient(endpoint: sandbox.endpoint, apiKey: SandboxProcess.key, transport: CurlTransport())
        func one() async throws {
            var r = ImageInferenceRequest(taskUUID: TaskID.make(), positivePrompt: "a lighthouse on a cliff at dusk, film photograph")
            r.width = 512; r.height = 512; r.outputType = .base64Data; r.outputFormat = .jpg; r.deliveryMethod = .sync; r.seed = 42
            let results = try await client.imageInference(r)
            guard let b64 = results.first?.imageBase64Data, let data = Data(base64Encoded: b64), data.first == 0xFF else {
                throw RunwareError.badResponse(status: 0, reason: "no JPEG")
            }
        }
        try await one()
        let cpu0 = Measure.cpuMilliseconds(), t0 = ContinuousClock.now
        for _ in 0..<n { try await one() }
        let wall = Measure.milliseconds(ContinuousClock.now - t0), cpu = Measure.cpuMilliseconds() - cpu0
        return Row(tool: "darkroom (Swift, libcurl)", wall: wall / Double(n), cpu: cpu / Double(n))
    }

    static func python(_ sandbox: SandboxProcess, _ n: Int) throws -> Row? {
        let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let python = ProcessInfo.processInfo.environment["DARKROOM_SDK_PYTHON"] ?? root.appendingPathComponent(".venv/bin/python").path
        let script = root.appendingPathComponent("Benchmarks/sdk_bench.py").path
        guard FileManager.default.isExecutableFile(atPath: python), FileManager.default.fileExists(atPath: script) else {
            print("  (official SDK skipped: run from the repository root after `make venv`)")
            return nil
        }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: python)
        p.arguments = [script]
        var env = ProcessInfo.processInfo.environment
        env["SANDBOX_URL"] = sandbox.endpoint
        env["SANDBOX_KEY"] = SandboxProcess.key
        env["N"] = String(n)
        p.environment = env
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard let line = String(decoding: data, as: UTF8.self).split(separator: "\n").last,
              let json = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
              let wall = json["wall_ms_per_request"] as? Double, let cpu = json["cpu_ms_per_request"] as? Double
        else { print("  (official SDK run failed)"); return nil }
        return Row(tool: (json["tool"] as? String ?? "runware-sdk") + " (Python)", wall: wall, cpu: cpu)
    }
}
