import TerminalUI
import ArgumentParser
import RunwareAPI
import Workspace

/// The exit codes of `ExitStatus`, as ArgumentParser throws them.
enum Exit {
    static let invalidInput = ExitCode(ExitStatus.invalidInput.rawValue)
    static let apiError = ExitCode(ExitStatus.apiError.rawValue)
    static let cannotWrite = ExitCode(ExitStatus.cannotWrite.rawValue)
    static let config = ExitCode(ExitStatus.config.rawValue)
}

/// One-line messages on stderr, always sanitized.
enum Console {
    static func error(_ text: String) {
        FileHandleStream.stderr.write("darkroom: error: " + SafeText.line(text) + "\n")
    }
    static func note(_ text: String) {
        FileHandleStream.stderr.write("darkroom: " + SafeText.line(text) + "\n")
    }
    /// One line on stdout, through the sanitizer: whatever part of it came from outside.
    /// Tabs between fields stay (`ID<TAB>path` is read by scripts).
    static func out(_ text: String) {
        let fields = text.split(separator: "\t", omittingEmptySubsequences: false).map { SafeText.line(String($0), limit: Int.max) }
        FileHandleStream.stdout.write(fields.joined(separator: "\t") + "\n")
    }
    /// One JSON text on stdout, with C0, C1 and bidi controls escaped (`\u009b`).
    static func json(_ data: Data) {
        FileHandleStream.stdout.write(SafeText.json(String(decoding: data, as: UTF8.self)) + "\n")
    }
    static func json(_ text: String) {
        FileHandleStream.stdout.write(SafeText.json(text) + "\n")
    }
    /// Lines Workspace built, each on its stream.
    static func print(_ lines: [ReportLine]) {
        for line in lines { print(line) }
    }
    static func print(_ line: ReportLine) {
        switch line {
        case .out(let text): out(text)
        case .note(let text): note(text)
        case .error(let text): error(text)
        case .json(let text): json(text)
        }
    }
    /// Validation problems: one sanitized line per issue under a heading.
    static func issues(_ error: ValidationFailure) {
        let noun = error.issues.count == 1 ? "problem" : "problems"
        FileHandleStream.stderr.write("darkroom: error: the request has \(error.issues.count) \(noun); nothing was sent:\n")
        for issue in error.issues { FileHandleStream.stderr.write("  - " + SafeText.line(issue.commandLineDescription) + "\n") }
    }
}

import Foundation

enum FileHandleStream {
    case stdout, stderr
    func write(_ s: String) {
        let handle = self == .stdout ? FileHandle.standardOutput : FileHandle.standardError
        handle.write(Data(s.utf8))
    }
}
