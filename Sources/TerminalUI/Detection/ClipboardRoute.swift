import Foundation

/// How a copy reaches the user: OSC 52 to the terminal (which, over SSH, is the local machine's),
/// or, inside a tmux whose `set-clipboard` is not `on` (its default is `external`, which drops an
/// application's OSC 52), tmux's own paste buffer.
package enum ClipboardRoute: Sendable, Equatable {
    case terminal
    case tmuxBuffer

    /// The route for this environment: tmux's `set-clipboard` is asked once, outside tmux OSC 52.
    package static func detect(environment env: [String: String], setClipboard: () -> String? = { Tmux.option("set-clipboard") })
        -> ClipboardRoute {
        guard env["TMUX"] != nil else { return .terminal }
        return setClipboard() == "on" ? .terminal : .tmuxBuffer
    }

    /// What the status line says after a copy of `what` went this way.
    package func notice(copied what: String) -> String {
        switch self {
        case .terminal: "copied \(what)"
        case .tmuxBuffer: "copied \(what) into tmux's paste buffer (prefix ] pastes it; `tmux set -g set-clipboard on` sends copies to your clipboard)"
        }
    }
}
