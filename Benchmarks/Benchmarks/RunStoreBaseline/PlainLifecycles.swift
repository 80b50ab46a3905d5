import ContractRunStores
import Foundation
import PostgresNIO
import SQLiteNIO

/// The baseline of the run tracking benchmarks: one run's lifecycle written by hand through the same
/// driver as the tracker's store, as three plain statements: INSERT queued, UPDATE to running, and the
/// guarded finishing UPDATE (`WHERE id = ? AND finished_at IS NULL`).
public enum PlainLifecycle {
    /// A migrated in-memory SQLite connection with an empty `agent_runs` table.
    public static func openSQLite() async throws -> SQLiteConnection {
        let connection = try await SQLiteConnection.open(storage: .memory)
        for migration in AgentRunsSchema.migrations(for: .sqlite) {
            for statement in migration.statements { _ = try await connection.query(statement) }
        }
        return connection
    }

    /// One lifecycle through `connection`.
    public static func run(on connection: SQLiteConnection) async throws {
        let row = PlainRow()
        _ = try await connection.query(PlainSQL.insert(placeholders: "?, ?, ?, ?, ?, ?"),
                                       [.text(row.id), .text("chat"), .text("queued"), .text(row.started), .null, .null])
        _ = try await connection.query(PlainSQL.markRunning(placeholders: ("?", "?")), [.text("running"), .text(row.id)])
        _ = try await connection.query(PlainSQL.finish(placeholders: ("?", "?", "?", "?")),
                                       [.text("success"), .text(row.finished), .integer(row.durationMs), .text(row.id)])
    }

    /// A migrated PostgreSQL store on an empty `agent_runs` table, and the task running its pool (cancel
    /// it to stop). The plain lifecycle uses the store's client, so both sides share one pool.
    public static func openPostgres(_ url: String) async throws -> (store: PostgresRunStore, pool: Task<Void, Never>) {
        let store = try PostgresRunStore(url: url)
        let pool = Task { await store.run() }
        try await store.migrate()
        try await store.client.query("TRUNCATE agent_runs")
        return (store, pool)
    }

    /// One lifecycle through `client`.
    public static func run(on client: PostgresClient) async throws {
        let row = PlainRow()
        try await client.query(PostgresQuery(unsafeSQL: PlainSQL.insert(placeholders: "$1, $2, $3, $4, $5, $6"),
                                             binds: binds(row.id, "chat", "queued", row.started, nil, nil)))
        try await client.query(PostgresQuery(unsafeSQL: PlainSQL.markRunning(placeholders: ("$1", "$2")),
                                             binds: binds("running", row.id)))
        var finish = binds("success", row.finished)
        finish.append(row.durationMs)
        finish.append(row.id)
        try await client.query(PostgresQuery(unsafeSQL: PlainSQL.finish(placeholders: ("$1", "$2", "$3", "$4")),
                                             binds: finish))
    }
}

/// The values one plain lifecycle writes: the same id and times a tracker makes.
private struct PlainRow {
    let id = UUID().uuidString.lowercased()
    let started = RunTimestamp.text(Date())
    let finished = RunTimestamp.text(Date())
    let durationMs = 0
}

/// The three statements a hand-written tracker would run.
private enum PlainSQL {
    static func insert(placeholders: String) -> String {
        "INSERT INTO agent_runs (id, source, status, started_at, source_ref, session_id) VALUES (\(placeholders))"
    }

    static func markRunning(placeholders p: (String, String)) -> String {
        "UPDATE agent_runs SET status = \(p.0) WHERE id = \(p.1) AND status = 'queued'"
    }

    static func finish(placeholders p: (String, String, String, String)) -> String {
        "UPDATE agent_runs SET status = \(p.0), finished_at = \(p.1), duration_ms = \(p.2) "
            + "WHERE id = \(p.3) AND finished_at IS NULL"
    }
}

private func binds(_ values: String?...) -> PostgresBindings {
    var bindings = PostgresBindings(capacity: values.count + 2)
    for value in values {
        if let value { bindings.append(value) } else { bindings.appendNull() }
    }
    return bindings
}
