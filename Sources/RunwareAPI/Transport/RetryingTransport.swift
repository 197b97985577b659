import Foundation

/// When to try again: 408, 429, every 5xx and broken connections, never another 4xx or a
/// cancellation. Delay before retry n is `min(base * 2^n, cap)` plus up to `jitter` of random,
/// or the server's `Retry-After` when it gives one (bounded by `maxRetryAfter`).
package struct RetryPolicy: Sendable {
    package var maxRetries: Int
    package var baseDelay: Duration
    package var maxDelay: Duration
    package var jitter: Duration
    package var maxRetryAfter: Duration

    package init(maxRetries: Int = 3, baseDelay: Duration = .seconds(1), maxDelay: Duration = .seconds(30),
                jitter: Duration = .seconds(1), maxRetryAfter: Duration = .seconds(60)) {
        self.maxRetries = maxRetries
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.jitter = jitter
        self.maxRetryAfter = maxRetryAfter
    }

    package static let none = RetryPolicy(maxRetries: 0)

    package static func isRetryable(status: Int) -> Bool { status == 408 || status == 429 || (500...599).contains(status) }

    /// The delay before retry `attempt` (0-based); `unit` is a random draw in 0..<1.
    package func delay(attempt: Int, retryAfter: Duration?, unit: Double) -> Duration {
        if let retryAfter { return min(retryAfter, maxRetryAfter) }
        let exponential = baseDelay * Int(1 << min(attempt, 20))
        return min(exponential, maxDelay) + jitter * unit
    }

    /// `Retry-After` as seconds or an HTTP date.
    package static func parseRetryAfter(_ value: String?, now: Date = Date()) -> Duration? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if let seconds = Double(value), seconds >= 0 { return .milliseconds(Int64(seconds * 1000)) }
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "GMT")
        f.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = f.date(from: value) else { return nil }
        return .milliseconds(Int64(max(0, date.timeIntervalSince(now)) * 1000))
    }
}

/// What a retry reports, for progress lines ("retry 2 in 1.4 s after HTTP 429 (at most 3)").
package struct RetryEvent: Sendable, Equatable {
    package var attempt: Int
    /// How many retries the policy allows in all.
    package var maxRetries: Int
    package var delay: Duration
    package var reason: String

    package init(attempt: Int, maxRetries: Int, delay: Duration, reason: String) {
        self.attempt = attempt
        self.maxRetries = maxRetries
        self.delay = delay
        self.reason = reason
    }

    /// Also told of every retry made by the current task (and its child tasks): a job runner
    /// sets it around one job, so a retry of a shared client is reported as that job's event.
    @TaskLocal package static var observer: (@Sendable (RetryEvent) -> Void)?

    /// Runs `operation` with `observer` told of its retries. The value is bound in this frame of
    /// its own and never inlined: with the closure passed straight to `withValue`, the release
    /// build (Swift 6.3.1) crashed in `swift_task_localValuePush` at every job.
    @inline(never)
    package static func observing<T: Sendable>(_ observer: @escaping @Sendable (RetryEvent) -> Void,
                                              _ operation: @Sendable () async throws -> T) async throws -> T {
        let value: (@Sendable (RetryEvent) -> Void)? = observer
        return try await $observer.withValue(value) { try await operation() }
    }
}

/// Wraps a transport with the retry policy. Sleep and randomness are injected for tests.
package struct RetryingTransport: Transport {
    package let base: any Transport
    package let policy: RetryPolicy
    let sleep: @Sendable (Duration) async throws -> Void
    let random: @Sendable () -> Double
    let onRetry: @Sendable (RetryEvent) -> Void

    package init(base: any Transport, policy: RetryPolicy = RetryPolicy(),
                sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
                random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) },
                onRetry: @escaping @Sendable (RetryEvent) -> Void = { _ in }) {
        self.base = base
        self.policy = policy
        self.sleep = sleep
        self.random = random
        self.onRetry = onRetry
    }

    package func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        var attempt = 0
        while true {
            try Task.checkCancellation()
            let reason: String
            var retryAfter: Duration?
            do {
                let response = try await base.send(request)
                guard RetryPolicy.isRetryable(status: response.status), attempt < policy.maxRetries else {
                    return response
                }
                reason = "HTTP \(response.status)"
                retryAfter = RetryPolicy.parseRetryAfter(response.headers["retry-after"])
            } catch let error as TransportError where error.isRetryable && attempt < policy.maxRetries
                && (request.resendable || error.neverSent) {
                reason = error.description
            }
            let delay = policy.delay(attempt: attempt, retryAfter: retryAfter, unit: random())
            let event = RetryEvent(attempt: attempt + 1, maxRetries: policy.maxRetries, delay: delay, reason: reason)
            onRetry(event)
            RetryEvent.observer?(event)
            do { try await sleep(delay) } catch { throw TransportError.cancelled }
            attempt += 1
        }
    }
}
