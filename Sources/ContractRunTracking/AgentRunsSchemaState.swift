/// What a database holds of the runs schema, as a store reads it without writing: the columns of its
/// `agent_runs` table and the version its migrations table records.
public struct AgentRunsSchemaState: Sendable, Hashable {
    /// The columns of `agent_runs`; nil when the database has no table (or view) of that name.
    public var columns: [AgentRunsSchema.Column]?
    /// The highest version ``AgentRunsSchema/migrationsTable`` records; nil when there is no such table.
    public var recordedVersion: Int?

    /// Creates a state.
    public init(columns: [AgentRunsSchema.Column]?, recordedVersion: Int?) {
        self.columns = columns
        self.recordedVersion = recordedVersion
    }

    /// The version the database is at: the recorded one, 0 when none is recorded.
    public var version: Int { recordedVersion ?? 0 }

    /// Throws ``RunSchemaError`` unless rows can be read and written as they are: `agent_runs` exists
    /// with the expected shape at ``AgentRunsSchema/latestVersion``.
    public func checkUsable() throws {
        guard version <= AgentRunsSchema.latestVersion else {
            throw RunSchemaError.newerVersion(found: version, known: AgentRunsSchema.latestVersion)
        }
        guard let columns else { throw RunSchemaError.noRunsTable(recordedVersion: recordedVersion) }
        let differences = AgentRunsSchema.shapeDifferences(columns)
        guard differences.isEmpty else { throw RunSchemaError.otherShape(differences) }
        guard version == AgentRunsSchema.latestVersion else {
            throw RunSchemaError.olderVersion(found: version, current: AgentRunsSchema.latestVersion)
        }
    }

    /// Throws ``RunSchemaError`` unless the migrations may bring this database to the latest version:
    /// an `agent_runs` it holds has the expected shape, and no newer version is recorded.
    public func checkMigratable() throws {
        guard version <= AgentRunsSchema.latestVersion else {
            throw RunSchemaError.newerVersion(found: version, known: AgentRunsSchema.latestVersion)
        }
        if let columns {
            let differences = AgentRunsSchema.shapeDifferences(columns)
            guard differences.isEmpty else { throw RunSchemaError.otherShape(differences) }
        } else if version > 0 {
            // The migrations already recorded would not run again, so the table would stay missing.
            throw RunSchemaError.noRunsTable(recordedVersion: version)
        }
    }
}
