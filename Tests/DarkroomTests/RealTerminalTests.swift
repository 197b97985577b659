import Foundation
import Imaging
import Testing
import TestSupport

/// The studio in a real terminal that shows sixel pictures (xterm -ti vt340 under Xvfb), directly
/// and inside tmux with passthrough on, read from screenshots. The UI is drawn in monochrome, so
/// every strongly coloured pixel on the screen is a picture: after ctrl-g the preview shows the
/// result, and once help covers it or another screen replaces it, no picture pixel is left.
@Suite struct RealTerminalTests {
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
    /// the last one either way.
    static func waitForScreen(_ display: VirtualDisplay, timeout: Duration = .seconds(30),
                              _ ready: (ColouredPixels) -> Bool) async throws -> ColouredPixels {
        let deadline = ContinuousClock.now + timeout
        var before: ColouredPixels?
        var seen = ColouredPixels(try await display.screenshot())
        while !(ready(seen) && before.map { $0.same(as: seen) } == true) && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(200))
            before = seen
            seen = ColouredPixels(try await display.screenshot())
        }
        return seen
    }

    @Test(arguments: [false, true])
    func sixelPicturesAppearWhereTheyBelongAndLeaveNoGhosts(inTmux: Bool) async throws {
        for tool in [VirtualDisplay.xvfb, Self.xterm, "/usr/bin/import", "/usr/bin/xdotool", TmuxSession.tmux] {
            try #require(FileManager.default.isExecutableFile(atPath: tool), "\(tool) is missing: scripts/install-deps.sh installs it")
        }
        let folder = TempFolder()
        defer { folder.remove() }
        let display = try VirtualDisplay()
        defer { display.stop() }
        let env = Binary.isolatedEnvironment(folder)
        let studio = "\(Self.darkroom) --monochrome --out \(folder.path)/out"
        let socket = "darkroom-x-\(UUID().uuidString.prefix(8))"
        let tmuxConfig = folder.path + "/tmux.conf"
        try "set -g allow-passthrough on\nset -g status off\nset -g default-terminal tmux-256color\n"
            .write(toFile: tmuxConfig, atomically: true, encoding: .utf8)
        let inside = inTmux ? [TmuxSession.tmux, "-L", socket, "-f", tmuxConfig, "new-session", "-s", "x", studio] : ["sh", "-c", studio]
        try display.launch(Self.xterm, ["-ti", "vt340", "-xrm", "XTerm*numColorRegisters: 256", "-geometry", "120x40+0+0",
                                        "-fa", "DejaVu Sans Mono", "-fs", "10", "-e"] + inside, environment: env)
        let tmux = TmuxSession(socket: socket, environment: env)
        defer { if inTmux { Task { await tmux.kill() } } }  // the server outlives the window
        let keys: Keys = inTmux ? .tmux(tmux) : .window(display)
        if inTmux {
            try await tmux.waitFor { $0.contains("Generate") && $0.contains("Preview") }
        } else {
            try await display.xdotool(["search", "--sync", "--class", "xterm", "windowfocus", "--sync"])
        }
        // The first frame: the panes' lines and labels, dark on xterm's white.
        let first = try await Self.waitForScreen(display) { $0.dark > 20_000 }
        #expect(first.dark > 20_000, "the studio did not draw")

        try await keys.type("a kingfisher over the river")
        try await keys.press("C-g", xdotool: "ctrl+g")
        // The picture: a square of the result's colours in the right half of the screen.
        let shown = try await Self.waitForScreen(display) { $0.count > 40_000 }
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
        let underHelp = try await Self.waitForScreen(display) { $0.count < 50 }
        #expect(underHelp.count < 50, "picture pixels left under help: \(underHelp.count) in \(String(describing: underHelp.box))")
        try await keys.press("Escape", xdotool: "Escape")
        let back = try await Self.waitForScreen(display) { $0.count > 40_000 }
        #expect(back.count > 40_000, "the picture is placed again when help closes")

        // History: the sheet is drawn in monochrome symbols, so no coloured pixel may remain.
        try await keys.press("F2", xdotool: "F2")
        let history = try await Self.waitForScreen(display) { $0.count < 50 }
        #expect(history.count < 50, "picture pixels left on History: \(history.count) in \(String(describing: history.box))")
        // A job's detail has its picture on the left; Esc takes it away again.
        try await keys.press("Enter", xdotool: "Return")
        let detail = try await Self.waitForScreen(display) { $0.count > 40_000 }
        #expect((detail.box?.x ?? .max) < 400, "the detail's picture is on the left: \(String(describing: detail.box))")
        try await keys.press("Escape", xdotool: "Escape")
        let closed = try await Self.waitForScreen(display) { $0.count < 50 }
        #expect(closed.count < 50, "picture pixels left after the detail closed: \(closed.count) in \(String(describing: closed.box))")
        try await keys.press("C-q", xdotool: "ctrl+q")
    }
}
