/// How hard a job tries, for the studio and every subcommand alike (the CLI's `--retries` and
/// `--timeout` start from these).
package struct RunPolicy: Sendable, Equatable {
    /// Retries after 408, 429, 5xx or a broken connection.
    package var retries: Int
    /// The whole job's deadline: uploads, retries, polling and downloads.
    package var timeout: Duration

    package static let defaultRetries = 3
    package static let defaultTimeoutSeconds = 1200

    package init(retries: Int = RunPolicy.defaultRetries, timeout: Duration = .seconds(RunPolicy.defaultTimeoutSeconds)) {
        self.retries = retries
        self.timeout = timeout
    }
}
