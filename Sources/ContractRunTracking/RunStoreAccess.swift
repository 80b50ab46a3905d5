/// What a store may do to its database when it opens it.
///
/// Creating and migrating the `agent_runs` table is the tracker's job (or an explicit
/// `contractgen runs init`); commands that only look at runs must never change a database, which may
/// not even be a runs database.
public enum RunStoreAccess: Sendable, Hashable {
    /// Creates the database and the `agent_runs` table when they are missing and applies the
    /// migrations the database lacks (refusing an `agent_runs` of another shape): what a tracker does.
    case migrate
    /// Reads and writes rows of a database that holds the current `agent_runs` already (see
    /// ``AgentRunsSchemaState/checkUsable()``); never creates the database, a table or an index.
    case readWrite
    /// Reads rows only: creates, migrates and writes nothing (SQLite opens the file read-only,
    /// PostgreSQL sessions are read-only), after the same check as ``readWrite``.
    case readOnly
}
