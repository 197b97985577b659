import Synchronization
import TerminalUI

/// Events from background work, taken by the UI thread once per turn, and the count of effects
/// still at work: the studio is idle when both are empty (`StudioApp.settle`).
final class Inbox: Sendable {
    fileprivate struct Box {
        var events: [StudioEvent] = []
        var inFlight = 0
        /// Counts answers posted and effects ended, so a waiter knows what it has seen.
        var changes = 0
        var released = false
        var waiting: [CheckedContinuation<Void, Never>] = []
    }
    private let box = Mutex(Box())
    /// Wakes the UI loop from its wait on the terminal, so a posted answer is drawn at once.
    private let wake: WakeSignal?
    init(wake: WakeSignal?) { self.wake = wake }

    func post(_ event: StudioEvent) {
        let waiting = box.withLock { b in
            b.events.append(event)
            b.changes += 1
            return b.take()
        }
        for w in waiting { w.resume() }
        wake?.wake()
    }

    func drain() -> [StudioEvent] { box.withLock { b in defer { b.events.removeAll() }; return b.events } }

    /// Runs `work` off the UI thread, counted as in flight until it has given all its answers.
    func track(_ work: @escaping @Sendable () async -> Void) {
        box.withLock { $0.inFlight += 1 }
        Task.detached {
            await work()
            let waiting = self.box.withLock { b in
                b.inFlight -= 1
                b.changes += 1
                return b.take()
            }
            // Only a waiting `settle` hears of it: an effect that ended without an answer has
            // nothing for the loop to draw, so the loop is not woken.
            for w in waiting { w.resume() }
        }
    }

    /// No answer waiting and no effect at work.
    var idle: Bool { box.withLock { $0.events.isEmpty && $0.inFlight == 0 } }

    var changes: Int { box.withLock { $0.changes } }

    /// Returns when an answer arrives or an effect ends after `seen` (at once when one has).
    func activity(since seen: Int) async {
        await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
            let now = box.withLock { b -> Bool in
                if b.changes != seen || b.released { return true }
                b.waiting.append(c)
                return false
            }
            if now { c.resume() }
        }
    }

    /// Waiters wait again (a new deadline).
    func rearm() { box.withLock { $0.released = false } }

    /// Lets every waiter go, and the next ones at once (a deadline passed).
    func release() {
        let waiting = box.withLock { b in
            b.released = true
            return b.take()
        }
        for w in waiting { w.resume() }
    }
}

extension Inbox.Box {
    fileprivate mutating func take() -> [CheckedContinuation<Void, Never>] {
        defer { waiting.removeAll() }
        return waiting
    }
}
