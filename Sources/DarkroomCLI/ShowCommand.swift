import TerminalUI
import ArgumentParser
import Foundation
import Preview
import Workspace

struct ShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show images in the terminal: one picture, or a contact sheet with --grid.",
        discussion: """
            Pictures are drawn with Unicode symbols and colours (libchafa), sized to fit the terminal. \
            When stdout is not a terminal, nothing is asked of it: --width (default 80) and the \
            options decide. A file that cannot be shown gets a one-line reason in its place; the \
            exit code is then 1.

            Examples:
              darkroom show result.png
              darkroom show ~/.local/share/darkroom/images/2026/11/*.jpg --grid 8
              darkroom show a.png --size 60x30 --colors 256 --symbols half
              darkroom show banner.png --size 100x10 --stretch
            """)

    @Argument(help: "Image files (JPEG, PNG, WEBP).", completion: Completions.images)
    var files: [String]
    @Option(help: "Cells per picture, COLSxROWS: the picture is as large as fits, its shape kept (default: fit the terminal, or the grid slot).")
    var size: String?
    @Flag(help: "Fill the whole --size box (or grid slot), whatever the picture's shape.")
    var stretch = false
    @Option(help: "A contact sheet with COLS pictures per row (COLSxROWS also fixes the rows per screen).")
    var grid: String?
    @Option(help: "Colours: truecolor, 256, 16 or none (default: as chafa picks them from TERM, COLORTERM and the like; none with NO_COLOR).")
    var colors: String?
    @Option(help: "symbols, sixel, kitty or iterm (default auto: from the environment, else a short terminal query).")
    var format: String = "auto"
    @Option(help: "Symbols: block, half, braille or ascii.")
    var symbols: String = "block"
    @Option(help: "Terminal width in columns (default: asked of the terminal, else 80).")
    var width: Int?
    @Flag(help: "Neither read nor write the thumbnail caches ($XDG_CACHE_HOME/darkroom/cells and thumbnails): decode every file.")
    var noCache = false

    func run() async throws {
        let env = DarkroomEnvironment(variables: ProcessInfo.processInfo.environment)
        guard let symbolSet = SymbolSet(rawValue: symbols) else {
            throw ValidationError("--symbols \"\(symbols)\": must be one of block, half, braille, ascii")
        }
        let facts = TerminalFacts.current(env)
        var colorMode = facts.colorMode
        if let colors {
            guard let mode = ColorMode(rawValue: colors) else {
                throw ValidationError("--colors \"\(colors)\": must be one of truecolor, 256, 16, none")
            }
            colorMode = mode
        }
        let terminal = facts.size
        let columns = width ?? terminal?.columns ?? 80
        guard columns >= 4 else { throw ValidationError("--width \(columns): must be at least 4") }
        let layout: SheetLayout
        let probe: TerminalProbe.Result
        do {
            layout = try SheetLayout.choose(size: size, grid: grid, columns: columns, terminalRows: terminal?.rows)
            probe = try PixelChoice.resolve(format, option: "--format", environment: env.variables,
                                            interactive: terminal != nil && facts.stdinIsTerminal, tmuxHint: true)
        } catch let refusal as OptionRefusal {
            throw ValidationError(refusal.description)
        }
        // The small pictures made when images are stored (and, for others, the first time they are shown).
        let stored = noCache ? nil : HistoryLibrary.thumbnails(env)
        let drawn: ImageSheet.Drawn
        if probe.format != .symbols {
            let renderer = PixelRenderer(cellWidth: terminal?.cellWidth ?? 10, cellHeight: terminal?.cellHeight ?? 20,
                                         tmuxPassthrough: probe.tmuxPassthrough, kittyPlaceholders: probe.kittyPlaceholders,
                                         stretch: stretch)
            drawn = await ImageSheet.pixels(files, layout: layout, format: probe.format, renderer: renderer, stored: stored)
        } else {
            // Several pictures are drawn at once, so chafa itself stays on one thread per picture.
            let thumbnailer = Thumbnailer(renderer: SymbolRenderer(threadsPerImage: files.count > 1 ? 1 : 0),
                                          cache: ThumbnailCache(folder: noCache ? nil : env.cellCacheFolder),
                                          stored: stored)
            drawn = await ImageSheet.symbols(files, thumbnailer: thumbnailer, layout: layout,
                                             options: PreviewOptions(colors: colorMode, symbols: symbolSet,
                                                                      cellAspect: terminal?.cellAspect ?? CellGeometry.cellAspect,
                                                                      stretch: stretch))
        }
        FileHandle.standardOutput.write(Data(drawn.bytes))
        // After the pictures, so a picture as tall as the terminal does not scroll it out of sight.
        if let hint = probe.hint { Console.note(hint) }
        for failure in drawn.failures { Console.error(failure) }
        if !drawn.failures.isEmpty { throw ExitCode(1) }
    }
}
