import TerminalUI
import ArgumentParser
import Foundation
import Generation
import Imaging
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
            """)

    @Argument(help: "Image files (JPEG, PNG, WEBP).")
    var files: [String]
    @Option(help: "Cells per picture, COLSxROWS (default: fit the terminal, or the grid slot).")
    var size: String?
    @Option(help: "A contact sheet with COLS pictures per row (COLSxROWS also fixes the rows per screen).")
    var grid: String?
    @Option(help: "Colours: truecolor, 256, 16 or none (default: from COLORTERM, TERM and NO_COLOR).")
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
        let env = ProcessInfo.processInfo.environment
        guard let symbolSet = SymbolSet(rawValue: symbols) else {
            throw ValidationError("--symbols \"\(symbols)\": must be one of block, half, braille, ascii")
        }
        let facts = TerminalFacts.current(DarkroomEnvironment(variables: env))
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
        let options = PreviewOptions(colors: colorMode, symbols: symbolSet)
        let layout = try Layout.choose(size: size, grid: grid, columns: columns,
                                       terminalRows: terminal?.rows)
        let probe = try pixelFormat(env: env, interactive: terminal != nil && facts.stdinIsTerminal)
        if let hint = probe.hint { Console.note(hint) }
        let caches = DarkroomEnvironment(variables: env).cacheFolder
        // The small pictures made when images are stored (and, for others, the first time they are shown).
        let stored = noCache ? nil : StoredThumbnails(folder: caches.appendingPathComponent("thumbnails"))
        if probe.format != .symbols {
            let renderer = PixelRenderer(cellWidth: terminal?.cellWidth ?? 10, cellHeight: terminal?.cellHeight ?? 20,
                                         tmuxPassthrough: probe.tmuxPassthrough)
            let failed = await showPixels(layout: layout, format: probe.format, renderer: renderer, stored: stored)
            if failed > 0 { throw ExitCode(1) }
            return
        }
        let cacheFolder = noCache ? nil : caches.appendingPathComponent("cells")
        // Several pictures are drawn at once, so chafa itself stays on one thread per picture.
        let thumbnailer = Thumbnailer(renderer: SymbolRenderer(threadsPerImage: files.count > 1 ? 1 : 0),
                                      cache: ThumbnailCache(folder: cacheFolder), stored: stored)
        let entries = await Self.render(files, thumbnailer: thumbnailer, slot: (layout.slotWidth, layout.slotHeight),
                                        options: options)
        let sheet = ContactSheet.compose(entries, columns: layout.perRow, slotWidth: layout.slotWidth,
                                         slotHeight: layout.slotHeight)
        FileHandle.standardOutput.write(Data(ANSIText.bytes(sheet)))
        let failed = entries.filter { if case .failure = $0.picture { true } else { false } }
        for entry in failed {
            if case .failure(let f) = entry.picture { Console.error(f.message) }
        }
        if !failed.isEmpty { throw ExitCode(1) }
    }

    /// Decodes and renders every file, several at once, keeping their order.
    static func render(_ files: [String], thumbnailer: Thumbnailer, slot: (Int, Int),
                       options: PreviewOptions) async -> [ContactSheet.Entry] {
        await withTaskGroup(of: (Int, ContactSheet.Entry).self) { group in
            for (i, file) in files.enumerated() {
                group.addTask {
                    let name = SafeText.line((file as NSString).lastPathComponent)
                    do {
                        let cells = try thumbnailer.cells(forFile: file, columns: slot.0, rows: slot.1, options: options)
                        return (i, ContactSheet.Entry(name: name, picture: .success(cells)))
                    } catch {
                        return (i, ContactSheet.Entry(name: name, picture: .failure(.init(SafeText.line("\(error)")))))
                    }
                }
            }
            var out = [ContactSheet.Entry?](repeating: nil, count: files.count)
            for await (i, entry) in group { out[i] = entry }
            return out.compactMap { $0 }
        }
    }
}

/// How many pictures per row and how big each slot is.
struct Layout {
    var perRow: Int
    var slotWidth: Int
    var slotHeight: Int

    static func choose(size: String?, grid: String?, columns: Int, terminalRows: Int?) throws -> Layout {
        var fixed: (Int, Int)?
        if let size {
            let parts = size.lowercased().split(separator: "x").compactMap { Int($0) }
            guard parts.count == 2, parts[0] > 0, parts[1] > 0 else {
                throw ValidationError("--size \"\(size)\": expected COLSxROWS, e.g. 48x24")
            }
            fixed = (parts[0], parts[1])
        }
        if let grid {
            let parts = grid.lowercased().split(separator: "x").compactMap { Int($0) }
            guard (1...2).contains(parts.count), parts.allSatisfy({ $0 > 0 }) else {
                throw ValidationError("--grid \"\(grid)\": expected COLS or COLSxROWS, e.g. 8 or 4x2")
            }
            let perRow = parts[0]
            let slotWidth = fixed?.0 ?? max(4, (columns - (perRow - 1) * 2) / perRow)
            var slotHeight = fixed?.1 ?? max(2, slotWidth / 2)
            if parts.count == 2, let rows = terminalRows, fixed == nil {
                slotHeight = max(2, min(slotHeight, rows / parts[1] - 1))
            }
            return Layout(perRow: perRow, slotWidth: slotWidth, slotHeight: slotHeight)
        }
        if let fixed { return Layout(perRow: 1, slotWidth: fixed.0, slotHeight: fixed.1) }
        let height = terminalRows.map { max(2, $0 - 2) } ?? max(2, columns / 2)
        return Layout(perRow: 1, slotWidth: columns, slotHeight: height)
    }
}
