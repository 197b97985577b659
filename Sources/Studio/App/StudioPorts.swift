import Foundation
import Generation
import History
import Preview
import TerminalUI

/// Each screen's port to the outside, and the shell's: what the studio's runners call. Tests and
/// the bench give in-memory ones (`StudioTesting`); `live` wires the real things.
package struct StudioPorts: Sendable {
    package var generate: any GeneratePort
    package var history: any HistoryPort
    package var pickers: any PickerPort
    package var shell: any ShellPort

    package init(generate: any GeneratePort, history: any HistoryPort, pickers: any PickerPort, shell: any ShellPort) {
        self.generate = generate
        self.history = history
        self.pickers = pickers
        self.shell = shell
    }

    /// The real thing: JobRunner against the chosen target, History in SQLite, chafa thumbnails.
    /// `sweepFolder`: where sweeps saved as PNGs go (by default `sweeps` in the images folder).
    package static func live(runner: JobRunner, history: HistoryStore?, folder: URL, thumbnailer: Thumbnailer,
                            previewOptions: PreviewOptions, sweepFolder: URL? = nil,
                            now: @escaping @Sendable () -> Date = { Date() }) -> StudioPorts {
        StudioPorts(generate: LiveGeneratePort(client: runner.client, history: history),
                    history: LiveHistoryPort(history: history, sweepFolder: sweepFolder ?? folder.appendingPathComponent("sweeps"), now: now),
                    pickers: LivePickerPort(client: runner.client),
                    shell: LiveShellPort(runner: runner, history: history, folder: folder, thumbnailer: thumbnailer,
                                         previewOptions: previewOptions, now: now))
    }
}
