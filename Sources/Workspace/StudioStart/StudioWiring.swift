import Foundation
import History
import Preview
import RunwareAPI
import Studio
import TerminalUI

/// What the studio runs with, made from an open session: its ports (runner, History,
/// thumbnails with their caches, the sweep folder), the pixel renderer when the terminal shows
/// pixels, and crash recovery said as studio events.
package enum StudioWiring {
    /// `size`: the terminal's, whose cell shape the symbol pictures follow.
    package static func ports(_ session: Session, history: HistoryStore, colors: ColorMode, size: TerminalSize? = nil) -> StudioPorts {
        let thumbnailer = Thumbnailer(renderer: SymbolRenderer(threadsPerImage: 1),
                                      cache: ThumbnailCache(folder: session.env.cellCacheFolder),
                                      stored: session.thumbnails)
        return .live(runner: session.runner, history: history, folder: session.outputFolder, thumbnailer: thumbnailer,
                     previewOptions: PreviewOptions(colors: colors, symbols: .block, cellAspect: size?.cellAspect ?? CellGeometry.cellAspect),
                     sweepFolder: session.env.sweepFolder)
    }

    /// The pixel format and its renderer sized to the terminal's cells; nil for symbols.
    package static func pixels(_ probe: TerminalProbe.Result, size: TerminalSize?) -> (format: PixelFormat, renderer: PixelRenderer)? {
        probe.format == .symbols ? nil
            : (probe.format, PixelRenderer(cellWidth: size?.cellWidth ?? 10, cellHeight: size?.cellHeight ?? 20,
                                           tmuxPassthrough: probe.tmuxPassthrough, kittyPlaceholders: probe.kittyPlaceholders))
    }

    /// Crash recovery as the studio reports it: what could not be done as errors, settled jobs as a notice.
    package static func recover(_ session: Session) async -> [StudioEvent] {
        let recovery: Session.Recovery
        do { recovery = try await session.recover() } catch { return [.error("recovering earlier jobs: \(error)")] }
        var events: [StudioEvent] = recovery.cleanupFailures.map { .error($0.description) }
        events += recovery.outcomes.compactMap { $0.historyWriteFailure.map(StudioEvent.error) }
        let settled = recovery.outcomes.filter { $0.status != .pending }
        if !settled.isEmpty {
            events.append(.history(.changed("settled \(counted(settled.count, "earlier job")): "
                + settled.map { "job \($0.jobID) \($0.status.rawValue)" }.joined(separator: ", "))))
        }
        return events
    }

    /// Runs the studio on `session` until the user quits, on a thread of its own (the UI loop
    /// blocks on the terminal, so it stays off the concurrency pool); jobs a crashed run left
    /// behind are settled in the background meanwhile, their outcome posted to the studio.
    package static func run(_ session: Session, history: HistoryStore, config: Configuration, keyMap: KeyMap, theme: Theme,
                           colors: ColorMode, probe: TerminalProbe.Result, size: TerminalSize?) async {
        let ports = ports(session, history: history, colors: colors, size: size)
        let pixels = pixels(probe, size: size)
        let hint = probe.hint
        let targetName = session.target.displayName
        let document = StartingRequest.document(config)
        let pickerFolder = FileManager.default.currentDirectoryPath
        let stateFile = StudioStateFile(url: session.env.studioStateFile)
        let reading = stateFile.read()
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            let thread = Thread {
                let terminal = CursesTerminal(monochrome: colors == .monochrome)
                var state = StudioState(columns: terminal.columns, rows: terminal.rows, now: Date(), document: document,
                                        target: targetName, pickerFolder: pickerFolder)
                state.imagesFolder = session.outputFolder.path
                state.clipboard = ClipboardRoute.detect(environment: session.env.variables)
                state.homeFolder = session.env.home
                // Said first as the opening notice, then kept for whenever the line is free
                // (unless it is only advice: a terminal that could not be asked may have no pixels).
                state.status.terminalHint = probe.hintIsAdvice ? nil : hint
                state.status.notice = hint
                switch reading {
                case .snapshot(let snapshot): snapshot.restore(into: &state)
                case .damaged(let problem):
                    // Said first, and kept as the last error once the next key clears the notice.
                    state.status.lastError = problem
                    state.status.notice = problem
                case .none: break
                }
                let app = StudioApp(state: state, terminal: terminal, keyMap: keyMap, theme: theme, ports: ports,
                                    pixels: pixels, stateFile: stateFile)
                Task.detached {
                    for event in await recover(session) { app.post(event) }
                }
                let farewell = app.run()
                CursesTerminal.restore()
                if let farewell { FileHandle.standardError.write(Data((farewell + "\n").utf8)) }
                done.resume()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }
}
