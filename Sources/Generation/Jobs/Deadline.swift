/// Runs work that must end by a deadline: when `limit` passes first, the work is cancelled
/// (libcurl transfers abort from their progress callback, sleeps end) and `Deadline.Passed` is
/// thrown. `--timeout` is the whole job's deadline this way: retries and downloads included.
enum Deadline {
    struct Passed: Error {}

    /// When the caller is cancelled, the timer steps aside and the work's own cancellation
    /// error is what comes out.
    static func run<T: Sendable>(within limit: Duration, _ work: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await work() }
            group.addTask {
                do { try await Task.sleep(for: limit) } catch { return nil }
                throw Passed()
            }
            defer { group.cancelAll() }
            while let next = try await group.next() {
                if let value = next { return value }
            }
            throw CancellationError()
        }
    }
}
