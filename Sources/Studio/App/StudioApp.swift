import Foundation
import Generation
import Preview
import RunwareAPI
import Synchronization
import TerminalUI

/// Runs the studio: reads the terminal, feeds the reducer, runs effects off the UI thread,
/// renders frames. Typing never waits on the network, the disk or image decoding: all of those
/// answer later as events through the inbox.
package final class StudioApp: @unchecked Sendable {
    package private(set) var state: StudioState
    package let terminal: Terminal
    let reducer: StudioReducer
    let view: StudioView
    let ports: StudioPorts
    /// Runs jobs, thumbnails and the status line's figures; keeps the jobs to cancel them.
    private let shell: ShellRunner
    let clock: @Sendable () -> Date
    private var renderer = Renderer()
    private let inbox: Inbox
    private let pixels: PictureLayer?
    private var lastFrame: Frame?
    /// Where the draft, the screen and the strip are kept between runs; nil keeps nothing.
    private let stateFile: StudioStateFile?
    /// Bytes or cells written, for the benchmark.
    package private(set) var cellsPainted = 0

    /// `pixels`: the protocol and renderer for the preview pane, when the terminal has one.
    package init(state: StudioState, terminal: Terminal, keyMap: KeyMap, theme: Theme, ports: StudioPorts,
                pixels: (format: PixelFormat, renderer: PixelRenderer)? = nil, stateFile: StudioStateFile? = nil,
                clock: @escaping @Sendable () -> Date = { Date() }) {
        var state = state
        state.pixelPreview = pixels != nil
        self.pixels = pixels.map { PictureLayer(format: $0.format, renderer: $0.renderer) }
        self.state = state
        self.terminal = terminal
        inbox = Inbox(wake: terminal.wakeSignal)
        reducer = StudioReducer(keyMap: keyMap)
        view = StudioView(theme: theme, keyMap: keyMap)
        self.ports = ports
        shell = ShellRunner(port: ports.shell)
        self.stateFile = stateFile
        self.clock = clock
    }

    /// Hands the loop an event from outside (crash recovery's outcome); safe from any thread.
    package func post(_ event: StudioEvent) { inbox.post(event) }

    /// Loads History's figures, then draws the first frame.
    package func start() {
        for effect in [StudioEffect.generate(.loadPromptHistory), .loadSpend, .history(.loadSavedSearches)] { perform(effect) }
        dispatch(.terminal(.resize(columns: terminal.columns, rows: terminal.rows)))
        render()
    }

    /// The loop, until quit. Answers what to say once the terminal is given back (the state
    /// file could not be written), if anything.
    @discardableResult
    package func run() -> String? {
        start()
        while !state.quitRequested {
            step(waitMilliseconds: state.jobs.inFlight > 0 ? 100 : state.screen == .history ? 250 : 500)
            keepState()
            watchHistory()
        }
        return finish()
    }

    /// What the studio does as it ends: kitty frees the pictures it was sent. Running jobs are
    /// left as they are (not cancelled, which would record them so): History keeps them running,
    /// and the next start collects the async ones and says what became of the rest.
    @discardableResult
    package func finish() -> String? {
        pixels?.release(from: terminal)
        return stateFile?.flush(StudioSnapshot(state))
    }

    private var lastHistoryCheck = ContinuousClock.now - .seconds(1)

    /// While History is on screen, asks twice a second whether another process wrote to it
    /// (`PRAGMA data_version`, which reads no row); a change reloads what is shown.
    package func watchHistory() {
        guard state.screen == .history, ContinuousClock.now - lastHistoryCheck >= .milliseconds(500) else { return }
        lastHistoryCheck = ContinuousClock.now
        perform(.history(.checkVersion))
    }

    /// Offers the state file what would come back after a restart (written when it changed).
    package func keepState() {
        let inbox = self.inbox
        stateFile?.offer(StudioSnapshot(state)) { inbox.post(.error($0)) }
    }

    /// One turn: wait for a key (or time out), take everything that arrived, render once.
    package func step(waitMilliseconds: Int) {
        var events: [StudioEvent] = []
        if let first = terminal.nextEvent(timeoutMilliseconds: waitMilliseconds) {
            events.append(.terminal(first))
            while events.count < 256, let more = terminal.nextEvent(timeoutMilliseconds: 0) { events.append(.terminal(more)) }
        }
        events += inbox.drain()
        let timersRunning = state.jobs.inFlight > 0
        guard !events.isEmpty || timersRunning else { return }
        dispatch(.tick(clock()))
        for event in events { dispatch(event) }
        render()
    }

    /// Takes turns until the studio is idle: no effect at work (jobs included) and no answer
    /// waiting; between turns it waits for the next answer or the end of an effect, never
    /// polling. False when `timeout` passed first. For tests and the bench.
    @discardableResult
    package func settle(timeout: Duration = .seconds(60)) async -> Bool {
        await turn(timeout: timeout) { [inbox] _ in inbox.idle }
    }

    /// Takes turns until `done` holds of the state (work may still go on), waiting between them
    /// for the next answer or the end of an effect. False when `timeout` passed first.
    package func settle(timeout: Duration = .seconds(60), until done: (StudioState) -> Bool) async -> Bool {
        await turn(timeout: timeout, until: done)
    }

    private func turn(timeout: Duration, until done: (StudioState) -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        let inbox = self.inbox
        inbox.rearm()
        // Lets the waits go at the deadline; cancelled (the turn ended first), it lets nothing go,
        // or the next settle's waits would return at once and spin on the pool's threads.
        let alarm = Task.detached {
            do { try await Task.sleep(until: deadline, clock: .continuous) } catch { return }
            inbox.release()
        }
        defer { alarm.cancel() }
        while true {
            let seen = inbox.changes
            step(waitMilliseconds: 0)
            if done(state) { return true }
            guard ContinuousClock.now < deadline else { return done(state) }
            await inbox.activity(since: seen)
        }
    }

    package func dispatch(_ event: StudioEvent) {
        if case .pixels(let key, let bytes, let columns, let rows, let cell) = event {
            pixels?.store(key, .init(bytes: bytes, columns: columns, rows: rows), madeFor: cell)
        }
        if case .terminal(.resize) = event, let cell = terminal.cellPixels {
            pixels?.follow(cellWidth: cell.width, cellHeight: cell.height, on: terminal)
        }
        for effect in reducer.reduce(&state, event) { perform(effect) }
    }

    package func render() {
        let (frame, cursor) = view.draw(state)
        cellsPainted += renderer.render(frame, to: terminal, cursor: cursor)
        if let pixels {
            let inbox = self.inbox
            let target = state.pixelTarget.map { rect, path in
                (area: PictureLayer.Area(x: rect.x, y: rect.y, width: rect.width, height: rect.height), path: path)
            }
            pixels.update(target, frame: frame, previous: lastFrame, terminal: terminal, work: { inbox.track($0) }) { key, picture, cell in
                inbox.post(.pixels(key, picture.bytes, columns: picture.columns, rows: picture.rows, cell: cell))
            }
        }
        lastFrame = frame
    }

    /// Hands an effect to the runner of the family it belongs to, off the UI thread; the
    /// terminal's own (copy, suspend, redraw) are done here, on the loop's terminal.
    private func perform(_ effect: StudioEffect) {
        let inbox = self.inbox
        switch effect {
        case .generate(let effect):
            let runner = GenerateRunner(port: ports.generate)
            inbox.track { await runner.perform(effect) { inbox.post(.generate($0)) } }
        case .history(let effect):
            let runner = HistoryRunner(port: ports.history)
            inbox.track { await runner.perform(effect) { inbox.post(.history($0)) } }
        case .picker(let effect):
            let runner = PickerRunner(port: ports.pickers)
            inbox.track { await runner.perform(effect) { inbox.post(.picker($0)) } }
        case .run, .cancel, .thumbnail, .loadSpend, .refreshSpend:
            let runner = shell
            inbox.track { await runner.perform(effect) { inbox.post($0) } }
        case .copy(let text):
            switch state.clipboard {
            case .terminal: terminal.sendControl(OSC52.sequence(copying: text))
            case .tmuxBuffer:
                inbox.track {
                    if let failure = Tmux.loadBuffer(text) { inbox.post(.error("nothing was copied: \(failure)")) }
                }
            }
        case .suspend:
            pixels?.release(from: terminal)
            terminal.suspend()
            renderer.invalidate()
            lastFrame = nil
            dispatch(.terminal(.resize(columns: terminal.columns, rows: terminal.rows)))
        case .redraw:
            terminal.repaintAll()
            renderer.invalidate()
            lastFrame = nil
        }
    }
}
