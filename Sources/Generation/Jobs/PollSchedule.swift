/// How often to ask `getResponse`: first after `initial`, then each wait `factor` times longer,
/// never more than `cap`, giving up after `budget` in total.
package struct PollSchedule: Sendable {
    package var initial: Duration
    package var factor: Double
    package var cap: Duration
    package var budget: Duration

    package init(initial: Duration = .milliseconds(500), factor: Double = 1.5, cap: Duration = .seconds(5),
                budget: Duration = .seconds(1200)) {
        self.initial = initial
        self.factor = factor
        self.cap = cap
        self.budget = budget
    }

    /// As the official SDKs and CLI poll Runware: first after 1 s, then 1.5 times longer each
    /// time, never more than 10 s apart.
    package static func runware(budget: Duration) -> PollSchedule {
        PollSchedule(initial: .seconds(1), factor: 1.5, cap: .seconds(10), budget: budget)
    }

    /// For a server on this machine (the built-in sandbox), which answers in milliseconds: the
    /// same backoff from 30 ms, never more than 1 s apart.
    package static func loopback(budget: Duration) -> PollSchedule {
        PollSchedule(initial: .milliseconds(30), factor: 1.5, cap: .seconds(1), budget: budget)
    }

    package func delay(poll n: Int) -> Duration {
        var d = initial
        for _ in 0..<n { d = min(cap, d * factor) }
        return d
    }
}
