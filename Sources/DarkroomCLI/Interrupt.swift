import Dispatch
import Foundation

/// ctrl-c (SIGINT) while a job runs: the first cancels it, so it is recorded and said as
/// cancelled; a second ends the process at once (exit 130), as a shell user expects.
enum Interrupt {
    static func onSignal(_ cancel: @escaping @Sendable () -> Void) -> DispatchSourceSignal {
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        let seen = Seen()
        source.setEventHandler {
            if seen.first() {
                FileHandle.standardError.write(Data("\ndarkroom: cancelling (ctrl-c again to quit at once)\n".utf8))
                cancel()
            } else {
                exit(130)
            }
        }
        source.resume()
        return source
    }

    /// Whether a signal is the first one.
    final class Seen: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func first() -> Bool {
            lock.lock()
            defer { lock.unlock() }
            count += 1
            return count == 1
        }
    }
}
