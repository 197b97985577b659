import Foundation
import Generation
import History
import Preview
import RunwareAPI
import Studio
import StudioTesting
import TerminalUI
import Workspace

/// The studio's terminal output: bytes per typed character in the prompt editor (ncursesw on a
/// pseudo-terminal, target 300 or fewer), a full redraw at 200x60, and the start-up of the real
/// binary to its first frame.
enum StudioBench {
    /// A pseudo-terminal whose output is read on a thread of its own (a full frame is larger
    /// than the kernel's buffer), counting bytes.
    final class PTY: @unchecked Sendable {
        func makeTerminal() -> CursesTerminal {
            CursesTerminal(term: "xterm-256color", input: fdopen(dup(slave), "r"), output: fdopen(dup(slave), "w"), outputFD: slave)
        }

        let master: Int32, slave: Int32
        private let lock = NSLock()
        private var received = 0
        private var text = [UInt8]()

        init(columns: Int, rows: Int) {
            let pty = PseudoTerminal(columns: columns, rows: rows)!
            master = pty.master
            slave = pty.slave
            let thread = Thread { [self] in
                var buffer = [UInt8](repeating: 0, count: 1 << 16)
                while true {
                    let n = read(master, &buffer, buffer.count)
                    if n <= 0 { return }
                    lock.lock()
                    received += n
                    text += buffer[0..<n]
                    if text.count > 1 << 16 { text.removeFirst(text.count - (1 << 15)) }
                    lock.unlock()
                }
            }
            thread.start()
        }

        /// Bytes written since the last call, once the output has gone quiet for 3 ms.
        func drain() -> Int {
            var last = -1
            while true {
                usleep(3000)
                lock.lock()
                let now = received
                lock.unlock()
                if now == last { break }
                last = now
            }
            lock.lock()
            defer { received = 0; lock.unlock() }
            return received
        }

        func recentText() -> String {
            lock.lock()
            defer { lock.unlock() }
            return String(decoding: text, as: UTF8.self)
        }
    }

    static func document() -> [String: JSONValue] {
        ["model": .string("runware:111@1"), "positivePrompt": .string(""), "width": .int(1024), "height": .int(1024)]
    }

    /// A preview and a full strip of coloured cells, so redraws carry real colour changes.
    static func busyState(columns: Int, rows: Int) -> StudioState {
        var state = StudioState(columns: columns, rows: rows, now: Date(), document: document(), target: "sandbox", pickerFolder: "/tmp")
        let layout = GenerateLayout(columns: columns, rows: rows)
        var seed: UInt32 = 7
        func grid(_ w: Int, _ h: Int) -> CellGrid {
            var g = CellGrid(width: w, height: h)
            for i in g.cells.indices {
                seed = seed &* 1_103_515_245 &+ 12345
                g.cells[i] = Cell("▄", foreground: .rgb(seed & 0xFFFFFF), background: .rgb((seed >> 3) & 0xFFFFFF))
            }
            return g
        }
        for i in 0..<max(1, layout.stripCount) {
            let path = "/bench/\(i).jpg"
            state.generate.results.append(RecentResult(path: path, seed: UInt64(i), historyID: Int64(i + 1), index: 0))
            state.thumbnails[ThumbnailKey(path: path, columns: GenerateLayout.stripThumbWidth, rows: GenerateLayout.stripThumbHeight)] =
                grid(GenerateLayout.stripThumbWidth, GenerateLayout.stripThumbHeight)
        }
        if let p = layout.preview { state.thumbnails[ThumbnailKey(path: "/bench/0.jpg", columns: p.width, rows: p.height)] = grid(p.width, p.height) }
        return state
    }

    static func run(binary: String) throws {
        print("Studio: ncursesw on a pseudo-terminal (xterm-256color)")
        let prompt = "a lighthouse at dusk on a rocky coast, film photo, grain, warm light, long exposure, 35mm, kodak portra 400, wide"
        for (columns, rows) in [(160, 48), (200, 60)] {
            let pty = PTY(columns: columns, rows: rows)
            let terminal = pty.makeTerminal()
            let app = StudioApp(state: busyState(columns: columns, rows: rows), terminal: terminal, keyMap: .defaults,
                                theme: try theme(), ports: QuietPorts.all)
            app.start()
            let firstFrame = pty.drain()
            var perChar: [Double] = []
            var cpu: [Double] = []
            var cells: [Int] = []
            for c in prompt {
                let before = app.cellsPainted
                defer { cells.append(app.cellsPainted - before) }
                let t = Measure.threadCPUMilliseconds()
                app.dispatch(.terminal(.key(.character(c))))
                app.render()
                cpu.append(Measure.threadCPUMilliseconds() - t)
                perChar.append(Double(pty.drain()))
            }
            // Full redraw: everything repainted, as after Ctrl-L or a resize.
            var redraw: [Double] = []
            var redrawBytes = 0
            for _ in 0..<30 {
                let t = ContinuousClock.now
                app.dispatch(.terminal(.key(.ctrl("l"))))
                app.render()
                redraw.append(Measure.milliseconds(ContinuousClock.now - t))
                redrawBytes = pty.drain()
            }
            CursesTerminal.restore()
            print("  \(columns)x\(rows): first frame \(firstFrame) bytes; typing \(prompt.count) chars into the prompt:")
            print("    bytes per typed char  median \(Int(Measure.median(perChar)))  p95 \(Int(Measure.percentile(perChar, 0.95)))  max \(Int(perChar.max() ?? 0))  (target <= 300)")
            if let worst = perChar.firstIndex(of: perChar.max() ?? 0) { print("      largest at char \(worst + 1), \(cells[worst]) cells changed") }
            print("    CPU per keystroke     median \(Measure.format(Measure.median(cpu))) ms   p95 \(Measure.format(Measure.percentile(cpu, 0.95))) ms")
            print("    full redraw           median \(Measure.format(Measure.median(redraw))) ms   \(redrawBytes) bytes")
        }
        try invalidStack(loras: 400)
        startUp(binary: binary)
    }

    /// A draft of `loras` LoRAs, each with a weight out of range (an issue per item): CPU per
    /// typed key and per frame, which stay linear in the items (6.3 s per key before, 2026-12-07).
    static func invalidStack(loras: Int) throws {
        let pty = PTY(columns: 160, rows: 48)
        var document = document()
        document["lora"] = .array((0..<loras).map { .object(["model": .string("civitai:\($0)@1"), "weight": .double(9)]) })
        let state = StudioState(columns: 160, rows: 48, now: Date(), document: document, target: "sandbox", pickerFolder: "/tmp")
        let app = StudioApp(state: state, terminal: pty.makeTerminal(), keyMap: .defaults, theme: try theme(), ports: QuietPorts.all)
        app.start()
        _ = pty.drain()
        var cpu: [Double] = []
        for c in "a fox in the snow" {
            let t = Measure.threadCPUMilliseconds()
            app.dispatch(.terminal(.key(.character(c))))
            app.render()
            cpu.append(Measure.threadCPUMilliseconds() - t)
            _ = pty.drain()
        }
        CursesTerminal.restore()
        let median = Measure.median(cpu)
        print("  \(loras) LoRAs each out of range: CPU per keystroke median \(Measure.format(median)) ms   p95 \(Measure.format(Measure.percentile(cpu, 0.95))) ms"
            + "   (bound 50 ms; 6.3 s before)\(median <= 50 ? "" : "   OVER ITS BOUND")")
    }

    static func theme() throws -> Theme {
        try Theme.load(named: "dark", user: URL(fileURLWithPath: "/nonexistent"))
    }

    /// `darkroom --sandbox` in a pseudo-terminal: from spawn to the footer on screen.
    static func startUp(binary: String) {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("darkroom-bench-studio-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: home) }
        var times: [Double] = []
        for _ in 0..<7 {
            let pty = PTY(columns: 160, rows: 48)
            var env = ProcessInfo.processInfo.environment
            env["RUNWARE_API_KEY"] = nil
            env["TERM"] = "xterm-256color"
            env["XDG_CONFIG_HOME"] = home + "/config"
            env["XDG_DATA_HOME"] = home + "/data"
            env["XDG_CACHE_HOME"] = home + "/cache"
            let argv: [UnsafeMutablePointer<CChar>?] = [binary, "--sandbox"].map { (s: String) in strdup(s) }
            let envp: [UnsafeMutablePointer<CChar>?] = env.map { (k, v) in strdup("\(k)=\(v)") }
            defer { (argv + envp).forEach { free($0) } }
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            for fd: Int32 in [0, 1, 2] { posix_spawn_file_actions_adddup2(&actions, pty.slave, fd) }
            var pid: pid_t = 0
            let start = ContinuousClock.now
            guard posix_spawn(&pid, binary, &actions, nil, argv + [nil], envp + [nil]) == 0 else {
                print("  start-up: could not run \(binary)")
                return
            }
            posix_spawn_file_actions_destroy(&actions)
            while ContinuousClock.now - start < .seconds(10) {
                if pty.recentText().contains("ctrl-g") { break }
                usleep(500)
            }
            times.append(Measure.milliseconds(ContinuousClock.now - start))
            _ = write(pty.master, "\u{11}", 1)  // Ctrl-Q
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            close(pty.slave)
        }
        print("  start-up to first frame (darkroom --sandbox, 160x48): median \(Measure.format(Measure.median(times))) ms over \(times.count)")
    }
}
