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
    public init() {}
}
