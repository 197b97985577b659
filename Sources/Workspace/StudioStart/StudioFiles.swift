import Foundation
import Studio
import TerminalUI

/// The studio's own files in the config folder: `keys.toml` and the themes.
package enum StudioFiles {
    package static let keysFileName = "keys.toml"

    /// The default key map with `keys.toml` laid over it; the defaults when there is no file.
    package static func keyMap(_ env: DarkroomEnvironment) throws -> KeyMap {
        let file = env.configFolder.appendingPathComponent(keysFileName)
        guard let text = try ConfigFileError.readText(file) else { return .defaults }
        return try KeyMap.defaults.overridden(by: text, file: file.path)
    }

    /// `themes/` in the config folder: themes added or overriding the built-in ones by name.
    package static func userThemes(_ env: DarkroomEnvironment) -> URL {
        env.configFolder.appendingPathComponent("themes")
    }

    /// The theme named by `--theme`, else config.toml's `theme`, else light on a light terminal
    /// background (`lightBackground`, asked of the terminal) and dark otherwise; `monochrome` (no
    /// colours, attributes only) when the terminal or the user asks for none.
    package static func theme(named given: String?, config: Configuration, env: DarkroomEnvironment,
                             monochrome: Bool, lightBackground: () -> Bool? = { nil }) throws -> Theme {
        let chosen = given ?? config.theme ?? (lightBackground() == true ? "light" : "dark")
        // A theme named but unusable is still an error under --monochrome, so a typo is seen.
        let theme = try Theme.load(named: chosen, user: userThemes(env), extra: Theme.extraFolder(environment: env.variables))
        return monochrome ? .monochrome : theme
    }
}
