import Foundation

/// Values kept within a byte budget and a count budget, each until its expiry at the latest.
/// Storing past a budget evicts the least recently used values first. Not thread-safe: the engine
/// keeps its stores inside its `Mutex`.
struct LRUStore<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private struct Entry: Sendable {
        var value: Value
        var cost: Int
        var expires: Date
        var older: Key?
        var newer: Key?
    }

    let byteLimit: Int
    let countLimit: Int
    /// The bytes a value is charged against `byteLimit`.
    let cost: @Sendable (Value) -> Int
    private var entries: [Key: Entry] = [:]
    private var oldest: Key?
    private var newest: Key?
    /// The sum of the costs of the values kept now.
    private(set) var bytes = 0
    /// No kept value expires before this, so looking for expired ones waits until then.
    private var nextExpiry = Date.distantFuture

    init(byteLimit: Int, countLimit: Int = .max, cost: @escaping @Sendable (Value) -> Int) {
        self.byteLimit = byteLimit
        self.countLimit = countLimit
        self.cost = cost
    }

    var count: Int { entries.count }

    /// The value under `key` unless it was evicted or has expired; it becomes the most recently used.
    mutating func value(for key: Key, now: Date) -> Value? {
        guard let entry = entries[key] else { return nil }
        guard entry.expires > now else {
            remove(key)
            return nil
        }
        touch(key)
        return entry.value
    }

    /// Keeps `value` under `key` (replacing what was there) as the most recently used, then evicts
    /// the least recently used until both budgets hold. A value costing more than the whole byte
    /// budget is not kept.
    mutating func insert(_ value: Value, for key: Key, expires: Date, now: Date) {
        remove(key)
        removeExpired(now: now)
        let cost = cost(value)
        guard cost <= byteLimit, countLimit > 0, expires > now else { return }
        entries[key] = Entry(value: value, cost: cost, expires: expires, older: newest, newer: nil)
        link(key)
        bytes += cost
        nextExpiry = min(nextExpiry, expires)
        evictToFit()
    }

    /// Changes the value under `key` in place, if it is still kept; it becomes the most recently
    /// used, and its new cost may evict others (or itself, if it outgrows the whole budget).
    mutating func update(_ key: Key, _ change: (inout Value) -> Void) {
        guard entries[key] != nil else { return }
        change(&entries[key]!.value)
        let cost = cost(entries[key]!.value)
        bytes += cost - entries[key]!.cost
        entries[key]!.cost = cost
        guard cost <= byteLimit else {
            remove(key)
            return
        }
        touch(key)
        evictToFit()
    }

    @discardableResult
    mutating func remove(_ key: Key) -> Value? {
        guard let entry = entries[key] else { return nil }
        unlink(key)
        entries[key] = nil
        bytes -= entry.cost
        return entry.value
    }

    /// Drops every expired value; cheap until the earliest expiry comes.
    mutating func removeExpired(now: Date) {
        guard now >= nextExpiry else { return }
        let expired = entries.filter { $0.value.expires <= now }.map(\.key)
        for key in expired { remove(key) }
        nextExpiry = entries.values.map(\.expires).min() ?? .distantFuture
    }

    private mutating func evictToFit() {
        while bytes > byteLimit || entries.count > countLimit, let oldest {
            remove(oldest)
        }
    }

    private mutating func touch(_ key: Key) {
        guard newest != key else { return }
        unlink(key)
        entries[key]!.older = newest
        link(key)
    }

    /// Makes `key`, whose entry already points at the old newest, the newest.
    private mutating func link(_ key: Key) {
        entries[key]!.newer = nil
        if let newest { entries[newest]!.newer = key } else { oldest = key }
        newest = key
    }

    private mutating func unlink(_ key: Key) {
        let entry = entries[key]!
        if let older = entry.older { entries[older]!.newer = entry.newer } else { oldest = entry.newer }
        if let newer = entry.newer { entries[newer]!.older = entry.older } else { newest = entry.older }
        entries[key]!.older = nil
        entries[key]!.newer = nil
    }
}
