import Foundation
import Testing
import TestSupport

/// The official Python SDK (`runware-sdk`, pinned in Tests/SDK/requirements.txt) against the
/// sandbox, unchanged but for its base URLs, over REST and WebSocket: sync, async, upload, model
/// search, a wrong key.
@Suite struct OfficialSDKTests {
    static var python: String? {
        if let p = ProcessInfo.processInfo.environment["DARKROOM_SDK_PYTHON"], FileManager.default.isExecutableFile(atPath: p) {
            return p
        }
        let venv = Binary.packageRoot.appendingPathComponent(".venv/bin/python").path
        return FileManager.default.isExecutableFile(atPath: venv) ? venv : nil
    }

    /// Over REST, and over WebSocket (the SDK's default transport, served on the same port).
    @Test(arguments: ["rest", "websocket"])
    func theOfficialSDKGeneratesThroughTheSandbox(transport: String) async throws {
        let python = try #require(Self.python, "the SDK's venv is missing: `make test` creates it (scripts/setup-sdk-venv.sh)")
        try await SandboxHarness.with { sandbox in
            let script = Binary.packageRoot.appendingPathComponent("Tests/SDK/sdk_roundtrip.py").path
            let result = try await Binary.run(python, [script], environment: [
                "SANDBOX_URL": sandbox.endpoint, "SANDBOX_KEY": SandboxHarness.key, "SDK_TRANSPORT": transport,
                "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
                "HOME": FileManager.default.temporaryDirectory.path,
            ], timeout: .seconds(120))
            #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
            #expect(result.stdout.contains("RESULT all 5 checks passed"), "\(result.stdout)\n\(result.stderr)")
            #expect(result.stdout.contains("TRANSPORT \(transport)"))
            // Sync, async with polling, upload, search and the refused key all reached the sandbox.
            #expect(sandbox.engine.requestCount >= 5)
        }
    }
}
