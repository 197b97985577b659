import ArgumentParser
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
            With none named, light or dark follows the terminal's background (asked through tmux \
            when its allow-passthrough is on). \
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
            // The terminal's background colour (OSC 11) picks light or dark when nothing names a theme.
            theme = try StudioFiles.theme(named: self.theme, config: config, env: env, monochrome: colorMode == .monochrome) {
                TerminalProbe.lightBackground(environment: env.variables)
            }
        } catch {
            Console.error("\(error)")
            throw Exit.config
        }
        let probe: TerminalProbe.Result
        do { probe = try PixelChoice.resolve(preview, option: "--preview", environment: env.variables, interactive: true, tmuxHint: false) } catch {
            Console.error("\(error)")
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
        await StudioWiring.run(session, history: history, config: config, keyMap: keyMap, theme: theme, colors: colorMode,
                               probe: probe, size: terminalFacts.size)
        await session.close()
    }
}
