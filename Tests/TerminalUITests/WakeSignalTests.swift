import Foundation
import Testing
@testable import TerminalUI

/// The UI loop's wait on the terminal ends as soon as background work posts something.
@Suite struct WakeSignalTests {
    @Test func aWakeEndsTheWaitOnceAndInputIsToldApart() throws {
        let signal = try #require(WakeSignal())
        var input: [Int32] = [0, 0]
        #expect(pipe(&input) == 0)
        defer { close(input[0]); close(input[1]) }
        // Nothing there: the wait runs out.
        #expect(signal.wait(forInput: input[0], timeoutMilliseconds: 0) == .timedOut)
        // A wake posted before the wait ends it (a broken wake would wait out the 2 minutes and
        // exceed the test's time limit); the wait consumes it.
        signal.wake()
        signal.wake()
        #expect(signal.wait(forInput: input[0], timeoutMilliseconds: 120_000) == .woken)
        #expect(signal.wait(forInput: input[0], timeoutMilliseconds: 0) == .timedOut)
        // Bytes on the input are input, not a wake.
        var byte: UInt8 = 65
        _ = write(input[1], &byte, 1)
        #expect(signal.wait(forInput: input[0], timeoutMilliseconds: 120_000) == .input)
    }

    @Test(.timeLimit(.minutes(1))) func aWakeFromAnotherThreadEndsAWaitThatHasBegun() throws {
        let signal = try #require(WakeSignal())
        var input: [Int32] = [0, 0]
        #expect(pipe(&input) == 0)
        defer { close(input[0]); close(input[1]) }
        let waiting = DispatchSemaphore(value: 0)
        let other = Thread {
            waiting.wait()
            signal.wake()
        }
        other.start()
        waiting.signal()
        // Whether the wake lands just before or during the wait, the wait ends with it.
        #expect(signal.wait(forInput: input[0], timeoutMilliseconds: 120_000) == .woken)
    }
}
