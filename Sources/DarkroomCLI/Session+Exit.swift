import ArgumentParser
import Workspace

extension Session {
    /// `Session.open`, with a failure said on stderr and turned into its exit code (`OpenError.exitStatus`).
    static func openOrExit(env: DarkroomEnvironment, config: Configuration, options: Options) async throws -> Session {
        do throws(Session.OpenError) {
            return try await open(env: env, config: config, options: options)
        } catch {
            Console.error("\(error)")
            throw ExitCode(error.exitStatus.rawValue)
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
