import Foundation

/// The tmux Darkroom runs inside, asked through its command line (the text of a buffer goes in on
/// stdin, never in argv).
package enum Tmux {
    /// A global option's value, nil when tmux cannot be asked.
    package static func option(_ name: String) -> String? {
        guard let out = runTmux(["show", "-gv", name], input: nil) else { return nil }
        return out.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Puts text into tmux's paste buffer (`tmux load-buffer -`); nil when it worked, else why not.
    package static func loadBuffer(_ text: String) -> String? {
        runTmux(["load-buffer", "-"], input: Data(text.utf8)) == nil ? "tmux load-buffer failed" : nil
    }

    /// Runs tmux with these arguments (the text goes in on stdin, never in argv); its output, nil
    /// when it could not run or failed.
    private static func runTmux(_ arguments: [String], input: Data?) -> String? {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["tmux"] + arguments
        let out = Pipe(), inPipe = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        p.standardInput = input == nil ? FileHandle.nullDevice : inPipe
        guard (try? p.run()) != nil else { return nil }
        if let input {
            inPipe.fileHandleForWriting.write(input)
            try? inPipe.fileHandleForWriting.close()
        }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return p.terminationStatus == 0 ? String(decoding: data, as: UTF8.self) : nil
    }
}
