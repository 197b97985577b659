import Synchronization

/// Published prices by model, shared by the copies of a `LiveGeneratePort`. A model's price is asked
/// once: an estimate that comes while the answer is on its way waits for that answer. (Each
/// estimate key not yet answered asked again, and a slow content service got one request per
/// change of steps or size.)
final class PriceCache: Sendable {
    /// Each model's request, answered or on its way.
    private let requests = Mutex<[String: Task<Double?, Error>]>([:])
    /// How many calls have found or started their model's request; tests wait on it.
    let decided = Atomic<Int>(0)

    /// The model's price, from its request, started with `asking` when there is none. A request
    /// that failed is forgotten, so the next estimate asks again.
    func price(of model: String, asking: @escaping @Sendable () async throws -> Double?) async throws -> Double? {
        let request = requests.withLock { all -> Task<Double?, Error> in
            defer { decided.add(1, ordering: .sequentiallyConsistent) }
            if let asked = all[model] { return asked }
            let task = Task { try await asking() }
            all[model] = task
            return task
        }
        do { return try await request.value } catch {
            requests.withLock { if $0[model] == request { $0[model] = nil } }
            throw error
        }
    }
}
