/// How hard a job tries, for the studio and every subcommand alike (the CLI's `--retries` and
/// `--timeout` start from these).
public struct RunPolicy: Sendable, Equatable {
    /// Retries after 408, 429, 5xx or a broken connection.
    public var retries: Int
    /// The whole job's deadline: uploads, retries, polling and downloads.
    public var timeout: Duration

    public static let defaultRetries = 3
    public static let defaultTimeoutSeconds = 1200

    public init(retries: Int = RunPolicy.defaultRetries, timeout: Duration = .seconds(RunPolicy.defaultTimeoutSeconds)) {
        self.retries = retries
        self.timeout = timeout
    }
}
