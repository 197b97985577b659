/// How often to ask `getResponse`: first after `initial`, then each wait `factor` times longer,
/// never more than `cap`, giving up after `budget` in total.
public struct PollSchedule: Sendable {
    public var initial: Duration
    public var factor: Double
    public var cap: Duration
    public var budget: Duration

    public init(initial: Duration = .milliseconds(500), factor: Double = 1.5, cap: Duration = .seconds(5),
                budget: Duration = .seconds(1200)) {
        self.initial = initial
        self.factor = factor
        self.cap = cap
        self.budget = budget
    }

    public func delay(poll n: Int) -> Duration {
        var d = initial
        for _ in 0..<n { d = min(cap, d * factor) }
        return d
    }
}
