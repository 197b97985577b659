import TerminalUI
import Foundation

/// The real `darkroom` in a tmux session of its own with a tmux client attached in a
/// pseudo-terminal that stands for the person's terminal (160x48 cells of 8x17 pixels, like
/// xterm with DejaVu Sans Mono 10): keys are written to that terminal as a terminal sends them,
/// and what tmux draws on it (pictures passed through included) is read back, stamped as it
/// arrives.
final class TmuxStudio: @unchecked Sendable {
    struct Chunk {
        var time: ContinuousClock.Instant
        var bytes: [UInt8]
    }

    let socket = "darkroom-bench-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    let session = "bench"
    private let client: pid_t
    private let terminal: PseudoTerminal
    private let lock = NSLock()
    private var chunks: [Chunk] = []

    /// Starts tmux with `command` (a shell command line) in a terminal of `columns` x `rows`, with
    /// tmux's passthrough on.
    init(command: String, columns: Int = 160, rows: Int = 48, environment: [String: String], folder: String) throws {
        let config = folder + "/tmux.conf"
        try "set -g allow-passthrough on\nset -g status off\nset -g default-terminal tmux-256color\n"
            .write(toFile: config, atomically: true, encoding: .utf8)
        guard let pty = PseudoTerminal(columns: columns, rows: rows, cellWidth: 8, cellHeight: 17) else {
            throw BenchError("no pseudo-terminal")
        }
        terminal = pty
        // Started in the terminal, as a person starts tmux: the pane has the terminal's cell size
        // in pixels from the start.
        var clientEnvironment = environment
        clientEnvironment["TERM"] = "xterm-256color"
        client = try Spawn.start(["/usr/bin/tmux", "-L", socket, "-f", config, "new-session", "-s", session, command],
                                 environment: clientEnvironment, stdin: pty.slave, stdout: pty.slave, stderr: pty.slave)
        let reader = Thread { [self] in
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let n = read(pty.master, &buffer, buffer.count)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return }
                let chunk = Chunk(time: .now, bytes: Array(buffer[0..<n]))
                lock.lock()
                chunks.append(chunk)
                lock.unlock()
            }
        }
        reader.start()
    }

    /// Keys as xterm sends them: `C-g`, `F2`, `Escape`, `BSpace`, `Enter`, or text typed as it is.
    func press(_ key: String) {
        let bytes: [UInt8] = switch key {
        case "Escape": [0x1B]
        case "Enter": [0x0D]
        case "BSpace": [0x7F]
        case "F2": Array("\u{1B}OQ".utf8)
        case _ where key.hasPrefix("C-") && key.count == 3:
            [key.utf8.last! & 0x1F]
        default: Array(key.utf8)
        }
        _ = bytes.withUnsafeBytes { write(terminal.master, $0.baseAddress, $0.count) }
    }

    /// What the pane shows now, as text.
    func screen() -> String {
        (try? Spawn.output(["/usr/bin/tmux", "-L", socket, "capture-pane", "-p", "-t", session],
                           environment: ProcessInfo.processInfo.environment)) ?? ""
    }

    /// Waits until the pane shows `text`, at most `timeout`.
    func waitForScreen(_ text: String, timeout: Duration = .seconds(30)) throws {
        let deadline = ContinuousClock.now + timeout
        while !screen().contains(text) {
            guard ContinuousClock.now < deadline else { throw BenchError("the studio never showed \"\(text)\"") }
            usleep(20_000)
        }
    }

    /// What the terminal received after `instant`.
    func output(after instant: ContinuousClock.Instant) -> [Chunk] {
        lock.lock()
        defer { lock.unlock() }
        return chunks.filter { $0.time > instant }
    }

    /// Waits until the terminal has received nothing for `quiet` (at most `timeout`), and returns
    /// everything it received after `instant`.
    func settle(after instant: ContinuousClock.Instant, quiet: Duration, timeout: Duration = .seconds(30)) -> [Chunk] {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let last = output(after: instant).last?.time ?? instant
            if ContinuousClock.now - last >= quiet { break }
            usleep(2000)
        }
        return output(after: instant)
    }

    func stop() {
        try? Self.tmux(["-L", socket, "kill-server"], environment: ProcessInfo.processInfo.environment)
        var status: Int32 = 0
        waitpid(client, &status, 0)
        close(terminal.slave)
        close(terminal.master)
        // tmux leaves its socket file behind.
        let folder = ProcessInfo.processInfo.environment["TMUX_TMPDIR"] ?? "/tmp"
        unlink("\(folder)/tmux-\(getuid())/\(socket)")
    }

    private static func tmux(_ arguments: [String], environment: [String: String]) throws {
        guard try Spawn.run(["/usr/bin/tmux"] + arguments, environment: environment) == 0 else {
            throw BenchError("tmux \(arguments.joined(separator: " ")) failed")
        }
    }
}

/// Child processes by posix_spawn and waitpid (Foundation's Process was seen to wait forever
/// for a child that had ended, here, from the bench's top-level code).
enum Spawn {
    /// Starts `argv` with its stdin, stdout and stderr on the descriptors given (else /dev/null).
    static func start(_ argv: [String], environment: [String: String], stdin: Int32? = nil, stdout: Int32? = nil,
                      stderr: Int32? = nil) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if let stdin { posix_spawn_file_actions_adddup2(&actions, stdin, 0) } else { posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0) }
        if let stdout { posix_spawn_file_actions_adddup2(&actions, stdout, 1) } else { posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0) }
        if let stderr { posix_spawn_file_actions_adddup2(&actions, stderr, 2) } else { posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0) }
        let args: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) }
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") }
        defer { (args + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, argv[0], &actions, nil, args + [nil], envp + [nil])
        guard rc == 0 else { throw BenchError("\(argv[0]): \(String(cString: strerror(rc)))") }
        return pid
    }

    /// Runs `argv` to its end; its exit status.
    static func run(_ argv: [String], environment: [String: String]) throws -> Int32 {
        let pid = try start(argv, environment: environment)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (status >> 8) & 0xFF
    }

    /// Runs `argv` to its end; what it wrote to stdout.
    static func output(_ argv: [String], environment: [String: String]) throws -> String {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw BenchError("pipe: \(String(cString: strerror(errno)))") }
        let pid = try start(argv, environment: environment, stdout: fds[1])
        close(fds[1])
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = read(fds[0], &buffer, buffer.count)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            out += buffer[0..<n]
        }
        close(fds[0])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return String(decoding: out, as: UTF8.self)
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// New files in a folder, stamped as the kernel reports them (inotify): a result on disk.
final class FolderWatch: @unchecked Sendable {
    private let fd: Int32
    private let lock = NSLock()
    private var arrivals: [(name: String, time: ContinuousClock.Instant)] = []

    init(_ folder: String) throws {
        fd = inotify_init1(Int32(IN_CLOEXEC))
        guard fd >= 0, inotify_add_watch(fd, folder, UInt32(IN_MOVED_TO)) >= 0 else {
            throw BenchError("inotify on \(folder): \(String(cString: strerror(errno)))")
        }
        let thread = Thread { [self] in
            var buffer = [UInt8](repeating: 0, count: 1 << 14)
            while true {
                let n = read(fd, &buffer, buffer.count)
                if n <= 0 { return }
                let now = ContinuousClock.now
                var offset = 0
                while offset + 16 <= n {
                    let length = buffer[offset + 12..<offset + 16].withUnsafeBytes { Int($0.loadUnaligned(as: UInt32.self)) }
                    let nameBytes = buffer[(offset + 16)..<(offset + 16 + length)].prefix { $0 != 0 }
                    lock.lock()
                    arrivals.append((String(decoding: nameBytes, as: UTF8.self), now))
                    lock.unlock()
                    offset += 16 + length
                }
            }
        }
        thread.start()
    }

    /// The first file named with `suffix` that arrived after `instant`, waiting up to `timeout`.
    func next(after instant: ContinuousClock.Instant, suffix: String, timeout: Duration = .seconds(30)) -> (name: String, time: ContinuousClock.Instant)? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            lock.lock()
            let found = arrivals.first { $0.time > instant && $0.name.hasSuffix(suffix) }
            lock.unlock()
            if let found { return found }
            usleep(500)
        }
        return nil
    }
}
