import ArgumentParser
import ContractRunStores
import Foundation

/// `contractgen runs`: what operators use to look at and repair the `agent_runs` table.
///
/// A separate executable from `contractgen` because it links the database drivers (swift-nio,
/// BoringSSL); `contractgen runs …` runs it, so the code generator and its build plugin stay light.
@main
struct RunsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contractgen runs",
        abstract: "List, show and sweep tracked runs in an agent_runs database.",
        discussion: """
        --database names the store: postgres://user:pass@host:port/db (or postgresql://), \
        sqlite:PATH, or a plain SQLite file path. Without it, the CONTRACT_RUNS_DATABASE environment \
        variable is used. An SQLite path must name an existing database (a tracker creates it on first use).

        Output is a table; --format json prints JSON for tools (one document per command).

        Exit codes: 0 done, 1 `show` found no such run, 2 usage error or unusable database.
        """,
        subcommands: [ListRuns.self, ShowRun.self, SweepRuns.self]
    )

    /// Runs the command; usage and database errors exit with 2 (argument-parser's default is 64).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch let failure as RunsFailure {
            standardError("error: \(failure.message)\n")
            exit(withError: ExitCode(failure.exitCode))
        } catch {
            if exitCode(for: error) == .validationFailure {
                standardError(fullMessage(for: error) + "\n")
                exit(withError: ExitCode(2))
            }
            exit(withError: error)
        }
    }
}

/// A failure the command reports in one line with its own exit code.
struct RunsFailure: Error {
    var message: String
    var exitCode: Int32
}

/// Options every `runs` subcommand takes.
struct DatabaseOptions: ParsableArguments {
    static let environmentVariable = "CONTRACT_RUNS_DATABASE"

    @Option(name: .long, help: ArgumentHelp(
        "The runs database: postgres://user:pass@host:port/db, sqlite:PATH or a file path.",
        discussion: "Defaults to the CONTRACT_RUNS_DATABASE environment variable.",
        valueName: "url"))
    var database: String?

    @Option(name: .long, help: "Output format: table (for people) or json (for tools).")
    var format: OutputFormat = .table

    /// The database named by `--database` or the environment.
    func location() throws -> RunDatabase {
        guard let text = database ?? ProcessInfo.processInfo.environment[Self.environmentVariable], !text.isEmpty else {
            throw ValidationError("missing --database (or set \(Self.environmentVariable))")
        }
        do {
            return try RunDatabase(text)
        } catch {
            throw ValidationError("--database: \(error)")
        }
    }

    /// Opens the store, runs `body` and turns database failures into exit code 2.
    func withStore<R: Sendable>(_ body: @Sendable (any RunStore) async throws -> R) async throws -> R {
        let location = try location()
        do {
            return try await location.withStore(mustExist: true, body)
        } catch let failure as RunsFailure {
            throw failure
        } catch let error as RunDatabaseError {
            throw RunsFailure(message: error.description, exitCode: 2)
        } catch {
            throw RunsFailure(message: "\(location): \(Self.describe(error))", exitCode: 2)
        }
    }

    /// A one-line description of a database error (the drivers' errors print their whole context).
    private static func describe(_ error: any Error) -> String {
        let text = String(describing: error)
        return text.split(separator: "\n").first.map(String.init) ?? text
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
}

extension RunSource: ExpressibleByArgument {}
extension AgentRunStatus: ExpressibleByArgument {}

func standardOutput(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}

func standardError(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
}
