import Foundation

/// Wakes a thread that waits for terminal input when something else has work for it: the UI
/// loop waits on the tty and on this pipe together, so an answer posted by background work
/// (a picture, a History page, a job event) is handled at once instead of after the read timeout.
package final class WakeSignal: Sendable {
    /// What ended a wait.
    package enum Wake: Sendable, Equatable {
        /// The watched input has bytes to read.
        case input
        /// `wake()` was called (since the last wait).
        case woken
        case timedOut
        /// A signal (SIGWINCH on a resize) interrupted the wait.
        case interrupted
    }

    private let readEnd: Int32
    private let writeEnd: Int32

    /// nil when the process cannot make a pipe (out of file descriptors).
    package init?() {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { return nil }
        for fd in ends {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        readEnd = ends[0]
        writeEnd = ends[1]
    }

    deinit {
        close(readEnd)
        close(writeEnd)
    }

    /// Safe from any thread; a full pipe already means "wake".
    package func wake() {
        var byte: UInt8 = 1
        _ = write(writeEnd, &byte, 1)
    }

    /// Waits until `input` is readable, `wake()` is called, a signal arrives, or the time is up.
    /// A wake is consumed by the wait that sees it.
    package func wait(forInput input: Int32, timeoutMilliseconds: Int) -> Wake {
        var fds = [pollfd(fd: input, events: Int16(POLLIN), revents: 0), pollfd(fd: readEnd, events: Int16(POLLIN), revents: 0)]
        let n = poll(&fds, 2, Int32(clamping: timeoutMilliseconds))
        if n < 0 { return errno == EINTR ? .interrupted : .input }
        if n == 0 { return .timedOut }
        if fds[1].revents != 0 {
            drain()
            // Input that is also waiting is read by the caller's next turn, right after this one.
            return .woken
        }
        return .input
    }

    private func drain() {
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(readEnd, &buffer, buffer.count) > 0 {}
    }
}
