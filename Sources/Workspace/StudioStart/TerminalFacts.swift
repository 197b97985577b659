import Foundation
import TerminalUI

/// What this process knows about its terminal before drawing anything: whether stdin and stdout
/// are terminals, the size, and the colours the environment allows. Detection itself lives in
/// TerminalUI; this gathers it once for the studio and the subcommands.
package struct TerminalFacts: Sendable {
    package var stdinIsTerminal: Bool
    package var stdoutIsTerminal: Bool
    /// nil when stdout is not a terminal.
    package var size: TerminalSize?
    package var colorMode: ColorMode

    package init(stdinIsTerminal: Bool, stdoutIsTerminal: Bool, size: TerminalSize?, colorMode: ColorMode) {
        self.stdinIsTerminal = stdinIsTerminal
        self.stdoutIsTerminal = stdoutIsTerminal
        self.size = size
        self.colorMode = colorMode
    }

    /// Both ends are a terminal: the studio can run and the terminal may be asked questions.
    package var isInteractive: Bool { stdinIsTerminal && stdoutIsTerminal }

    /// A terminal that gives no pixel size with its size in cells is asked for it (`CSI 16 t`),
    /// so pictures keep their shape there too.
    package static func current(_ env: DarkroomEnvironment) -> TerminalFacts {
        let stdin = isatty(STDIN_FILENO) == 1, stdout = isatty(STDOUT_FILENO) == 1
        var size = TerminalSize.current()
        if stdin && stdout { size = size?.askingCellSize { TerminalProbe.askTerminal($0) } }
        return TerminalFacts(stdinIsTerminal: stdin, stdoutIsTerminal: stdout, size: size,
                             colorMode: TerminalProfile.colorMode(environment: env.variables))
    }
}
