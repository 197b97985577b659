import Workspace

extension Session {
    /// `Session.open`, with a failure said on stderr and turned into the command's exit code:
    /// a target that cannot be used is a configuration problem, History that cannot be opened
    /// is a write problem (`historyHint` says what else the user can do).
    static func openOrExit(env: DarkroomEnvironment, config: Configuration, options: Options,
                           historyHint: String = "") async throws -> Session {
        do throws(Session.OpenError) {
            return try await open(env: env, config: config, options: options)
        } catch {
            switch error {
            case .target(let e):
                Console.error("\(e)")
                throw Exit.config
            case .history(let e):
                Console.error("\(e)\(historyHint)")
                throw Exit.cannotWrite
            }
        }
    }
}

extension Configuration {
    /// config.toml, or exit 78 naming the file and what is wrong with it.
    static func loadOrExit(_ env: DarkroomEnvironment) throws -> Configuration {
        do { return try load(from: env.configFolder) } catch {
            Console.error("\(error)")
            throw Exit.config
        }
    }
}
