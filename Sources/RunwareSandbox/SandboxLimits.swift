import Imaging

/// How much the sandbox keeps and accepts at once, so that its memory stays bounded under any load.
/// The lifetimes the API documents (a result's `ttl`, 30 days for uploads) are upper limits within
/// these budgets: whatever is evicted first answers as if it had expired.
package struct SandboxLimits: Sendable {
    /// Bytes of stored images (URL results and uploads) kept at once; the least recently used go first.
    package var imageBytes = 256 << 20
    /// Task records kept for `getResponse`; the least recently used go first.
    package var taskRecords = 10_000
    /// Estimated bytes of task records kept at once (base64 results make records large).
    package var taskRecordBytes = 64 << 20
    /// Seconds a task record is kept at most.
    package var taskRecordLifetime = 86_400
    /// The largest request body accepted, and the largest WebSocket message; a larger body is
    /// answered 413, a larger message closes its connection (1009).
    package var requestBodyBytes = 64 << 20
    /// Bytes of request bodies and WebSocket messages held at once across all connections, from
    /// the first byte received (or the length a body or frame declares) until the reply; a body
    /// that does not fit is answered 503 with `Retry-After`, a message closes its connection (1013).
    package var requestBodiesInFlightBytes = 128 << 20
    /// What a client may send before its key is checked: the start of a POST body with no key in
    /// its headers, searched for an `authentication` task, and each WebSocket message until one
    /// authenticates. A request with a wrong key in its headers is refused before its body is read.
    package var unauthenticatedBytes = 4096
    /// Failed authentications one WebSocket connection may make; the last closes it (1008).
    package var failedAuthenticationsPerConnection = 5
    /// JSON values and keys one body or message may hold (a 60 MB `[0,0,…]` holds 30 million,
    /// and would take about 25 times its size once parsed); counted before parsing, 413 past it.
    package var requestJSONValues = 100_000
    /// The largest image fetched from a URL a task names: the most Darkroom reads of any image
    /// file, and one request body's size, so an image may be as large by URL as inline.
    package var imageURLBytes = ImageFile.defaultMaxBytes
    /// A connection that has received nothing for this long while no reply is being made is
    /// closed: idle keep-alive connections and headers or bodies sent too slowly alike.
    package var idleTimeout: Duration = .seconds(30)

    package init() {}
}
