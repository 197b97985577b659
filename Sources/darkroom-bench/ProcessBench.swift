import Foundation

/// Whole processes side by side: `darkroom show --grid 8` against `timg --grid=8` and one `chafa`
/// per image, on the same 48 1024x1024 JPEGs at 24x12 cells each. Median wall time of repeated
/// runs and peak resident memory (from wait4) of each.
enum ProcessBench {
    struct Run {
        var wall: Double
        var maxRSSKiB: Int
        /// The command's exit code (GNU time exits with it), or 128 + the signal that ended it.
        var status: Int32 = 0
    }

    /// Runs `argv` under /usr/bin/time, which reports the peak RSS of that process alone (our own
    /// wait4 figure would include this benchmark's memory: Linux carries it across exec).
    static func spawn(_ command: [String], env: [String: String] = ProcessInfo.processInfo.environment) -> Run? {
        let report = FileManager.default.temporaryDirectory.appendingPathComponent("darkroom-bench-rss-\(getpid())").path
        let argv = ["/usr/bin/time", "-f", "%M", "-o", report] + command
        let args = argv.map { strdup($0) }
        let envp = env.map { strdup("\($0.key)=\($0.value)") }
        defer { (args + envp).forEach { free($0) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var pid: pid_t = 0
        let t = ContinuousClock.now
        guard posix_spawnp(&pid, argv[0], &actions, nil, args + [nil], envp + [nil]) == 0 else { return nil }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        let wall = Measure.milliseconds(ContinuousClock.now - t)
        let text = (try? String(contentsOfFile: report, encoding: .utf8)) ?? ""
        guard let kib = text.split(separator: "\n").last.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) else { return nil }
        let code = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return Run(wall: wall, maxRSSKiB: kib, status: code)
    }

    static func measure(_ label: String, repeats: Int, _ body: () -> Run?) {
        var walls: [Double] = []
        var rss = 0
        for _ in 0..<repeats {
            guard let r = body() else { print("  \(label): could not run"); return }
            walls.append(r.wall)
            rss = max(rss, r.maxRSSKiB)
        }
        print("  \(label.padding(toLength: 44, withPad: " ", startingAt: 0)) \(Measure.format(Measure.median(walls))) ms   \(String(format: "%7.1f", Double(rss) / 1024)) MiB")
    }

    static func run() throws {
        let files = try PreviewBench.makeImages(count: 48)
        let darkroom = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("darkroom").path
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("darkroom-bench-cache").path
        var env = ProcessInfo.processInfo.environment
        env["XDG_CACHE_HOME"] = cache
        env["COLORTERM"] = "truecolor"
        env["TERM"] = "xterm-256color"
        print("Whole process, 48 x 1024x1024 JPEG, 8 per row, 24x12 cells each, truecolor; median of 7 (peak RSS)")
        print("  command                                       wall ms    peak RSS")
        let show = [darkroom, "show", "--grid", "8", "--width", "206", "--size", "24x12", "--colors", "truecolor"] + files
        measure("darkroom show --grid 8 (no cache)", repeats: 7) { spawn(show + ["--no-cache"], env: env) }
        _ = spawn(show, env: env)
        measure("darkroom show --grid 8 (thumbnail cache warm)", repeats: 7) { spawn(show, env: env) }
        measure("timg --grid=8 -g206x200 -pq", repeats: 7) {
            spawn(["timg", "--grid=8", "-g206x200", "-pq", "--color8=false"] + files, env: env)
        }
        measure("chafa --size 24x12, one process per image", repeats: 3) {
            var total = Run(wall: 0, maxRSSKiB: 0)
            for f in files {
                guard let r = spawn(["chafa", "--size", "24x12", "--symbols", "block+space", "--colors", "full", "-f", "symbols", f], env: env)
                else { return nil }
                total.wall += r.wall
                total.maxRSSKiB = max(total.maxRSSKiB, r.maxRSSKiB)
            }
            return total
        }
        measure("chafa --size 24x12, all 48 files in one process", repeats: 7) {
            spawn(["chafa", "--size", "24x12", "--symbols", "block+space", "--colors", "full", "-f", "symbols"] + files, env: env)
        }
        print("")
    }
}
