import Foundation

/// The outside world as values: environment variables, the clock, the file-system root for XDG
/// folders. The app builds it from the process; tests build it from a dictionary.
package struct DarkroomEnvironment: Sendable {
    package var variables: [String: String]
    package var now: @Sendable () -> Date

    package init(variables: [String: String] = ProcessInfo.processInfo.environment,
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.variables = variables
        self.now = now
    }

    var home: String { variables["HOME"] ?? NSHomeDirectory() }

    /// `~` or `~/...` at the start of a path from a config file, read as this environment's HOME
    /// (`~user/...` as that user's home).
    package func expandingTilde(_ path: String) -> String {
        if path == "~" { return home }
        if path.hasPrefix("~/") { return home + path.dropFirst() }
        if path.hasPrefix("~") { return (path as NSString).expandingTildeInPath }  // ~user
        return path
    }

    private func xdg(_ name: String, _ fallback: String) -> URL {
        if let v = variables[name], v.hasPrefix("/") { return URL(fileURLWithPath: v).appendingPathComponent("darkroom") }
        return URL(fileURLWithPath: home).appendingPathComponent(fallback).appendingPathComponent("darkroom")
    }

    /// `$XDG_CONFIG_HOME/darkroom` (config.toml, api-key, themes).
    package var configFolder: URL { xdg("XDG_CONFIG_HOME", ".config") }
    /// `$XDG_DATA_HOME/darkroom` (history and images).
    package var dataFolder: URL { xdg("XDG_DATA_HOME", ".local/share") }
    /// `$XDG_CACHE_HOME/darkroom` (thumbnails; safe to delete).
    package var cacheFolder: URL { xdg("XDG_CACHE_HOME", ".cache") }
    /// `$XDG_STATE_HOME/darkroom` (what the studio comes back to).
    package var stateFolder: URL { xdg("XDG_STATE_HOME", ".local/state") }
    /// The studio's draft, screen and strip between runs (`StudioStateFile`).
    package var studioStateFile: URL { stateFolder.appendingPathComponent("studio.json") }

    /// `cells` under the cache folder: thumbnails already turned into terminal cells.
    package var cellCacheFolder: URL { cacheFolder.appendingPathComponent("cells") }
    /// `thumbnails` under the cache folder: the small copies made when an image is stored.
    package var storedThumbnailFolder: URL { cacheFolder.appendingPathComponent("thumbnails") }
    /// `inputs` under the data folder: the local input images of jobs, kept by content (`KeptInputs`).
    package var inputsFolder: URL { dataFolder.appendingPathComponent("inputs") }
    /// `sweeps` under the data folder: the studio's saved sweep sheets.
    package var sweepFolder: URL { dataFolder.appendingPathComponent("sweeps") }

    /// `images/YYYY/MM` under the data folder, for the current month.
    package func imagesFolder() -> URL {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: now())
        return dataFolder.appendingPathComponent("images")
            .appendingPathComponent(String(format: "%04d", parts.year ?? 1970))
            .appendingPathComponent(String(format: "%02d", parts.month ?? 1))
    }
}
