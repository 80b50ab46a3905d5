/// The `agent_runs` table as versioned migrations, shared by the SQL stores so SQLite and PostgreSQL
/// hold the same columns and indexes (the seed's table and its three indexes).
public enum AgentRunsSchema {
    /// The table that records which migrations a database has applied.
    public static let migrationsTable = "contract_run_migrations"

    /// One migration: statements applied together, once, in version order.
    public struct Migration: Sendable {
        /// The version this migration brings the database to.
        public var version: Int
        /// What it does, for the migrations table.
        public var name: String
        /// The SQL, valid in both SQLite and PostgreSQL.
        public var statements: [String]
    }

    /// The SQL flavours the migrations are written for.
    public enum Dialect: Sendable {
        case sqlite, postgres

        /// The column type of `id` and the time columns: byte-order text, so SQL ordering and cursor
        /// comparisons agree with Swift's (PostgreSQL would otherwise use the database's locale).
        var orderedText: String { self == .sqlite ? "TEXT" : "TEXT COLLATE \"C\"" }
    }

    /// Every migration, in order, for `dialect`.
    public static func migrations(for dialect: Dialect) -> [Migration] {
        let text = dialect.orderedText
        return [
            Migration(version: 1, name: "create agent_runs", statements: [
                """
                CREATE TABLE IF NOT EXISTS agent_runs (
                    id \(text) PRIMARY KEY,
                    source TEXT NOT NULL,
                    source_ref TEXT,
                    session_id TEXT,
                    status TEXT NOT NULL,
                    started_at \(text) NOT NULL,
                    finished_at \(text),
                    duration_ms BIGINT,
                    error_code TEXT,
                    error_message TEXT,
                    metadata TEXT
                )
                """,
                "CREATE INDEX IF NOT EXISTS idx_agent_runs_source_started_at ON agent_runs (source, started_at DESC)",
                "CREATE INDEX IF NOT EXISTS idx_agent_runs_session_started_at ON agent_runs (session_id, started_at DESC)",
                "CREATE INDEX IF NOT EXISTS idx_agent_runs_status_started_at ON agent_runs (status, started_at DESC)",
            ]),
        ]
    }

    /// The newest version this code knows.
    public static var latestVersion: Int { migrations(for: .sqlite).last?.version ?? 0 }

    /// The columns in table order, for SELECT and RETURNING lists.
    public static let columns = "id, source, source_ref, session_id, status, started_at, finished_at, duration_ms, "
        + "error_code, error_message, metadata"
}
