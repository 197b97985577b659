import Foundation
import Imaging
import Testing
import TestSupport

/// The studio in real terminals that show pictures under Xvfb (xterm -ti vt340 with sixel,
/// directly and inside tmux with passthrough on; kitty with its graphics protocol), read from
/// screenshots. The UI is drawn in monochrome, so
/// every strongly coloured pixel on the screen is a picture: after ctrl-g the preview shows the
/// result, and once help covers it or another screen replaces it, no picture pixel is left.
/// One place at a time: three X servers, terminals and screenshots at once only slow each other.
@Suite(.serialized) struct RealTerminalTests {
    static let darkroom = Binary.product("darkroom")
    static let xterm = "/usr/bin/xterm"

    /// How a person's keys reach the studio: typed into the xterm window, or sent to tmux.
    enum Keys {
        case window(VirtualDisplay)
        case tmux(TmuxSession)

        func press(_ tmuxName: String, xdotool: String) async throws {
            switch self {
            case .window(let display): try await display.xdotool(["key", xdotool])
            case .tmux(let session): try await session.keys(tmuxName)
            }
        }

        func type(_ text: String) async throws {
            switch self {
            case .window(let display): try await display.xdotool(["type", "--delay", "20", text])
            case .tmux(let session): try await session.type(text)
            }
        }
    }

    /// Takes screenshots until `ready` holds on two in a row that show the same (a terminal draws a
    /// picture a band at a time, so one screenshot can catch it half drawn), at most `timeout`;
    /// the last one either way. With `DARKROOM_TEST_SHOTS` set to a folder, the last screenshot is
    /// kept there as `<shot>.png`, for a person to look at.
    static func waitForScreen(_ display: VirtualDisplay, shot: String, timeout: Duration = .seconds(30),
                              _ ready: (ColouredPixels) -> Bool) async throws -> ColouredPixels {
        let deadline = ContinuousClock.now + timeout
        var before: ColouredPixels?
        var image = try await display.screenshot()
        var seen = ColouredPixels(image)
        while !(ready(seen) && before.map { $0.same(as: seen) } == true) && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(200))
            before = seen
            image = try await display.screenshot()
            seen = ColouredPixels(image)
        }
        if let folder = ProcessInfo.processInfo.environment["DARKROOM_TEST_SHOTS"] {
            try? ImageEncoder.compactPNG(image).write(to: URL(fileURLWithPath: folder).appendingPathComponent(shot + ".png"))
        }
        return seen
    }

    /// The terminals the studio is tried in: xterm -ti vt340 (sixel) directly and inside tmux with
    /// passthrough on, and kitty (its graphics protocol, software GL) directly.
    enum Place: String, CaseIterable, Sendable {
        case xterm, xtermInTmux, kitty
        var inTmux: Bool { self == .xtermInTmux }
    }

    static let kitty = "/usr/bin/kitty"

    // One test per place (not one parameterised test), so each is timed on its own.
    @Test func picturesAppearWhereTheyBelongInXterm() async throws { try await picturesAppearWhereTheyBelongAndLeaveNoGhosts(in: .xterm) }
    @Test func picturesAppearWhereTheyBelongInXtermInsideTmux() async throws {
        try await picturesAppearWhereTheyBelongAndLeaveNoGhosts(in: .xtermInTmux)
    }
    @Test func picturesAppearWhereTheyBelongInKitty() async throws { try await picturesAppearWhereTheyBelongAndLeaveNoGhosts(in: .kitty) }

    func picturesAppearWhereTheyBelongAndLeaveNoGhosts(in place: Place) async throws {
        var tools = [VirtualDisplay.xvfb, "/usr/bin/import", "/usr/bin/xdotool", TmuxSession.tmux]
        tools.append(place == .kitty ? Self.kitty : Self.xterm)
        for tool in tools {
            try #require(FileManager.default.isExecutableFile(atPath: tool), "\(tool) is missing: scripts/install-deps.sh installs it")
        }
        let folder = TempFolder()
        defer { folder.remove() }
        let display = try VirtualDisplay()
        defer { display.stop() }
        var env = Binary.isolatedEnvironment(folder)
        let studio = "\(Self.darkroom) --monochrome --out \(folder.path)/out"
        let socket = "darkroom-x-\(UUID().uuidString.prefix(8))"
        let tmuxConfig = folder.path + "/tmux.conf"
        try "set -g allow-passthrough on\nset -g status off\nset -g default-terminal tmux-256color\n"
            .write(toFile: tmuxConfig, atomically: true, encoding: .utf8)
        let inside = place.inTmux ? [TmuxSession.tmux, "-L", socket, "-f", tmuxConfig, "new-session", "-s", "x", studio] : ["sh", "-c", studio]
        let tmux = TmuxSession(socket: socket, environment: env)
        defer { if place.inTmux { Task { await tmux.kill() } } }  // the server outlives the window
        let keys: Keys = place.inTmux ? .tmux(tmux) : .window(display)
        switch place {
        case .xterm, .xtermInTmux:
            try display.launch(Self.xterm, ["-ti", "vt340", "-xrm", "XTerm*numColorRegisters: 256", "-geometry", "120x40+0+0",
                                            "-fa", "DejaVu Sans Mono", "-fs", "10", "-e"] + inside, environment: env)
        case .kitty:
            // Black on white like xterm's default, so the same screenshot measures hold; Mesa's
            // software renderer, since the display has no GPU.
            env["LIBGL_ALWAYS_SOFTWARE"] = "1"
            let log = folder.path + "/kitty.log"
            try display.launch(Self.kitty, ["--config", "NONE", "-o", "background=#ffffff", "-o", "foreground=#000000",
                                            "-o", "font_family=DejaVu Sans Mono", "-o", "font_size=10",
                                            "-o", "remember_window_size=no", "-o", "initial_window_width=120c",
                                            "-o", "initial_window_height=40c"] + inside, environment: env, errorLog: log)
            guard try await display.focusWindow(class: "kitty") else {
                let why = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
                print("RealTerminalTests: kitty could not start on this machine, so it was not tried: "
                      + (why.isEmpty ? "no window appeared within 30 s" : why.trimmingCharacters(in: .whitespacesAndNewlines)))
                return
            }
        }
        if place.inTmux {
            try await tmux.waitFor { $0.contains("Generate") && $0.contains("Preview") }
        } else if place == .xterm {
            try await display.xdotool(["search", "--sync", "--class", "xterm", "windowfocus", "--sync"])
        }
        // The first frame: the panes' lines and labels, dark on xterm's white.
        let first = try await Self.waitForScreen(display, shot: "\(place)-1-first") { $0.dark > 20_000 }
        #expect(first.dark > 20_000, "the studio did not draw")

        try await keys.type("a kingfisher over the river")
        try await keys.press("C-g", xdotool: "ctrl+g")
        // The picture: a square of the result's colours in the right half of the screen.
        let shown = try await Self.waitForScreen(display, shot: "\(place)-2-generated") { $0.count > 40_000 }
        let box = try #require(shown.box, "no picture appeared")
        #expect(box.x > 400, "the preview pane is on the right: \(box)")
        // The same measure on the result file itself (its seed is random, so its coloured part
        // varies): the screen's coloured part has the file's shape and colour.
        let result = try #require(FileManager.default.enumerator(atPath: folder.path + "/out")?
            .compactMap { $0 as? String }.first { $0.hasSuffix(".jpg") })
        let file = ColouredPixels(try ImageFile.thumbnail(folder.path + "/out/" + result, fitting: 256, 256))
        let fileBox = try #require(file.box)
        let aspect = (screen: Double(box.width) / Double(box.height), file: Double(fileBox.width) / Double(fileBox.height))
        #expect(abs(aspect.screen / aspect.file - 1) < 0.08, "the picture keeps the result's shape: \(box) against \(fileBox)")
        #expect(abs(shown.mean.r - file.mean.r) < 30 && abs(shown.mean.g - file.mean.g) < 30 && abs(shown.mean.b - file.mean.b) < 30,
                "the preview shows the result: \(shown.mean) against \(file.mean)")

        // Help over it: no picture pixel is left anywhere, the help box's holes included.
        try await keys.press("F1", xdotool: "F1")
        let underHelp = try await Self.waitForScreen(display, shot: "\(place)-3-help") { $0.count < 50 }
        #expect(underHelp.count < 50, "picture pixels left under help: \(underHelp.count) in \(String(describing: underHelp.box))")
        try await keys.press("Escape", xdotool: "Escape")
        let back = try await Self.waitForScreen(display, shot: "\(place)-4-help-closed") { $0.count > 40_000 }
        #expect(back.count > 40_000, "the picture is placed again when help closes")

        // History: the sheet is drawn in monochrome symbols, so no coloured pixel may remain.
        try await keys.press("F2", xdotool: "F2")
        let history = try await Self.waitForScreen(display, shot: "\(place)-5-history") { $0.count < 50 }
        #expect(history.count < 50, "picture pixels left on History: \(history.count) in \(String(describing: history.box))")
        // A job's detail has its picture on the left; Esc takes it away again.
        try await keys.press("Enter", xdotool: "Return")
        let detail = try await Self.waitForScreen(display, shot: "\(place)-6-detail") { $0.count > 40_000 }
        #expect((detail.box?.x ?? .max) < 400, "the detail's picture is on the left: \(String(describing: detail.box))")
        try await keys.press("Escape", xdotool: "Escape")
        let closed = try await Self.waitForScreen(display, shot: "\(place)-7-detail-closed") { $0.count < 50 }
        #expect(closed.count < 50, "picture pixels left after the detail closed: \(closed.count) in \(String(describing: closed.box))")
        try await keys.press("C-q", xdotool: "ctrl+q")
    }
}
