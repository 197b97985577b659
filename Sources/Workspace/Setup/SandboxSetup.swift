import Foundation
import RunwareSandbox

/// What `darkroom sandbox` serves with: the key clients must send and the memory limits.
package enum SandboxSetup {
    /// The key from `--api-key`, else the 0600 file `--api-key-file`, else `DARKROOM_SANDBOX_KEY`,
    /// checked like a Runware key; nil when none is given. Throws `APIKeyStore.Refusal` naming
    /// where an unusable key came from.
    package static func key(option: String?, file: String?, environment: [String: String]) throws -> String? {
        if let option { return try APIKeyStore.checked(option, source: "--api-key") }
        if let file {
            guard let key = try APIKeyStore.readKeyFile(file) else {
                throw APIKeyStore.Refusal(source: file, reason: "there is no such file")
            }
            return key
        }
        return try environment["DARKROOM_SANDBOX_KEY"].map { try APIKeyStore.checked($0, source: "DARKROOM_SANDBOX_KEY") }
    }

    /// The limits from `--image-memory` (MB), `--task-records` and `--idle-timeout` (seconds).
    package static func limits(imageMegabytes: Int, taskRecords: Int, idleSeconds: Double) -> SandboxLimits {
        var limits = SandboxLimits()
        limits.imageBytes = imageMegabytes << 20
        limits.taskRecords = taskRecords
        limits.idleTimeout = .milliseconds(Int(idleSeconds * 1000))
        return limits
    }
}
