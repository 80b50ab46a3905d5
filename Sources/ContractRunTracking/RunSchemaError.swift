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
