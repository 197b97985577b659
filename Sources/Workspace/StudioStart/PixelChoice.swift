import TerminalUI

/// The picture format the user chose (`--format` of show, `--preview` of the studio): `auto`
/// asks the environment and, when `interactive`, the terminal; a named one is taken as it is,
/// passed through tmux when inside it.
package enum PixelChoice {
    /// `tmuxHint`: say when tmux's allow-passthrough is off (show asks tmux; the studio does not).
    package static func resolve(_ name: String, option: String, environment env: [String: String], interactive: Bool,
                               tmuxHint: Bool) throws -> TerminalProbe.Result {
        if name == "auto" { return TerminalProbe.detect(environment: env, interactive: interactive) }
        guard let chosen = PixelFormat(rawValue: name) else {
            throw OptionRefusal("\(option) \"\(name)\": must be one of auto, symbols, sixel, kitty, iterm")
        }
        let inTmux = env["TMUX"] != nil && chosen != .symbols
        var hint: String?
        if tmuxHint && inTmux && TerminalProbe.tmuxAllowsPassthrough() != true {
            hint = "run `tmux set -g allow-passthrough on` or the pictures will not show: tmux's allow-passthrough is off"
        }
        // A chosen kitty draws through placeholders where the terminal says it can, and inside
        // tmux when it says nothing (the only way a picture lands in its cells there).
        var placeholders = false
        if chosen == .kitty {
            let version = interactive ? TerminalProbe.version(environment: env) : nil
            placeholders = version?.drawsKittyPlaceholders ?? inTmux
        }
        return TerminalProbe.Result(format: chosen, tmuxPassthrough: inTmux, hint: hint, kittyPlaceholders: placeholders)
    }
}
