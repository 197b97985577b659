import Foundation
import Testing

/// A program in a detached tmux session on a private socket, driven as a person would:
/// send-keys in, capture-pane out.
package struct TmuxSession: Sendable {
    package static let tmux = "/usr/bin/tmux"
    package let socket: String
    package let environment: [String: String]

    /// A session on `socket` started some other way (inside a terminal window, say).
    package init(socket: String, environment: [String: String]) {
        self.socket = socket
        self.environment = environment
    }

    package static func start(_ command: String, columns: Int = 160, rows: Int = 48,
                             environment: [String: String]) async throws -> TmuxSession {
        let session = TmuxSession(socket: "darkroom-test-\(UUID().uuidString.prefix(8))", environment: environment)
        _ = try await Binary.launch(tmux, ["-L", session.socket, "-f", "/dev/null", "new-session", "-d",
                                           "-x", String(columns), "-y", String(rows), command], environment: environment)
        return session
    }

    /// Runs `body` with a session and always ends the session afterwards, failed or not.
    package static func with<T: Sendable>(_ command: String, columns: Int = 160, rows: Int = 48, environment: [String: String],
                                         _ body: (TmuxSession) async throws -> T) async throws -> T {
        let session = try await start(command, columns: columns, rows: rows, environment: environment)
        do {
            let result = try await body(session)
            await session.kill()
            return result
        } catch {
            await session.kill()
            throw error
        }
    }

    /// Key names as tmux knows them (`C-g`, `Tab`, `Enter`, `F1`, `Escape`).
    package func keys(_ names: String...) async throws {
        _ = try await Binary.run(Self.tmux, ["-L", socket, "send-keys"] + names, environment: environment)
        // A key typed right after Escape would arrive as Alt+key, as from a person only if they meant it.
        if names.last == "Escape" { try await Task.sleep(for: .milliseconds(150)) }
    }

    package func press(_ name: String, times: Int) async throws {
        _ = try await Binary.run(Self.tmux, ["-L", socket, "send-keys"] + Array(repeating: name, count: times), environment: environment)
    }

    /// Text typed literally.
    package func type(_ text: String) async throws {
        _ = try await Binary.run(Self.tmux, ["-L", socket, "send-keys", "-l", text], environment: environment)
    }

    package func screen(escapes: Bool = false) async throws -> String {
        try await Binary.run(Self.tmux, ["-L", socket, "capture-pane", "-p"] + (escapes ? ["-e"] : []), environment: environment).stdout
    }

    /// Waits until the screen satisfies `ready` and returns the screen; when the time is up the
    /// test fails with the screen as it was.
    @discardableResult
    package func waitFor(timeout: Duration = .seconds(20), sourceLocation: SourceLocation = #_sourceLocation,
                        _ ready: (String) -> Bool) async throws -> String {
        let deadline = ContinuousClock.now + timeout
        var text = ""
        while ContinuousClock.now < deadline {
            text = try await screen()
            if ready(text) { return try await settled(text, ready) }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("timed out after \(timeout); the screen:\n\(text)", sourceLocation: sourceLocation)
        return text
    }

    /// The screen once a redraw under way has finished: a capture can land while the program's
    /// output is still arriving (the first rows new, the rest blank), and a test reading rows
    /// the needle was not in would see them missing. Captures again until two in a row agree,
    /// at most a few times (a ticking clock never agrees); a screen that stops being `ready`
    /// was a passing state, and the last ready capture is the answer.
    private func settled(_ first: String, _ ready: (String) -> Bool) async throws -> String {
        var last = first
        for _ in 0..<6 {
            try await Task.sleep(for: .milliseconds(40))
            let next = try await screen()
            guard ready(next) else { return last }
            if next == last { return next }
            last = next
        }
        return last
    }

    @discardableResult
    package func waitFor(_ needle: String, timeout: Duration = .seconds(20),
                        sourceLocation: SourceLocation = #_sourceLocation) async throws -> String {
        try await waitFor(timeout: timeout, sourceLocation: sourceLocation) { $0.contains(needle) }
    }

    package func resize(columns: Int, rows: Int) async throws {
        _ = try await Binary.run(Self.tmux, ["-L", socket, "resize-window", "-x", String(columns), "-y", String(rows)],
                                 environment: environment)
    }

    package func kill() async {
        _ = try? await Binary.launch(Self.tmux, ["-L", socket, "kill-server"], environment: environment)
    }
}
