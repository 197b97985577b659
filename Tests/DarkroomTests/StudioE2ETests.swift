import Foundation
import RunwareSandbox
import Testing
import TestSupport

/// The studio as a person uses it: the real binary in tmux against a sandbox on a loopback port,
/// typed at with send-keys and read with capture-pane.
@Suite(.serialized) struct StudioE2ETests {
    static let darkroom = Binary.product("darkroom")

    /// A sandbox whose every answer takes a moment, so a job is visibly in flight.
    static func slowSandbox() -> SandboxEngine.Settings {
        .init(apiKey: SandboxHarness.key, asyncLatency: .milliseconds(30), faults: try! FaultPlan(specs: ["delay=1200"]))
    }

    /// The studio in tmux for the length of `body`.
    static func studio(_ folder: TempFolder, endpoint: String, extra: [String: String] = [:],
                       _ body: (TmuxSession) async throws -> Void) async throws {
        var env = Binary.isolatedEnvironment(folder, extra: ["RUNWARE_API_KEY": SandboxHarness.key, "TERM": "xterm-256color"])
        for (k, v) in extra { env[k] = v }
        let command = "cd \(folder.path) && TERM=tmux-256color \(darkroom) --endpoint \(endpoint); echo EXIT=$?; sleep 30"
        try await TmuxSession.with(command, environment: env, body)
    }

    @Test func promptSizeLoRAGenerateResizeValidationHelpQuit() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        try await SandboxHarness.with(Self.slowSandbox()) { sandbox in
            try await Self.studio(folder, endpoint: sandbox.endpoint) { tmux in
            var screen = try await tmux.waitFor("ctrl-g generate")
            // tmux without passthrough: the opening notice says how to let Darkroom ask the terminal.
            #expect(screen.contains("Runware 127.0.0.1") && screen.contains("tmux set -g allow-passthrough on"), "\(screen)")
            #expect(screen.contains("! is required (2 to 3000 characters)"))

            try await tmux.type("a lighthouse at dusk")
            screen = try await tmux.waitFor("ready")
            #expect(screen.contains("a lighthouse at dusk"))
            #expect(screen.contains("jobs 0 running") && !screen.contains("allow-passthrough"), "advice is said once: \(screen)")

            // Size: three fields down, one preset on.
            try await tmux.press("Tab", times: 3)
            try await tmux.keys("Right")
            screen = try await tmux.waitFor("‹ 1152x896 ›")
            #expect(screen.contains("1152") && screen.contains("896"), "\(screen)")

            // A LoRA from the picker, searched as typed.
            try await tmux.press("Tab", times: 14)
            try await tmux.keys("Enter")
            try await tmux.waitFor("Search LoRAs (modelSearch, flux1d)")
            try await tmux.type("water")
            // The list narrows as the letters arrive: wait for the narrowed one, not the first.
            screen = try await tmux.waitFor { $0.contains("Watercolor Illustration") && !$0.contains("Film Grain") }
            try await tmux.keys("Enter")
            screen = try await tmux.waitFor("LoRA 1")
            #expect(screen.contains("civitai:667004@746484"), "\(screen)")

            // Generate; the status line counts it; resize while it runs.
            try await tmux.keys("C-g")
            screen = try await tmux.waitFor("jobs 1 running")
            // Numbered by History ("new" for the moment before it records the job).
            #expect(screen.contains("▶ #1") || screen.contains("▶ #new"), "\(screen)")
            try await tmux.resize(columns: 120, rows: 40)
            screen = try await tmux.waitFor(timeout: .seconds(30)) { $0.contains("done 1/1") && $0.contains("▲ #1") }
            #expect(screen.contains("jobs 0 running"), "\(screen)")
            #expect(screen.contains("seed "), "the preview caption names the seed: \(screen)")
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.allSatisfy { $0.count <= 120 } && lines.count <= 41, "\(screen)")
            #expect(lines.first?.hasPrefix("┌─ Generate") == true && lines.first?.contains("┐┌─ Preview") == true, "\(screen)")

            // A bad weight is named beside its field and Generate refuses.
            try await tmux.keys("Down")
            try await tmux.type("9")
            screen = try await tmux.waitFor("! 9: must be between -4 and 4")
            try await tmux.keys("C-g")
            // Nothing is sent: no job 2 (the status line may drop its job count to fit the notice
            // once the balance has arrived, so the count is not read).
            screen = try await tmux.waitFor("fix the 1 problem")
            #expect(!screen.contains("jobs 1 running") && !screen.contains("#2"), "\(screen)")

            // Help from the key map.
            try await tmux.keys("F1")
            screen = try await tmux.waitFor("Keys (from the key map")
            #expect(screen.contains("ctrl-g, f5") && screen.contains("search past prompts"), "\(screen)")
            try await tmux.keys("Escape")

            // Quit gives the terminal back.
            try await tmux.keys("C-q")
            screen = try await tmux.waitFor("EXIT=0")
            #expect(!screen.contains("┌─ Generate"), "\(screen)")

            // History has the job with its LoRA.
            let env = Binary.isolatedEnvironment(folder)
            let list = try await Binary.run(Self.darkroom, ["history", "search", "lora:civitai:667004@746484"], environment: env)
            #expect(list.stdout.contains("a lighthouse at dusk"), "\(list.stdout)\(list.stderr)")
            }
        }
    }

    /// ctrl-q with an async job in flight asks first and says the job goes on at Runware; the
    /// job is collected when the studio starts again (the sandbox here outlives the studio, as
    /// Runware would).
    @Test func quittingWithAJobInFlightAsksAndTheNextStartCollectsIt() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        try await SandboxHarness.with(.init(apiKey: SandboxHarness.key, asyncLatency: .seconds(3))) { sandbox in
            try await Self.studio(folder, endpoint: sandbox.endpoint) { tmux in
                try await tmux.waitFor("ctrl-g generate")
                try await tmux.type("a harbour left running")
                try await tmux.keys("C-g")
                try await tmux.waitFor("jobs 1 running")
                try await tmux.keys("C-q")
                let asked = try await tmux.waitFor("quit with 1 job running?")
                #expect(asked.contains("goes on at Runware"), "\(asked)")
                try await tmux.type("y")
                try await tmux.waitFor("EXIT=0")
            }
            let env = Binary.isolatedEnvironment(folder)
            let left = try await Binary.run(Self.darkroom, ["history", "show", "1"], environment: env)
            #expect(!left.stdout.contains("status    done"), "still at Runware when the studio quit: \(left.stdout)")
            try await Self.studio(folder, endpoint: sandbox.endpoint) { tmux in
                let back = try await tmux.waitFor(timeout: .seconds(30)) { $0.contains("settled 1 earlier job") }
                #expect(back.contains("job 1 done"), "\(back)")
                try await tmux.keys("C-q")
                try await tmux.waitFor("EXIT=0")
            }
            let shown = try await Binary.run(Self.darkroom, ["history", "show", "1"], environment: env)
            #expect(shown.stdout.contains("status    done") && shown.stdout.contains("image 1"), "\(shown.stdout)")
        }
    }

    /// As typed in tmux: F4 goes to the next problem (the empty prompt, then a width that is no
    /// multiple of 16); typing into the width replaces its number on the first digit.
    @Test func nextProblemAndNumbersReplacedOnType() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        try await SandboxHarness.with { sandbox in
            try await Self.studio(folder, endpoint: sandbox.endpoint) { tmux in
                try await tmux.waitFor("ctrl-g generate")
                try await tmux.press("Tab", times: 5)  // away from the prompt
                try await tmux.keys("F4")
                try await tmux.waitFor("Prompt: is required")
                try await tmux.type("a lighthouse")
                try await tmux.press("Tab", times: 5)  // negative, model, size, aspect lock, then the width
                try await tmux.type("1000")
                var screen = try await tmux.waitFor("! 1000: must be 128 to 2048 and a multiple of 16")
                #expect(!screen.contains("10241000"), "the first digit replaced 1024: \(screen)")
                try await tmux.press("Tab", times: 3)
                try await tmux.keys("F4")
                screen = try await tmux.waitFor { $0.contains("Width = 1000") || $0.contains("Width: ") }
                try await tmux.type("768")
                screen = try await tmux.waitFor("ready")
                #expect(screen.contains("768") && !screen.contains("1000768"), "\(screen)")
                try await tmux.keys("C-q")
                try await tmux.waitFor("EXIT=0")
            }
        }
    }

    /// A restart comes back where the last run was left: the draft and its focused field, the
    /// screen (History, with its search), the strip with its result; a damaged state file is
    /// named and the studio starts fresh.
    @Test func aRestartBringsBackTheDraftTheScreenAndTheStrip() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        try await SandboxHarness.with { sandbox in
            try await Self.studio(folder, endpoint: sandbox.endpoint) { tmux in
                try await tmux.waitFor("ctrl-g generate")
                try await tmux.type("a lighthouse kept")
                try await tmux.keys("C-g")
                try await tmux.waitFor(timeout: .seconds(20)) { $0.contains("jobs 0 running") && $0.contains("seed ") }
                // The next draft, left half-written in the steps field.
                try await tmux.keys("C-u")
                try await tmux.type("a harbour at night, unsent")
                try await tmux.keys("M-2")
                try await tmux.waitFor("Parameters")
                try await tmux.press("Tab", times: 6)  // model, size, lock, width, height, seed: then steps
                try await tmux.type("33")
                try await tmux.waitFor("ready")
                try await tmux.keys("F2")
                try await tmux.waitFor("1 job")
                try await tmux.type("/lighthouse")
                try await tmux.keys("Enter")
                try await tmux.waitFor("1 job")
                try await tmux.keys("C-q")
                try await tmux.waitFor("EXIT=0")
            }
            let stateFile = folder.path + "/state/darkroom/studio.json"
            #expect(FileManager.default.fileExists(atPath: stateFile))
            try await Self.studio(folder, endpoint: sandbox.endpoint) { tmux in
                // Back on History with the search as it was.
                var screen = try await tmux.waitFor("1 job")
                #expect(screen.contains("lighthouse") && screen.contains("History"), "\(screen)")
                try await tmux.keys("F2")
                // The whole screen, not the first rows of a redraw still under way: the draft with
                // its steps, and the strip's result (the "seed" line) in the preview.
                screen = try await tmux.waitFor(timeout: .seconds(20)) {
                    $0.contains("a harbour at night, unsent") && $0.contains("33") && $0.contains("seed ")
                }
                // The focus is where it was: typing goes into the steps field.
                try await tmux.type("5")
                // A number field restored with the focus is replaced by the first digit typed.
                screen = try await tmux.waitFor {
                    $0.split(separator: "\n").contains { $0.contains("Steps ") && $0.contains(" 5 ") && !$0.contains("33") }
                }
                #expect(!screen.contains("a harbour at night, unsent5"), "\(screen)")
                try await tmux.keys("C-q")
                try await tmux.waitFor("EXIT=0")
            }
            try Data("{\"version\": 1, \"draft\": ".utf8).write(to: URL(fileURLWithPath: stateFile))
            try await Self.studio(folder, endpoint: sandbox.endpoint) { tmux in
                let screen = try await tmux.waitFor("studio.json")
                #expect(screen.contains("ignored"), "\(screen)")
                #expect(!screen.contains("a harbour at night"), "a fresh form: \(screen)")
                try await tmux.keys("C-q")
                try await tmux.waitFor("EXIT=0")
            }
        }
    }

    /// At 80x24 only the form fits; a job's result is one key away (f3), and back.
    @Test func at80x24AJobsResultIsOneKeyAway() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        try await SandboxHarness.with { sandbox in
            try await Self.studio(folder, endpoint: sandbox.endpoint) { tmux in
                try await tmux.resize(columns: 80, rows: 24)
                var screen = try await tmux.waitFor("f3: preview and jobs")
                try await tmux.type("a small lighthouse")
                try await tmux.keys("C-g")
                screen = try await tmux.waitFor(timeout: .seconds(20)) { $0.contains("f3 shows it") }
                #expect(screen.contains("job 1 done: 1 of 1 image"), "\(screen)")
                try await tmux.keys("F3")
                // Waits for the whole zoomed pane: tmux may show the title before the rest is painted.
                screen = try await tmux.waitFor { $0.contains("esc: back to the form") && $0.contains("#1  result 1 of 1") }
                #expect(screen.contains("done 1/1") && screen.contains("seed "), "\(screen)")
                let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
                #expect(lines.allSatisfy { $0.count <= 80 }, "\(screen)")
                try await tmux.keys("Escape")
                screen = try await tmux.waitFor("f3: preview and jobs")
                #expect(screen.contains("a small lighthouse"), "\(screen)")
                try await tmux.resize(columns: 50, rows: 12)
                try await tmux.waitFor("at least 60x16")
                try await tmux.keys("C-q")
                try await tmux.waitFor("EXIT=0")
            }
        }
    }

    /// A day's review as typed in tmux: twelve jobs, ten rated from the loupe with number keys,
    /// the unrated ones found (rating:0), marked as a search and deleted in one batch; the rest
    /// stay in the sheet and on disk. Then a NOT search and a saved search used as @name.
    @Test func rateFromTheLoupeDeleteTheUnratedInOneBatchAndSearch() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        try await SandboxHarness.with { sandbox in
            let env = Binary.isolatedEnvironment(folder, extra: ["RUNWARE_API_KEY": SandboxHarness.key])
            for n in 1...12 {
                let made = try await Binary.run(Self.darkroom, ["generate", "review \(n) \(n % 2 == 0 ? "fox" : "owl")", "--size", "128x128",
                                                                "-q", "--endpoint", sandbox.endpoint], environment: env)
                #expect(made.status == 0, "\(made.stderr)")
            }
            try await Self.studio(folder, endpoint: sandbox.endpoint) { tmux in
                try await tmux.waitFor("ctrl-g generate")
                try await tmux.keys("F2")
                try await tmux.waitFor("12 jobs")
                try await tmux.type("z")
                try await tmux.waitFor("1 of 12")
                // Jobs 12 down to 3: five get a rating, five are left at 0.
                for key in ["5", "0", "4", "0", "0", "3", "0", "0", "5", "0"] { try await tmux.type(key) }
                var screen = try await tmux.waitFor("11 of 12")
                try await tmux.keys("Escape")
                try await tmux.type("/rating:0")
                try await tmux.keys("Enter")
                screen = try await tmux.waitFor("8 jobs")
                try await tmux.type("a")
                try await tmux.waitFor("every job of this search (8) marked")
                try await tmux.type("d")
                screen = try await tmux.waitFor("8 jobs and 8 image files?")
                try await tmux.type("y")
                screen = try await tmux.waitFor("deleted 8 jobs and 8 image files")
                try await tmux.type("/")
                try await tmux.keys("C-u", "Enter")
                screen = try await tmux.waitFor("4 jobs")
                for id in [12, 10, 7, 4] { #expect(screen.contains("#\(id) "), "job \(id) stays: \(screen)") }
                // NOT: the foxes among them left out (12, 10 and 4 are foxes, 7 an owl).
                try await tmux.type("/-fox")
                try await tmux.keys("Enter")
                screen = try await tmux.waitFor("1 job")
                #expect(screen.contains("#7 ") && !screen.contains("#12 ") && !screen.contains("#4 "), "\(screen)")
                // Saved as @best, found again by name.
                try await tmux.type("/")
                try await tmux.keys("C-u")
                try await tmux.type("rating:>=4")
                try await tmux.keys("Enter")
                screen = try await tmux.waitFor("3 jobs")
                #expect(screen.contains("★5#12 ") && screen.contains("★4#10 ") && screen.contains("★5#4 "), "\(screen)")
                try await tmux.type("=")
                try await tmux.type("best")
                try await tmux.keys("Enter")
                try await tmux.waitFor("saved this search as @best")
                try await tmux.type("/")
                try await tmux.keys("C-u")
                try await tmux.type("@best -\"review 4\"")
                try await tmux.keys("Enter")
                screen = try await tmux.waitFor("2 jobs")
                #expect(screen.contains("#12 ") && screen.contains("#10 ") && !screen.contains("#4 "), "\(screen)")
                try await tmux.keys("C-q")
                try await tmux.waitFor("EXIT=0")
            }
            let left = try await Binary.run(Self.darkroom, ["history", "list", "--json"], environment: env)
            let jobs = left.stdout.split(separator: "\n").compactMap { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any] }
            #expect(jobs.compactMap { $0["id"] as? Int } == [12, 10, 7, 4])
            let paths = jobs.flatMap { ($0["results"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String } }
            #expect(paths.count == 4 && paths.allSatisfy { FileManager.default.fileExists(atPath: $0) })
            let images = FileManager.default.enumerator(atPath: folder.path + "/data/darkroom/images")?.compactMap { $0 as? String }
                .filter { $0.hasSuffix(".png") || $0.hasSuffix(".jpg") || $0.hasSuffix(".webp") } ?? []
            #expect(images.count == 4, "only the kept jobs' images are on disk: \(images)")
        }
    }

    /// Re-runs and variations of one request are one cell with a count; `e` opens the stack and
    /// goes back; `u` shows every job on its own.
    @Test func aStackIsOneCellAndOpens() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        try await SandboxHarness.with { sandbox in
            let env = Binary.isolatedEnvironment(folder, extra: ["RUNWARE_API_KEY": SandboxHarness.key])
            func darkroom(_ args: [String]) async throws {
                let r = try await Binary.run(Self.darkroom, args + ["-q", "--endpoint", sandbox.endpoint], environment: env)
                #expect(r.status == 0, "\(args): \(r.stderr)")
            }
            try await darkroom(["generate", "a stacked lighthouse", "--size", "128x128", "--seed", "3"])
            try await darkroom(["history", "rerun", "1"])
            try await darkroom(["history", "rerun", "1", "--new-seeds"])
            try await darkroom(["generate", "a lone owl", "--size", "128x128"])
            try await Self.studio(folder, endpoint: sandbox.endpoint) { tmux in
                try await tmux.waitFor("ctrl-g generate")
                try await tmux.keys("F2")
                var screen = try await tmux.waitFor("4 jobs in 2 stacks")
                #expect(screen.contains("▣3#3 ") && screen.contains("#4 "), "the stack shows its newest, with the count: \(screen)")
                try await tmux.keys("Right")
                try await tmux.type("e")
                screen = try await tmux.waitFor("stack:3")
                screen = try await tmux.waitFor("3 jobs")
                #expect(screen.contains("#1 ") && screen.contains("#2 ") && screen.contains("#3 ") && !screen.contains("#4 "), "\(screen)")
                try await tmux.type("e")
                try await tmux.waitFor("4 jobs in 2 stacks")
                try await tmux.type("u")
                screen = try await tmux.waitFor { $0.contains("4 jobs") && !$0.contains("stacks") }
                try await tmux.keys("C-q")
                try await tmux.waitFor("EXIT=0")
            }
        }
    }

    /// A History image used as the seed image (`i`), then the job it came from deleted: the
    /// img2img job keeps its own copy, so `r` re-runs it and the new job is done, not failed.
    @Test func aRerunAfterItsSeedImagesJobWasDeleted() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        try await SandboxHarness.with { sandbox in
            let env = Binary.isolatedEnvironment(folder, extra: ["RUNWARE_API_KEY": SandboxHarness.key])
            let made = try await Binary.run(Self.darkroom, ["generate", "a harbour at dawn", "--size", "128x128", "-q",
                                                            "--endpoint", sandbox.endpoint], environment: env)
            #expect(made.status == 0, "\(made.stderr)")
            let seedImage = made.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            try await Self.studio(folder, endpoint: sandbox.endpoint) { tmux in
                try await tmux.waitFor("ctrl-g generate")
                try await tmux.keys("C-u")
                try await tmux.type("the same harbour at night")
                try await tmux.keys("F2")
                try await tmux.waitFor("1 job")
                try await tmux.type("i")
                try await tmux.waitFor("job 1's image is the form's seed image")
                try await tmux.keys("C-g")
                try await tmux.waitFor("#2 ")
                try await tmux.waitFor(timeout: .seconds(20)) { $0.contains("jobs 0 running") && $0.contains("done") }
                // Job 1, whose image was the seed image, deleted with its file.
                try await tmux.keys("F2")
                try await tmux.waitFor("2 jobs")
                try await tmux.type("u")
                try await tmux.waitFor("every job on its own")
                try await tmux.keys("End")
                try await tmux.type("d")
                try await tmux.waitFor("delete job 1")
                try await tmux.type("y")
                var screen = try await tmux.waitFor("1 job")
                #expect(!screen.contains("#1 "), "\(screen)")
                #expect(!FileManager.default.fileExists(atPath: seedImage))
                // The img2img job re-run from History.
                try await tmux.keys("Home")
                try await tmux.type("r")
                screen = try await tmux.waitFor(timeout: .seconds(20)) { $0.contains("2 jobs") && $0.contains("#3 ") }
                try await tmux.keys("C-q")
                try await tmux.waitFor("EXIT=0")
            }
            let shown = try await Binary.run(Self.darkroom, ["history", "show", "3"], environment: env)
            #expect(shown.status == 0 && shown.stdout.contains("status    done"), "\(shown.stdout)\(shown.stderr)")
            #expect(shown.stdout.contains(folder.path + "/data/darkroom/inputs/"), "the re-run sent the kept copy: \(shown.stdout)")
        }
    }

    @Test func monochromeAndNoColorStayUsable() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        try await SandboxHarness.with { sandbox in
            try await Self.studio(folder, endpoint: sandbox.endpoint, extra: ["NO_COLOR": "1"]) { tmux in
            try await tmux.waitFor("ctrl-g generate")
            let colored = try await tmux.screen(escapes: true)
            #expect(!colored.contains("38;5;") && !colored.contains("38;2;"), "colours despite NO_COLOR")
            #expect(colored.contains("\u{1B}[7m"), "the focused field is shown in reverse")
            try await tmux.keys("C-q")
            try await tmux.waitFor("EXIT=0")
            }
        }
    }

    @Test func aBadKeyMapIsNamedWithFileAndLine() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let config = folder.url.appendingPathComponent("config/darkroom")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        try Data("[keys]\ngenerate = [\"ctrl-g\"]\nlaunch = [\"f9\"]\n".utf8).write(to: config.appendingPathComponent("keys.toml"))
        try await SandboxHarness.with { sandbox in
            try await Self.studio(folder, endpoint: sandbox.endpoint) { tmux in
                let screen = try await tmux.waitFor("EXIT=78")
                #expect(screen.contains("keys.toml:3: unknown action \"launch\""), "\(screen)")
            }
        }
    }

    @Test func ctrlZSuspendsToTheShellAndFgComesBack() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        try await SandboxHarness.with { sandbox in
            let env = Binary.isolatedEnvironment(folder, extra: ["RUNWARE_API_KEY": SandboxHarness.key, "TERM": "tmux-256color"])
            try await TmuxSession.with("bash --norc --noprofile -i", columns: 120, rows: 40, environment: env) { tmux in
                try await tmux.waitFor { $0.contains("$") || $0.contains("#") }
                try await tmux.type("\(Self.darkroom) --endpoint \(sandbox.endpoint)")
                try await tmux.keys("Enter")
                try await tmux.waitFor("ctrl-g generate")
                try await tmux.type("a fox")
                try await tmux.keys("C-z")
                var screen = try await tmux.waitFor("Stopped")
                #expect(!screen.contains("┌─ Generate"), "\(screen)")
                try await tmux.type("fg")
                try await tmux.keys("Enter")
                screen = try await tmux.waitFor("ctrl-g generate")
                #expect(screen.contains("a fox"), "the form survives a suspend: \(screen)")
                try await tmux.keys("C-q")
                screen = try await tmux.waitFor(timeout: .seconds(10)) { !$0.contains("┌─ Generate") }
                #expect(!screen.contains("┌─ Generate"), "\(screen)")
            }
        }
    }

    @Test func historySearchDetailForkCompareSweepAndDelete() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        try await SandboxHarness.with { sandbox in
            try await Self.studio(folder, endpoint: sandbox.endpoint) { tmux in
                try await tmux.waitFor("ctrl-g generate")
                for (n, prompt) in ["a red fox", "a grey owl", "a green frog"].enumerated() {
                    try await tmux.keys("C-u")
                    try await tmux.type(prompt)
                    try await tmux.keys("C-g")
                    try await tmux.waitFor("#\(n + 1) ")
                    try await tmux.waitFor(timeout: .seconds(20)) { $0.contains("jobs 0 running") && $0.contains("done") }
                }
                // Find one by search and open its detail. Every job on its own (the fork below,
                // with only a new seed, would stack with its parent; aStackIsOneCellAndOpens has stacks).
                try await tmux.keys("F2")
                try await tmux.waitFor("3 jobs")
                try await tmux.type("u")
                try await tmux.waitFor("every job on its own")
                try await tmux.type("/owl")
                try await tmux.keys("Enter")
                try await tmux.waitFor("1 job")
                try await tmux.keys("Enter")
                var screen = try await tmux.waitFor("positivePrompt")
                let detailShown = ["a grey owl", "status", "done"].allSatisfy { screen.contains($0) }
                #expect(detailShown, "\(screen)")

                // Fork it, change the seed, generate.
                try await tmux.type("f")
                try await tmux.waitFor("forked job 2")
                try await tmux.press("Tab", times: 7)
                try await tmux.keys("C-u")
                try await tmux.type("4242")
                try await tmux.keys("C-g")
                try await tmux.waitFor("#4 ")
                try await tmux.waitFor(timeout: .seconds(20)) { $0.contains("jobs 0 running") }

                // Compare the two owls. The selection stayed on job 2; the fork is above it.
                try await tmux.keys("F2")
                try await tmux.waitFor("2 jobs")
                try await tmux.keys("Home")
                try await tmux.type("c")
                try await tmux.keys("Right")
                try await tmux.type("c")
                screen = try await tmux.waitFor("≠ job")
                #expect(screen.contains("≠ seed") && screen.contains("4242"), "\(screen)")
                try await tmux.keys("Escape")

                // A 3x2 sweep with a third parameter as two pages: twelve labelled cells, a PNG per page.
                try await tmux.type("s")
                try await tmux.waitFor("Sweep job")
                try await tmux.keys("C-u")
                try await tmux.type("CFGScale=2,4,6 steps=20,28 seed=11,12")
                try await tmux.keys("Enter")
                screen = try await tmux.waitFor(timeout: .seconds(30)) { $0.contains("12 of 12 cells") }
                let labelled = ["CFGScale=2", "CFGScale=6", "steps=28", "page 1 of 2: seed=11"].allSatisfy { screen.contains($0) }
                #expect(labelled, "\(screen)")
                try await tmux.keys("PageDown")
                screen = try await tmux.waitFor("page 2 of 2: seed=12")
                try await tmux.keys("PageDown")
                try await tmux.keys("PageUp")
                try await tmux.waitFor("page 1 of 2: seed=11")
                try await tmux.type("p")
                screen = try await tmux.waitFor("saved the sweep's 2 pages as")
                let saved = try FileManager.default.subpathsOfDirectory(atPath: folder.path + "/data/darkroom/sweeps")
                    .filter { $0.contains("sweep-job2-") && $0.hasSuffix(".png") }.sorted()
                #expect(saved.count == 2 && saved[0].hasSuffix("-page1.png") && saved[1].hasSuffix("-page2.png"), "\(saved)")
                try await tmux.keys("Escape")

                // Delete the newest owl: it leaves the screen, History and the disk.
                screen = try await tmux.waitFor("14 jobs")
                try await tmux.keys("Home")
                try await tmux.type("d")
                screen = try await tmux.waitFor("y/n")
                let id = screen.components(separatedBy: "delete job ").last?.split(separator: " ").first.map(String.init) ?? "?"
                try await tmux.type("y")
                screen = try await tmux.waitFor("13 jobs")
                #expect(!screen.contains("#\(id) "), "\(screen)")
                let env = Binary.isolatedEnvironment(folder)
                let show = try await Binary.run(Self.darkroom, ["history", "show", id], environment: env)
                #expect(show.status != 0 && show.stderr.contains("no job \(id)"), "\(show.stdout)\(show.stderr)")
                let images = try FileManager.default.subpathsOfDirectory(atPath: folder.path + "/data/darkroom/images")
                    .filter { $0.hasSuffix(".jpg") }
                let expected = 15  // three, the fork, twelve sweep cells, less the one deleted
                #expect(images.count == expected, "\(images)")
                try await tmux.keys("C-q")
                try await tmux.waitFor("EXIT=0")
            }
        }
    }
}
