import ArgumentParser
import ContractRunStores
import ContractRuntime
import Foundation

struct InitRuns: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create the agent_runs table in a database, or bring it up to date.",
        discussion: """
        Creates the SQLite file if it does not exist, then the agent_runs table, its indexes and the \
        \(AgentRunsSchema.migrationsTable) table, or applies the migrations an older database lacks. \
        Safe to repeat: on a database that is up to date it changes nothing and says so. A tracker \
        does the same when it opens a database.

        Refuses, changing nothing, a database whose agent_runs table has another shape (another \
        program's table of that name) or a newer schema version.
        """
    )

    @OptionGroup var options: DatabaseOptions

    func run() async throws {
        let location = try options.location()
        let result = try await options.initialize()
        switch options.format {
        case .json:
            let document: JSONValue = .object([
                "database": .string(location.description),
                "previous_version": .int(Int64(result.previousVersion)),
                "schema_version": .int(Int64(result.version)),
                "created_table": .bool(result.createdTable),
            ])
            standardOutput(try document.jsonString() + "\n")
        case .table:
            standardOutput(DisplayText.escaped(Self.summary(result, location: location)) + "\n")
        }
    }

    /// What happened, in one sentence.
    static func summary(_ result: AgentRunsMigrationResult, location: RunDatabase) -> String {
        if result.createdTable {
            return "created agent_runs (schema version \(result.version)) in \(location)"
        }
        if result.changedDatabase {
            return "migrated agent_runs in \(location) from schema version \(result.previousVersion) to \(result.version)"
        }
        return "\(location) is already initialized (agent_runs schema version \(result.version)); nothing changed"
    }
}
