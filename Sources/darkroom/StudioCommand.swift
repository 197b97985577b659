import ArgumentParser
import Foundation
import Generation
import Imaging
import History
import Preview
import RunwareAPI
import Studio
import TerminalUI

/// `darkroom` with no subcommand: the studio, an ncurses TUI with the Generate screen.
struct StudioCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "studio",
        abstract: "The studio: edit a request in form panes, generate, and preview results (the default).",
        discussion: """
            Keys are listed by `?` (F1) inside the studio and can be changed in \
            $XDG_CONFIG_HOME/darkroom/keys.toml ([keys] action = ["ctrl-g"], unbind = ["ctrl-d"]). \
            Themes: `theme = "light"` in config.toml or --theme; the built-in ones are dark, light \
            and high-contrast, and files in $XDG_CONFIG_HOME/darkroom/themes/ add or override. \
            NO_COLOR or --monochrome draw without colour.
            """)

    @Flag(help: "Use the built-in sandbox even when an API key is set.")
    var sandbox = false
    @Option(help: "API endpoint (default: `endpoint` in config.toml, else https://api.runware.ai/v1).")
    var endpoint: String?
    @Option(help: "Theme name (default: `theme` in config.toml, else dark).")
    var theme: String?
    @Flag(help: "No colours (also when NO_COLOR is set).")
    var monochrome = false
    @Option(help: "Folder for the images (default: the data folder).")
    var out: String?
    @Option(help: "How the preview is drawn: auto (ask the terminal), symbols, sixel, kitty or iterm.")
    var preview: String = "auto"

    func run() async throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            Console.error("the studio needs a terminal on stdin and stdout; for scripts use `darkroom generate`")
            throw Exit.invalidInput
        }
        let env = DarkroomEnvironment()
        let config: Configuration
        let keyMap: KeyMap
        var chosenTheme: Theme
        let colorMode = monochrome ? .monochrome : TerminalProfile.colorMode(environment: env.variables)
        do {
            config = try Configuration.load(from: env.configFolder)
            keyMap = try Self.loadKeyMap(env)
            let builtIn = Theme.builtInFolder(environment: env.variables, executable: CommandLine.arguments[0])
            chosenTheme = try Theme.load(named: theme ?? config.theme ?? "dark", builtIn: builtIn,
                                         user: env.configFolder.appendingPathComponent("themes"))
        } catch {
            Console.error("\(error)")
            throw Exit.config
        }
        if colorMode == .monochrome { chosenTheme = .monochrome }
        let theme = chosenTheme

        let target: Target
        do { target = try await Target.choose(env: env, config: config, endpoint: endpoint, forceSandbox: sandbox) } catch {
            Console.error("\(error)")
            throw Exit.config
        }
        let history: HistoryStore
        do { history = try HistoryStore(path: env.dataFolder.appendingPathComponent(HistoryStore.fileName).path) } catch {
            await target.stop()
            Console.error("\(error)")
            throw Exit.cannotWrite
        }
        let folder = out.map { URL(fileURLWithPath: $0) }
            ?? config.outputFolder.map { URL(fileURLWithPath: ($0 as NSString).expandingTildeInPath) }
            ?? env.imagesFolder()
        let client = RunwareClient(endpoint: target.endpoint, apiKey: target.apiKey,
                                   transport: RetryingTransport(base: CurlTransport(), policy: RetryPolicy(maxRetries: 3)))
        let thumbnails = StoredThumbnails(folder: env.cacheFolder.appendingPathComponent("thumbnails"))
        let runner = JobRunner(client: client, home: env.variables["HOME"] ?? NSHomeDirectory(), history: history,
                               thumbnails: thumbnails)
        // Jobs a crashed run left behind are settled in the background; History shows the outcome.
        Task.detached {
            _ = TemporaryFileName.removeAbandoned(under: folder)
            _ = try? await JobRecovery(runner: runner, history: history).recover(into: folder)
        }
        let options = PreviewOptions(colors: colorMode, symbols: .block)
        let thumbnailer = Thumbnailer(renderer: SymbolRenderer(threadsPerImage: 1),
                                      cache: ThumbnailCache(folder: env.cacheFolder.appendingPathComponent("cells")), stored: thumbnails)
        let services = LiveServices(runner: runner, history: history, folder: folder, thumbnailer: thumbnailer, previewOptions: options,
                                    sweepFolder: env.dataFolder.appendingPathComponent("sweeps"))
        var probe = TerminalProbe.Result(format: .symbols, tmuxPassthrough: false, hint: nil)
        if preview == "auto" {
            probe = TerminalProbe.detect(environment: env.variables, interactive: true)
        } else if let chosen = PixelFormat(rawValue: preview) {
            probe = TerminalProbe.Result(format: chosen, tmuxPassthrough: env.variables["TMUX"] != nil && chosen != .symbols, hint: nil)
        } else {
            await target.stop()
            Console.error("--preview \"\(preview)\": must be one of auto, symbols, sixel, kitty, iterm")
            throw Exit.invalidInput
        }
        let size = TerminalSize.current()
        let pixels: (format: PixelFormat, renderer: PixelRenderer)? = probe.format == .symbols ? nil
            : (probe.format, PixelRenderer(cellWidth: size?.cellWidth ?? 10, cellHeight: size?.cellHeight ?? 20,
                                           tmuxPassthrough: probe.tmuxPassthrough))
        let hint = probe.hint
        let targetName = target.sandbox == nil ? "Runware \(URL(string: target.endpoint)?.host ?? target.endpoint)" : "sandbox"
        let document = Self.startingDocument(config)
        let pickerFolder = FileManager.default.currentDirectoryPath

        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            // The UI loop blocks on the terminal, so it gets a thread of its own, off the concurrency pool.
            let thread = Thread {
                let terminal = CursesTerminal(monochrome: colorMode == .monochrome)
                var state = StudioState(columns: terminal.columns, rows: terminal.rows, now: Date(), document: document,
                                        target: targetName, pickerFolder: pickerFolder)
                state.notice = hint
                let app = StudioApp(state: state, terminal: terminal, keyMap: keyMap, theme: theme, services: services, pixels: pixels)
                app.run()
                CursesTerminal.restore()
                done.resume()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        await target.stop()
    }

    static func loadKeyMap(_ env: DarkroomEnvironment) throws -> KeyMap {
        let file = env.configFolder.appendingPathComponent("keys.toml")
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return .defaults }
        return try KeyMap.defaults.overridden(by: text, file: file.path)
    }

    /// A fresh form: the default model and 1024x1024, with config.toml's defaults laid over.
    static func startingDocument(_ config: Configuration) -> [String: JSONValue] {
        var d: [String: JSONValue] = [
            "model": .string(config.model ?? ImageInferenceRequest.defaultModel),
            "positivePrompt": .string(""),
            "width": .int(Int64(config.width ?? 1024)),
            "height": .int(Int64(config.height ?? 1024)),
        ]
        if let v = config.steps { d["steps"] = .int(Int64(v)) }
        if let v = config.outputFormat { d["outputFormat"] = .string(v) }
        if let v = config.outputQuality { d["outputQuality"] = .int(Int64(v)) }
        if let v = config.outputType { d["outputType"] = .string(v) }
        return d
    }
}
