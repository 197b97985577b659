import ArgumentParser
import Foundation
import Workspace

struct AccountCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "account",
        abstract: "The account's balance (Runware's accountManagement), today's spend and the default model's price.",
        discussion: "Without an API key (or with --sandbox) it asks the built-in sandbox, whose balance goes down by each job's cost.")

    @Flag(help: "Ask the built-in sandbox even when an API key is set.")
    var sandbox = false
    @Option(help: "API endpoint (default: `endpoint` in config.toml, else https://api.runware.ai/v1).")
    var endpoint: String?
    @Flag(help: "One JSON object on stdout.")
    var json = false

    func run() async throws {
        let env = DarkroomEnvironment(variables: ProcessInfo.processInfo.environment)
        let config = try Configuration.loadOrExit(env)
        let session: Session
        do throws(Session.OpenError) {
            session = try await Session.open(env: env, config: config, options: .init(endpoint: endpoint, forceSandbox: sandbox))
        } catch {
            Console.error("\(error)")
            throw ExitCode(error.exitStatus.rawValue)
        }
        let lines = await AccountReport.lines(session: session, json: json)
        await session.close()
        Console.print(lines)
        if lines.contains(where: { if case .error = $0 { true } else { false } }) { throw ExitCode(ExitStatus.apiError.rawValue) }
    }
}
