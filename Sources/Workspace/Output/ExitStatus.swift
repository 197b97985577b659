import Generation
import RunwareAPI

/// Darkroom's exit codes (sysexits), so scripts can tell what went wrong.
/// Thrown, it stops a command whose failure has been said already.
package enum ExitStatus: Int32, Error, Sendable, CaseIterable {
    /// Some of the work was done, some was not (an image that could not be shown or exported).
    case partly = 1
    /// Nothing was sent: the command line, a request file or a job id was wrong.
    case invalidInput = 64
    /// The API refused or answered badly.
    case apiError = 69
    /// Images or History could not be written.
    case cannotWrite = 73
    case network = 75
    /// config.toml, a key file, a theme or the target cannot be used.
    case config = 78
    case cancelled = 130

    /// How a failed job ends the process.
    package init(_ failure: JobFailure) {
        switch failure {
        case .invalid, .input: self = .invalidInput
        case .api(let e):
            switch e {
            case .invalidRequest: self = .invalidInput
            case .transport(.unsupportedURL): self = .apiError
            case .transport: self = .network
            case .api, .badResponse: self = .apiError
            }
        case .result: self = .apiError
        case .output, .history: self = .cannotWrite
        case .timedOut, .lostSyncAnswer: self = .network
        case .cancelled: self = .cancelled
        }
    }
}

extension Session.OpenError {
    /// A target that cannot be used is a configuration problem; History that cannot be opened a write problem.
    package var exitStatus: ExitStatus {
        switch self {
        case .target: .config
        case .history: .cannotWrite
        }
    }
}
