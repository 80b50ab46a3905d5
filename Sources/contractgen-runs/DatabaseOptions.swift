import ArgumentParser
import ContractRunStores
import ContractRuntime
import Foundation

/// Options every `runs` subcommand takes, and how the database they name is opened.
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

    /// Opens the store as `access` allows and runs `body`; database failures become ``RunsFailure``s
    /// (exit code 2, or 1 for an unreadable row) that say what to run when the database is not ready.
    func withStore<R: Sendable>(access: RunStoreAccess,
                                _ body: @Sendable (any RunStore) async throws -> R) async throws -> R {
        let location = try location()
        do {
            return try await location.withStore(access: access, body)
        } catch {
            throw failure(error, location: location)
        }
    }

    /// Creates and migrates the database (`runs init`), with the same failures as ``withStore(access:_:)``.
    func initialize() async throws -> AgentRunsMigrationResult {
        let location = try location()
        do {
            return try await location.initialize()
        } catch {
            throw failure(error, location: location)
        }
    }

    private func failure(_ error: any Error, location: RunDatabase) -> any Error {
        switch error {
        case let failure as RunsFailure:
            return failure
        case let error as RunDatabaseError:
            var hint = ""
            if case .noSuchFile = error { hint = "; create it with: \(initCommand(location))" }
            return RunsFailure(message: error.description + hint, exitCode: 2)
        case let error as RunSchemaError:
            return RunsFailure(message: "\(location): \(error)\(hint(for: error, location: location))", exitCode: 2)
        case RunStoreError.unreadable(let row):
            return RunsFailure(message: row.description, exitCode: 1)
        default:
            return RunsFailure(message: "\(location): \(Self.describe(error))", exitCode: 2)
        }
    }

    /// What to do about a database whose schema does not fit.
    private func hint(for error: RunSchemaError, location: RunDatabase) -> String {
        switch error {
        case .noRunsTable(.none), .noRunsTable(.some(0)):
            "; create it with: \(initCommand(location))"
        case .noRunsTable(.some):
            "; drop \(AgentRunsSchema.migrationsTable) too, then create both with: \(initCommand(location))"
        case .olderVersion:
            "; bring it up to date with: \(initCommand(location))"
        case .otherShape:
            " (not the table contractgen creates; no runs command uses or changes it)"
        case .newerVersion:
            "; use the contractgen-runs that matches the trackers writing to it"
        }
    }

    /// The `runs init` command for this database, as the user can type it: `--database` as given (a
    /// PostgreSQL password masked), or none when the database comes from the environment.
    func initCommand(_ location: RunDatabase) -> String {
        guard let database, !database.isEmpty else { return "contractgen runs init" }
        let value: String = if case .postgres = location { location.description } else { database }
        // `--database=VALUE` when the value starts with "-", which would otherwise read as an option.
        return value.hasPrefix("-") ? "contractgen runs init --database=\(DisplayText.shellWord(value))"
                                    : "contractgen runs init --database \(DisplayText.shellWord(value))"
    }

    /// A one-line description of a database error (the drivers' errors print their whole context).
    private static func describe(_ error: any Error) -> String {
        let text = String(describing: error)
        return text.split(separator: "\n").first.map(String.init) ?? text
    }
}
