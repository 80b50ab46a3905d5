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

/// A database whose runs schema a store cannot use as it is.
public enum RunSchemaError: Error, Hashable, Sendable, CustomStringConvertible {
    /// There is no `agent_runs` table; `recordedVersion` is the version the migrations table records
    /// nonetheless, if any.
    case noRunsTable(recordedVersion: Int?)
    /// `agent_runs` exists with other columns, types or constraints than this code's; one sentence
    /// per difference.
    case otherShape([String])
    /// The database is at an older schema version than this code reads (0: none recorded).
    case olderVersion(found: Int, current: Int)
    /// The database is at a newer schema version than this code knows.
    case newerVersion(found: Int, known: Int)

    /// A one-line description.
    public var description: String {
        switch self {
        case .noRunsTable(.none), .noRunsTable(.some(0)):
            "the database has no agent_runs table"
        case .noRunsTable(let version?):
            "the database has no agent_runs table, although \(AgentRunsSchema.migrationsTable) records schema "
                + "version \(version)"
        case .otherShape(let differences):
            "the database's agent_runs table has another shape than this code's: "
                + differences.joined(separator: "; ")
        case .olderVersion(0, let current):
            "the database records no agent_runs schema version (\(AgentRunsSchema.migrationsTable) is missing "
                + "or empty); this code reads version \(current)"
        case .olderVersion(let found, let current):
            "agent_runs is at schema version \(found); this code reads version \(current)"
        case .newerVersion(let found, let known):
            "agent_runs schema version \(found) is newer than this code's \(known)"
        }
    }
}
