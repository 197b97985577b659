import ArgumentParser
import Foundation
import RunwareSandbox
import Workspace

struct SandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Run the built-in Runware-compatible server on its own (for tests, demos and the official SDKs).",
        discussion: """
            Serves POST /v1 like https://api.runware.ai/v1 (imageInference, getResponse, imageUpload, \
            modelSearch, accountManagement getDetails with a balance each image lowers), URL results \
            under /image/, the content service's GET /models/ID/pricing, and GET /health. Requests must carry \
            "Authorization: Bearer KEY" (or an authentication task) with the key given here.

            Faults, for reliability tests, by --fault or per request with the header \
            "X-Sandbox-Fault: SPEC": delay=MS, status=CODE (or just 429, 500, 503), drop (connection \
            closed mid-body), truncate (JSON cut short), malformed (not JSON), html (an HTML error \
            page), trickle=MS (the body in small pieces), partial=N (the last N images of a task \
            blocked while the others arrive). With --fault, SPEC*N applies to the next N \
            requests only, e.g. --fault '429*2'.

            Memory stays bounded: stored images and task records are evicted least recently used \
            first past their budgets (evicted images answer 404 like expired ones), request bodies \
            and WebSocket messages held at once are capped (503 past it, 413 for one body over 64 MB), \
            and idle or slow connections are closed.

            A client without the key gets almost nothing: a wrong key is refused before the body \
            is read, without one only the body's first 4096 bytes are searched for an authentication \
            task, a WebSocket sends at most 4096 bytes a message until it authenticates and is \
            closed after 5 failed tries, and a refused key ends an HTTP connection. Image URLs in \
            tasks are fetched only over http and https, from public addresses, up to 64 MB.
            """)

    @Option(help: "Port to listen on (0: let the system choose).")
    var port: Int = 8089
    @Option(help: "Address to listen on.")
    var host: String = "127.0.0.1"
    @Option(help: "The API key clients must send (prefer --api-key-file or DARKROOM_SANDBOX_KEY: argv is visible to other users).")
    var apiKey: String?
    @Option(help: "A private file (mode 0600) holding the API key clients must send.")
    var apiKeyFile: String?
    @Option(help: "A fault for every request, or SPEC*N for the next N (repeatable).")
    var fault: [String] = []
    @Option(help: "Milliseconds an async task stays processing before its first image appears.")
    var asyncLatency: Int = 150
    @Option(help: "Milliseconds between the images of an async task (each finishes on its own).")
    var imageInterval: Int = 40
    @Option(help: "Where a failed image goes: data (inside data, as {status:error, error:{code, message}}: the 2026 schemas) or errors (in errors[] with status error: the 2025 docs).")
    var failedImages: String = "data"
    @Option(help: "Megabytes of stored images (URL results and uploads) kept at once.")
    var imageMemory: Int = SandboxLimits().imageBytes >> 20
    @Option(help: "Task records kept at once for getResponse.")
    var taskRecords: Int = SandboxLimits().taskRecords
    @Option(help: "Seconds before an idle (or too slow) connection is closed.")
    var idleTimeout: Double = 30

    func validate() throws {
        guard imageMemory >= 1 else { throw ValidationError("--image-memory \(imageMemory): must be at least 1 (MB)") }
        guard taskRecords >= 1 else { throw ValidationError("--task-records \(taskRecords): must be at least 1") }
        guard idleTimeout > 0 else { throw ValidationError("--idle-timeout \(idleTimeout): must be above 0 (seconds)") }
        guard imageInterval >= 0 else { throw ValidationError("--image-interval \(imageInterval): must be 0 or more (milliseconds)") }
        guard SandboxEngine.FailedImageShape(rawValue: failedImages) != nil else {
            throw ValidationError("--failed-images \"\(failedImages)\": must be data or errors")
        }
    }

    /// The key clients must send (`SandboxSetup.key`); exits 78 for an unusable one, 64 for none.
    func key() throws -> String {
        let key: String?
        do { key = try SandboxSetup.key(option: apiKey, file: apiKeyFile, environment: ProcessInfo.processInfo.environment) } catch {
            Console.error("\(error)")
            throw Exit.config
        }
        guard let key else {
            Console.error("the sandbox needs a key: --api-key-file FILE, DARKROOM_SANDBOX_KEY or --api-key KEY")
            throw Exit.invalidInput
        }
        return key
    }

    func run() async throws {
        let apiKey = try key()
        let plan: FaultPlan
        do { plan = try FaultPlan(specs: fault) } catch {
            Console.error("\(error)")
            throw Exit.invalidInput
        }
        let limits = SandboxSetup.limits(imageMegabytes: imageMemory, taskRecords: taskRecords, idleSeconds: idleTimeout)
        let server = SandboxServer(settings: .init(apiKey: apiKey, asyncLatency: .milliseconds(asyncLatency), faults: plan,
                                                   limits: limits, failedImages: SandboxEngine.FailedImageShape(rawValue: failedImages) ?? .inData,
                                                   imageInterval: .milliseconds(imageInterval)))
        let bound: Int
        do { bound = try await server.start(host: host, port: port) } catch {
            Console.error("cannot listen on \(host):\(port): \(error)")
            throw Exit.config
        }
        Console.out("sandbox listening on http://\(host):\(bound)/v1")
        while !Task.isCancelled { try await Task.sleep(for: .seconds(3600)) }
    }
}
