/// Runs work that must end by a deadline: when `limit` passes first, the work is cancelled
/// (libcurl transfers abort from their progress callback, sleeps end) and `Deadline.Passed` is
/// thrown. `--timeout` is the whole job's deadline this way: retries and downloads included.
enum Deadline {
    struct Passed: Error {}

    static func run<T: Sendable>(within limit: Duration, _ work: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: T.self) { group in
            group.addTask { try await work() }
            group.addTask {
                try await Task.sleep(for: limit)
                throw Passed()
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { throw CancellationError() }
            return first
        }
    }
}
