import Foundation

/// Process start, what every command pays: `darkroom --version` and `darkroom show --help` next to
/// `chafa --version`, run in turn (so a drift of the machine's speed touches all alike). CPU time
/// (user + system, from wait4 on the process itself) and wall time, medians of 21, and the peak
/// RSS of one run under /usr/bin/time (`ProcessBench.spawn`).
enum StartupBench {
    static func run(binary: String) {
        let commands: [(label: String, argv: [String])] = [
            ("darkroom --version", [binary, "--version"]),
            ("darkroom show --help", [binary, "show", "--help"]),
            ("chafa --version", ["chafa", "--version"]),
        ]
        var cpu = Array(repeating: [Double](), count: commands.count)
        var wall = Array(repeating: [Double](), count: commands.count)
        for round in 0..<22 {
            for (i, c) in commands.enumerated() {
                guard let r = timed(c.argv) else { continue }
                if round > 0 {  // the first round warms the page cache
                    cpu[i].append(r.cpu)
                    wall[i].append(r.wall)
                }
            }
        }
        print("Process start, in turn with chafa; medians of 21 (34.8 ms CPU for darkroom --version before the static runtime)")
        print("  command                     CPU ms     wall ms   peak RSS")
        for (i, c) in commands.enumerated() {
            guard !cpu[i].isEmpty else {
                print("  \(c.label): could not run")
                continue
            }
            let rss = ProcessBench.spawn(c.argv).map { String(format: "%7.1f MiB", Double($0.maxRSSKiB) / 1024) } ?? "      ?"
            print("  \(c.label.padding(toLength: 24, withPad: " ", startingAt: 0)) \(Measure.format(Measure.median(cpu[i])))  \(Measure.format(Measure.median(wall[i])))  \(rss)")
        }
        print("")
    }

    /// One run of `argv` with its output thrown away: CPU and wall milliseconds.
    static func timed(_ argv: [String]) -> (cpu: Double, wall: Double)? {
        let args = argv.map { strdup($0) }
        defer { args.forEach { free($0) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd: Int32 in [0, 1, 2] { posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0) }
        var pid: pid_t = 0
        let start = ContinuousClock.now
        guard let program = args[0], posix_spawnp(&pid, program, &actions, nil, args + [nil], environ) == 0 else { return nil }
        var status: Int32 = 0
        var usage = rusage()
        guard wait4(pid, &status, 0, &usage) == pid else { return nil }
        let wall = Measure.milliseconds(ContinuousClock.now - start)
        func ms(_ t: timeval) -> Double { Double(t.tv_sec) * 1000 + Double(t.tv_usec) / 1000 }
        return (ms(usage.ru_utime) + ms(usage.ru_stime), wall)
    }
}
