/// How much the sandbox keeps and accepts at once, so that its memory stays bounded under any load.
/// The lifetimes the API documents (a result's `ttl`, 30 days for uploads) are upper limits within
/// these budgets: whatever is evicted first answers as if it had expired.
public struct SandboxLimits: Sendable {
    /// Bytes of stored images (URL results and uploads) kept at once; the least recently used go first.
    public var imageBytes = 256 << 20
    /// Task records kept for `getResponse`; the least recently used go first.
    public var taskRecords = 10_000
    /// Estimated bytes of task records kept at once (base64 results make records large).
    public var taskRecordBytes = 64 << 20
    /// Seconds a task record is kept at most.
    public var taskRecordLifetime = 86_400
    /// The largest request body accepted; a larger one is answered 413.
    public var requestBodyBytes = 64 << 20
    /// Bytes of request bodies held at once across all connections, from the first byte received
    /// until the reply; a body that does not fit is answered 503 with `Retry-After`.
    public var requestBodiesInFlightBytes = 128 << 20
    /// A connection that has received nothing for this long while no reply is being made is
    /// closed: idle keep-alive connections and headers or bodies sent too slowly alike.
    public var idleTimeout: Duration = .seconds(30)

    public init() {}
}
