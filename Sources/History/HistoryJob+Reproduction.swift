import RunwareAPI

/// How to make a job's images again. A job sent without a seed got seeds chosen by the server;
/// the images record them, so a re-run, a fork or an export pins them instead of drawing new ones.
package enum Reproduction: Sendable, Equatable {
    /// The recorded request already says its seed (or no image recorded one): send it as it is.
    case asRecorded
    /// One task: this seed for the first image, the next ones for the others (seed, seed+1, …).
    case seed(UInt64)
    /// Unrelated seeds: one task per image, each with its own seed and one result.
    case perImage([UInt64])
}

extension HistoryJob {
    package var reproduction: Reproduction {
        guard seed == nil, (taskObject?["seed"]).map({ $0 == .null }) ?? true else { return .asRecorded }
        let seeds = results.sorted { $0.index < $1.index }.compactMap { r in r.seed.map { (index: r.index, seed: $0) } }
        guard let first = seeds.first, seeds.count == results.count else { return .asRecorded }
        // Consecutive from the first image's seed (as a seeded request makes them): one task does it.
        if seeds.allSatisfy({ $0.seed == first.seed &+ UInt64($0.index - first.index) }) && first.index == 0 { return .seed(first.seed) }
        return .perImage(seeds.map(\.seed))
    }

    /// The recorded task object(s) with the seeds that remake the images: one object, or one per
    /// image when their seeds are unrelated. Nil when the request cannot be read.
    package func reproducingTasks() -> [[String: JSONValue]]? {
        guard let object = taskObject else { return nil }
        switch reproduction {
        case .asRecorded: return [object]
        case .seed(let seed):
            var pinned = object
            pinned["seed"] = .uint(seed)
            return [pinned]
        case .perImage(let seeds):
            return seeds.map { seed in
                var pinned = object
                pinned["seed"] = .uint(seed)
                pinned["numberResults"] = .int(1)
                return pinned
            }
        }
    }
}
