import ArgumentParser
import Foundation
import Generation
import Imaging
import History
import Preview
import RunwareAPI
import Studio
import TerminalUI
import Workspace

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
        let env = DarkroomEnvironment()
        let terminalFacts = TerminalFacts.current(env)
        guard terminalFacts.isInteractive else {
            Console.error("the studio needs a terminal on stdin and stdout; for scripts use `darkroom generate`")
            throw Exit.invalidInput
        }
        let colorMode = monochrome ? .monochrome : terminalFacts.colorMode
        let config: Configuration
        let keyMap: KeyMap
        let theme: Theme
        do {
            config = try Configuration.load(from: env.configFolder)
            keyMap = try StudioFiles.keyMap(env)
            theme = try StudioFiles.theme(named: self.theme, config: config, env: env, executable: CommandLine.arguments[0],
                                          monochrome: colorMode == .monochrome)
        } catch {
            Console.error("\(error)")
            throw Exit.config
        }
        var probe = TerminalProbe.Result(format: .symbols, tmuxPassthrough: false, hint: nil)
        if preview == "auto" {
            probe = TerminalProbe.detect(environment: env.variables, interactive: true)
        } else if let chosen = PixelFormat(rawValue: preview) {
            probe = TerminalProbe.Result(format: chosen, tmuxPassthrough: env.variables["TMUX"] != nil && chosen != .symbols, hint: nil)
        } else {
            Console.error("--preview \"\(preview)\": must be one of auto, symbols, sixel, kitty, iterm")
            throw Exit.invalidInput
        }
        let session = try await Session.openOrExit(env: env, config: config,
                                                   options: .init(endpoint: endpoint, forceSandbox: sandbox, outputFolder: out))
        guard let history = session.history else {
            // The studio's options always record History; a session without it cannot run the studio.
            await session.close()
            Console.error("the studio needs History, and this session has none")
            throw Exit.cannotWrite
        }
        let options = PreviewOptions(colors: colorMode, symbols: .block)
        let thumbnailer = Thumbnailer(renderer: SymbolRenderer(threadsPerImage: 1),
                                      cache: ThumbnailCache(folder: env.cacheFolder.appendingPathComponent("cells")),
                                      stored: session.thumbnails)
        let services = LiveServices(runner: session.runner, history: history, folder: session.outputFolder, thumbnailer: thumbnailer,
                                    previewOptions: options, sweepFolder: env.dataFolder.appendingPathComponent("sweeps"))
        let size = terminalFacts.size
        let pixels: (format: PixelFormat, renderer: PixelRenderer)? = probe.format == .symbols ? nil
            : (probe.format, PixelRenderer(cellWidth: size?.cellWidth ?? 10, cellHeight: size?.cellHeight ?? 20,
                                           tmuxPassthrough: probe.tmuxPassthrough))
        let hint = probe.hint
        let targetName = session.target.displayName
        let document = StartingRequest.document(config)
        let pickerFolder = FileManager.default.currentDirectoryPath

        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            // The UI loop blocks on the terminal, so it gets a thread of its own, off the concurrency pool.
            let thread = Thread {
                let terminal = CursesTerminal(monochrome: colorMode == .monochrome)
                var state = StudioState(columns: terminal.columns, rows: terminal.rows, now: Date(), document: document,
                                        target: targetName, pickerFolder: pickerFolder)
                state.status.notice = hint
                let app = StudioApp(state: state, terminal: terminal, keyMap: keyMap, theme: theme, services: services, pixels: pixels)
                // Jobs a crashed run left behind are settled in the background; the status line and
                // History show the outcome.
                Task.detached {
                    for event in await Self.recover(session) { app.post(event) }
                }
                app.run()
                CursesTerminal.restore()
                done.resume()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        await session.close()
    }

    /// Crash recovery as the studio reports it: what could not be done as errors, settled jobs as a notice.
    static func recover(_ session: Session) async -> [StudioEvent] {
        let recovery: Session.Recovery
        do { recovery = try await session.recover() } catch { return [.error("recovering earlier jobs: \(error)")] }
        var events: [StudioEvent] = recovery.cleanupFailures.map { .error($0.description) }
        events += recovery.outcomes.compactMap { $0.historyWriteFailure.map(StudioEvent.error) }
        let settled = recovery.outcomes.filter { $0.status != .pending }
        if !settled.isEmpty {
            events.append(.historyChanged("settled \(settled.count) earlier job\(settled.count == 1 ? "" : "s"): "
                + settled.map { "job \($0.jobID) \($0.status.rawValue)" }.joined(separator: ", ")))
        }
        return events
    }
}
