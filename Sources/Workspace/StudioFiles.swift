import Foundation
import Studio

/// The studio's own files in the config folder: `keys.toml` and the themes.
public enum StudioFiles {
    public static let keysFileName = "keys.toml"

    /// The default key map with `keys.toml` laid over it; the defaults when there is no file.
    public static func keyMap(_ env: DarkroomEnvironment) throws -> KeyMap {
        let file = env.configFolder.appendingPathComponent(keysFileName)
        guard let text = try ConfigFileError.readText(file) else { return .defaults }
        return try KeyMap.defaults.overridden(by: text, file: file.path)
    }

    /// `themes/` in the config folder: themes added or overriding the built-in ones by name.
    public static func userThemes(_ env: DarkroomEnvironment) -> URL {
        env.configFolder.appendingPathComponent("themes")
    }

    /// The theme named by `--theme`, else config.toml's `theme`, else dark; `monochrome` (no
    /// colours, attributes only) when the terminal or the user asks for none.
    public static func theme(named given: String?, config: Configuration, env: DarkroomEnvironment, executable: String,
                             monochrome: Bool) throws -> Theme {
        let builtIn = Theme.builtInFolder(environment: env.variables, executable: executable)
        let theme = try Theme.load(named: given ?? config.theme ?? "dark", builtIn: builtIn, user: userThemes(env))
        return monochrome ? .monochrome : theme
    }
}
