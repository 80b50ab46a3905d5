/// What bringing a database to the latest runs schema did (`contractgen runs init`).
public struct AgentRunsMigrationResult: Sendable, Hashable {
    /// The version the database was at before (0 when none was recorded).
    public var previousVersion: Int
    /// The version it is at now, ``AgentRunsSchema/latestVersion``.
    public var version: Int
    /// Whether the `agent_runs` table was created (rather than found).
    public var createdTable: Bool

    /// Creates a result.
    public init(previousVersion: Int, version: Int, createdTable: Bool) {
        self.previousVersion = previousVersion
        self.version = version
        self.createdTable = createdTable
    }

    /// Whether anything was written: false when the database was at the latest version already.
    public var changedDatabase: Bool { previousVersion != version }
}

extension AgentRunsSchema {
    /// `CREATE TABLE IF NOT EXISTS` for ``migrationsTable``, valid in both dialects.
    public static let createMigrationsTable = """
        CREATE TABLE IF NOT EXISTS \(migrationsTable) (
            version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)
        """

    /// The migrations a database in `state` lacks, and what applying them will have done; throws
    /// ``RunSchemaError`` (``AgentRunsSchemaState/checkMigratable()``) before anything is written.
    public static func pendingMigrations(for state: AgentRunsSchemaState,
                                         dialect: Dialect) throws -> (migrations: [Migration], result: AgentRunsMigrationResult) {
        try state.checkMigratable()
        let pending = migrations(for: dialect).filter { $0.version > state.version }
        let result = AgentRunsMigrationResult(previousVersion: state.version, version: latestVersion,
                                              createdTable: state.columns == nil)
        return (pending, result)
    }
}
