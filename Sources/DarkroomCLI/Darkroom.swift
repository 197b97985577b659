import ArgumentParser

/// The `darkroom` command: its subcommands, parsed here and run by the executable's `main.swift`
/// (a library of its own, so tests parse and check commands in-process).
package struct Darkroom: AsyncParsableCommand {
    package init() {}

    package static let configuration = CommandConfiguration(
        commandName: "darkroom",
        abstract: "A terminal studio for Runware image generation (default model FLUX.1 [dev] SRPO, runware:111@1).",
        discussion: """
            With RUNWARE_API_KEY set (or a 0600 key file at $XDG_CONFIG_HOME/darkroom/api-key) Darkroom \
            talks to the Runware API; without one it runs a built-in sandbox: a local Runware-compatible \
            server that makes deterministic pictures, so everything works offline.

            Exit codes: 0 done, 64 invalid input (nothing was sent), 69 the API refused or answered \
            badly, 73 cannot write the images, 75 network failure, 78 configuration problem.
            """,
        version: DarkroomVersion.text,
        subcommands: [StudioCommand.self, GenerateCommand.self, ShowCommand.self, HistoryCommand.self, AccountCommand.self, SandboxCommand.self],
        defaultSubcommand: StudioCommand.self)
}
