import Foundation

/// Runs a built executable of this package (or any program) and collects its output.
package enum Binary {
    package struct Result: Sendable {
        package var status: Int32
        package var stdout: String
        package var stderr: String
    }

    /// The package root, found from this file's path.
    package static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `.build/debug/NAME` next to the test bundle.
    package static func product(_ name: String) -> String {
        let bundle = Bundle.main.bundleURL
        let candidates = [bundle.deletingLastPathComponent().appendingPathComponent(name),
                          bundle.appendingPathComponent(name),
                          packageRoot.appendingPathComponent(".build/debug/\(name)")]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }?.path ?? candidates.last!.path
    }

    /// Runs a program that may leave a daemon behind (tmux). posix_spawn and waitpid, not
    /// Foundation's Process, which would wait for the daemon as well; output goes to /dev/null.
    package static func launch(_ executable: String, _ arguments: [String], environment: [String: String]) async throws -> Int32 {
        await wait(try spawn(executable, arguments, environment: environment))
    }

    /// Starts a program as `launch` does, with its standard output and error written to the files
    /// given (else /dev/null), and returns its pid at once: for tests that signal it (`wait`).
    package static func spawn(_ executable: String, _ arguments: [String], environment: [String: String],
                             stdout: String? = nil, stderr: String? = nil) throws -> pid_t {
        let argv = ([executable] + arguments).map { strdup($0) }
        let envp = environment.map { strdup("\($0.key)=\($0.value)") }
        defer { (argv + envp).forEach { free($0) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, stderr ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        // Pipes of other tests' processes must not leak into a daemon, or their readers wait for it.
        let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd"))?.compactMap { Int32($0) } ?? []
        for fd in open where fd > 2 && fcntl(fd, F_GETFD) != -1 { posix_spawn_file_actions_addclose(&actions, fd) }
        // The child starts with no signal blocked and default handlers: the test's threads block
        // most signals, and a tmux server (or its shell) inheriting that mask outlived kill-server.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, executable, &actions, &attributes, argv + [nil], envp + [nil])
        guard rc == 0 else { throw CocoaError(.executableLoad) }
        return pid
    }

    /// Waits on a thread of its own for a spawned program to end; its raw wait status.
    package static func wait(_ pid: pid_t) async -> Int32 {
        let box = UncheckedBox(pid)
        return await withCheckedContinuation { continuation in
            Thread {
                var status: Int32 = 0
                waitpid(box.value, &status, 0)
                continuation.resume(returning: status)
            }.start()
        }
    }

    package static func run(_ executable: String, _ arguments: [String], environment: [String: String],
                           timeout: Duration = .seconds(60)) async throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes at once so a full pipe never blocks the child, on threads of their own:
        // blocking reads on the concurrency pool would starve an in-process sandbox.
        async let stdout = readOnThread(out.fileHandleForReading)
        async let stderr = readOnThread(err.fileHandleForReading)
        let (o, e) = await (stdout, stderr)
        let deadline = ContinuousClock.now + timeout
        while process.isRunning && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(5)) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
                      stderr: String(decoding: e, as: UTF8.self))
    }

    static func readOnThread(_ handle: FileHandle) async -> Data {
        await withCheckedContinuation { continuation in
            let box = UncheckedBox(handle)
            Thread { continuation.resume(returning: box.value.readDataToEndOfFile()) }.start()
        }
    }

    /// Runs `command` with /bin/sh and waits; its exit status (for set-up steps such as mount).
    @discardableResult
    package static func shell(_ command: String) -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", command]
        p.standardInput = FileHandle.nullDevice
        do { try p.run() } catch { return -1 }
        p.waitUntilExit()
        return p.terminationStatus
    }

    /// A pid that belonged to a process which has exited.
    package static func deadPID() -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/true")
        try? p.run()
        p.waitUntilExit()
        return p.processIdentifier
    }

    /// A minimal environment for the app: isolated XDG folders, no inherited key.
    package static func isolatedEnvironment(_ root: TempFolder, extra: [String: String] = [:]) -> [String: String] {
        var env = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": root.path,
            "XDG_CONFIG_HOME": root.path + "/config",
            "XDG_DATA_HOME": root.path + "/data",
            "XDG_CACHE_HOME": root.path + "/cache",
            "XDG_STATE_HOME": root.path + "/state",
            "LANG": "C.UTF-8",
        ]
        for (k, v) in extra { env[k] = v }
        return env
    }
}

struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
