import BlockingWork
import Foundation
import Generation
import Preview
import RunwareAPI
import Synchronization
import TerminalUI

/// Runs the studio: reads the terminal, feeds the reducer, runs effects off the UI thread,
/// renders frames. Typing never waits on the network, the disk or image decoding: all of those
/// answer later as events through the inbox.
public final class StudioApp: @unchecked Sendable {
    public private(set) var state: StudioState
    public let terminal: Terminal
    let reducer: StudioReducer
    let view: StudioView
    let services: StudioServices
    let clock: @Sendable () -> Date
    private var renderer = Renderer()
    private let inbox: Inbox
    private var jobTasks: [Int: Task<Void, Never>] = [:]
    private let pixels: PixelPreview?
    private var lastFrame: Frame?
    /// Where the draft, the screen and the strip are kept between runs; nil keeps nothing.
    private let stateFile: StudioStateFile?
    /// Bytes or cells written, for the benchmark.
    public private(set) var cellsPainted = 0

    /// `pixels`: the protocol and renderer for the preview pane, when the terminal has one.
    public init(state: StudioState, terminal: Terminal, keyMap: KeyMap, theme: Theme, services: StudioServices,
                pixels: (format: PixelFormat, renderer: PixelRenderer)? = nil, stateFile: StudioStateFile? = nil,
                clock: @escaping @Sendable () -> Date = { Date() }) {
        var state = state
        state.pixelPreview = pixels != nil
        self.pixels = pixels.map { PixelPreview(format: $0.format, renderer: $0.renderer) }
        self.state = state
        self.terminal = terminal
        inbox = Inbox(wake: terminal.wakeSignal)
        reducer = StudioReducer(keyMap: keyMap)
        view = StudioView(theme: theme, keyMap: keyMap)
        self.services = services
        self.stateFile = stateFile
        self.clock = clock
    }

    /// Hands the loop an event from outside (crash recovery's outcome); safe from any thread.
    public func post(_ event: StudioEvent) { inbox.post(event) }

    /// Loads History's figures, then draws the first frame.
    public func start() {
        let services = self.services, inbox = self.inbox
        Task.detached {
            do { inbox.post(.promptHistory(try services.promptHistory())) } catch { inbox.post(.error("History: past prompts: \(error)")) }
            do { inbox.post(.spendToday(try services.spendToday())) } catch { inbox.post(.error("History: today's spend: \(error)")) }
            do { inbox.post(.savedSearches(try services.savedSearches())) } catch { inbox.post(.error("History: saved searches: \(error)")) }
        }
        dispatch(.terminal(.resize(columns: terminal.columns, rows: terminal.rows)))
        render()
    }

    /// The loop, until quit. Answers what to say once the terminal is given back (the state
    /// file could not be written), if anything.
    @discardableResult
    public func run() -> String? {
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
    public func finish() -> String? {
        pixels?.release(from: terminal)
        return stateFile?.flush(StudioSnapshot(state))
    }

    private var lastHistoryCheck = ContinuousClock.now - .seconds(1)

    /// While History is on screen, asks twice a second whether another process wrote to it
    /// (`PRAGMA data_version`, which reads no row); a change reloads what is shown.
    public func watchHistory() {
        guard state.screen == .history, ContinuousClock.now - lastHistoryCheck >= .milliseconds(500) else { return }
        lastHistoryCheck = ContinuousClock.now
        perform(.checkHistoryVersion)
    }

    /// Offers the state file what would come back after a restart (written when it changed).
    public func keepState() {
        let inbox = self.inbox
        stateFile?.offer(StudioSnapshot(state)) { inbox.post(.error($0)) }
    }

    /// One turn: wait for a key (or time out), take everything that arrived, render once.
    public func step(waitMilliseconds: Int) {
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

    /// Takes turns (up to `timeout`) until background work has answered; for tests. It sleeps
    /// between turns, so it never holds a thread of the concurrency pool that the work needs.
    public func settle(timeout: Duration = .seconds(10), until done: (StudioState) -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            step(waitMilliseconds: 0)
            if done(state) { return true }
            try? await Task.sleep(for: .milliseconds(5))
        }
        return done(state)
    }

    public func dispatch(_ event: StudioEvent) {
        if case .pixels(let key, let bytes, let columns, let rows, let cell) = event {
            pixels?.store(key, .init(bytes: bytes, columns: columns, rows: rows), madeFor: cell)
        }
        if case .terminal(.resize) = event, let cell = terminal.cellPixels {
            pixels?.follow(cellWidth: cell.width, cellHeight: cell.height, on: terminal)
        }
        for effect in reducer.reduce(&state, event) { perform(effect) }
    }

    public func render() {
        let (frame, cursor) = view.draw(state)
        cellsPainted += renderer.render(frame, to: terminal, cursor: cursor)
        let inbox = self.inbox
        pixels?.update(state, frame: frame, previous: lastFrame, terminal: terminal) { inbox.post($0) }
        lastFrame = frame
    }

    private func perform(_ effect: StudioEffect) {
        let services = self.services, inbox = self.inbox
        switch effect {
        case .generate(let id, let request, let parent):
            // The runner mints the job's taskUUID.
            jobTasks[id] = Task.detached {
                do {
                    try await services.run(request, parent: parent) { event in inbox.post(.job(id: id, event)) }
                    inbox.post(.jobEnded(id: id, failure: nil, cancelled: false))
                } catch JobFailure.cancelled {
                    inbox.post(.jobEnded(id: id, failure: nil, cancelled: true))
                } catch {
                    inbox.post(.jobEnded(id: id, failure: SafeText.line("\(error)"), cancelled: false))
                }
            }
        case .cancel(let id):
            jobTasks[id]?.cancel()
        case .searchModels(let query, let kind, let architecture):
            Task.detached {
                do {
                    let found = try await services.searchModels(query: query, kind: kind, architecture: architecture)
                    // Said where the count of results is, over it: the entries kept can still be chosen.
                    let skipped = found.skipped == 0 ? nil
                        : "\(found.results.count) found; \(found.skipped) malformed \(found.skipped == 1 ? "entry" : "entries") of the answer left out"
                    inbox.post(.models(query: query, results: found.results, error: skipped))
                } catch {
                    inbox.post(.models(query: query, results: [], error: SafeText.line("modelSearch failed: \(error)")))
                }
            }
        case .listFolder(let path):
            Task.detached {
                do { inbox.post(.folder(path: path, entries: try services.listFolder(path), error: nil)) } catch {
                    inbox.post(.folder(path: path, entries: [], error: SafeText.line("cannot read \(path): \(error.localizedDescription)")))
                }
            }
        case .thumbnail(let key):
            Task.detached {
                // On the bounded worker, newest first: what was just scrolled to is drawn first.
                do { inbox.post(.thumbnail(key, try await BlockingWorker.shared.run(.newestFirst) { try services.thumbnail(key) })) } catch {
                    inbox.post(.thumbnailFailed(key, reason: "\(error)"))
                }
            }
        case .estimate(let key):
            Task.detached { inbox.post(.estimate(key, (try? await services.estimate(key)) ?? .unknown)) }
        case .refreshSpend:
            Task.detached {
                do { inbox.post(.spendToday(try services.spendToday())) } catch { inbox.post(.error("History: today's spend: \(error)")) }
                // The balance is the API's to say; one it cannot give leaves the line as it was.
                if let balance = try? await services.balance() { inbox.post(.balance(balance)) }
            }
        case .loadHistory(let query, let generation, let page, let stacked):
            Task.detached {
                do {
                    let (total, jobs, matching) = try await BlockingWorker.shared.run { try services.historyPage(query: query, page: page, stacked: stacked) }
                    inbox.post(.historyPage(generation: generation, page: page, total: total, jobs: jobs, matching: matching))
                } catch {
                    inbox.post(.historyFailed(generation: generation, SafeText.line("\(error)")))
                }
            }
        case .setFavourite(let id, let on):
            Task.detached {
                do {
                    try services.setFavourite(id, on)
                    inbox.post(.historyChanged(on ? "job \(id) is a favourite" : "job \(id) is no longer a favourite"))
                } catch { inbox.post(.error(SafeText.line("\(error)"))) }
            }
        case .deleteJob(let id, let userFiles):
            Task.detached {
                do {
                    let deletion = try services.delete(id, userFiles: userFiles)
                    inbox.post(.historyChanged(SafeText.line(deletion.summary)))
                    if !deletion.failed.isEmpty { inbox.post(.error(SafeText.line(deletion.summary))) }
                } catch { inbox.post(.error(SafeText.line("\(error)"))) }
            }
        case .tagJob(let id, let add, let remove):
            Task.detached {
                do {
                    try services.tag(id, add: add, remove: remove)
                    inbox.post(.historyChanged("job \(id) tagged" + (add.isEmpty ? "" : ": " + add.joined(separator: ", "))))
                } catch { inbox.post(.error(SafeText.line("\(error)"))) }
            }
        case .exportJob(let id, let folder):
            Task.detached {
                do {
                    let outcome = try services.export(id, to: folder)
                    let (n, m) = (outcome.written.count, outcome.missing.count)
                    let missing = m == 0 ? "" : "; \(m) image file\(m == 1 ? " is" : "s are") missing"
                    inbox.post(.notice(SafeText.line("exported job \(id): \(counted(n, "file")) in \(folder)\(missing)")))
                } catch { inbox.post(.error(SafeText.line("export of job \(id) failed: \(error)"))) }
            }
        case .batch(let batch):
            Task.detached {
                do {
                    let said = try services.apply(batch)
                    inbox.post(.historyChanged(SafeText.line(said)))
                } catch { inbox.post(.error(SafeText.line("\(error)"))) }
            }
        case .prepareDelete(let target, let what):
            Task.detached {
                do {
                    let (ids, files, userFiles) = try services.measure(target)
                    inbox.post(.deleteReady(ids: ids, files: files, userFiles: userFiles.map { SafeText.line($0) }, what: what))
                } catch { inbox.post(.error(SafeText.line("\(error)"))) }
            }
        case .loadSavedSearches:
            Task.detached {
                do { inbox.post(.savedSearches(try services.savedSearches())) } catch { inbox.post(.error(SafeText.line("\(error)"))) }
            }
        case .saveSearch(let name, let query):
            Task.detached {
                do {
                    try services.saveSearch(name: name, query: query)
                    inbox.post(.savedSearches(try services.savedSearches()))
                    inbox.post(.notice(SafeText.line("saved this search as @\(name)")))
                } catch { inbox.post(.error(SafeText.line("\(error)"))) }
            }
        case .checkHistoryVersion:
            Task.detached {
                if let version = try? services.historyVersion() { inbox.post(.historyVersion(version)) }
            }
        case .loadLineage(let id):
            Task.detached {
                do { inbox.post(.lineage(try services.lineage(of: id))) } catch { inbox.post(.error(SafeText.line("\(error)"))) }
            }
        case .readImage(let path):
            Task.detached {
                do {
                    let found = try await BlockingWorker.shared.run { try services.taskObject(fromImage: path) }
                    inbox.post(.imageRequest(path: path, found?.object, error: found?.note.map { SafeText.line($0) }))
                } catch {
                    inbox.post(.imageRequest(path: path, nil, error: SafeText.line("cannot read \(path): \(error)")))
                }
            }
        case .saveSweep(let sweep):
            Task.detached {
                do { inbox.post(.sweepSaved(try await BlockingWorker.shared.run { try services.saveSweep(sweep) })) } catch {
                    inbox.post(.error(SafeText.line("saving the sweep failed: \(error)")))
                }
            }
        case .copy(let text):
            switch state.clipboard {
            case .terminal: terminal.sendControl(OSC52.sequence(copying: text))
            case .tmuxBuffer:
                Task.detached {
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

/// Events from background work, taken by the UI thread once per turn.
final class Inbox: Sendable {
    private let events = Mutex<[StudioEvent]>([])
    /// Wakes the UI loop from its wait on the terminal, so a posted answer is drawn at once.
    private let wake: WakeSignal?
    init(wake: WakeSignal?) { self.wake = wake }
    func post(_ event: StudioEvent) {
        events.withLock { $0.append(event) }
        wake?.wake()
    }
    func drain() -> [StudioEvent] { events.withLock { e in defer { e.removeAll() }; return e } }
}

/// OSC 52 asks the terminal to put text on the clipboard; it works over SSH and, with
/// `set-clipboard on`, through tmux.
public enum OSC52 {
    public static func sequence(copying text: String) -> String {
        "\u{1B}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{07}"
    }
}
