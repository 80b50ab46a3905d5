import ContractRunTracking
import ContractRuntime
import Foundation
import SQLiteNIO

/// A ``RunStore`` in an SQLite database file, or in memory (`:memory:`), through sqlite-nio.
///
/// Opening applies the `agent_runs` migrations the database lacks. One connection serves every call;
/// SQLite runs each statement atomically, so the guarded finish UPDATE lets exactly one caller write.
public final class SQLiteRunStore: RunStore {
    private let connection: SQLiteConnection
    private let sql = AgentRunsSQL(placeholder: .questionMark)

    private init(connection: SQLiteConnection) {
        self.connection = connection
    }

    /// Opens (creating if needed) the database at `path`, or an in-memory one for `:memory:`, and
    /// migrates it to ``AgentRunsSchema/latestVersion``.
    public static func open(path: String) async throws -> SQLiteRunStore {
        let storage: SQLiteConnection.Storage = path == ":memory:" ? .memory : .file(path: path)
        let connection = try await SQLiteConnection.open(storage: storage)
        let store = SQLiteRunStore(connection: connection)
        do {
            _ = try await connection.query("PRAGMA busy_timeout = 5000")
            try await store.migrate()
        } catch {
            try? await connection.close()
            throw error
        }
        return store
    }

    /// Closes the connection; the store must not be used afterwards.
    public func close() async throws {
        try await connection.close()
    }

    /// The schema version the database is at.
    public func schemaVersion() async throws -> Int {
        let rows = try await connection.query("SELECT MAX(version) AS version FROM \(AgentRunsSchema.migrationsTable)")
        return rows.first?.column("version")?.integer ?? 0
    }

    private func migrate() async throws {
        _ = try await connection.query("""
            CREATE TABLE IF NOT EXISTS \(AgentRunsSchema.migrationsTable) (
                version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)
            """)
        // BEGIN IMMEDIATE takes the write lock, so two processes opening one file migrate once.
        _ = try await connection.query("BEGIN IMMEDIATE")
        do {
            let current = try await schemaVersion()
            guard current <= AgentRunsSchema.latestVersion else {
                throw RunStoreError.unknownSchemaVersion(found: current, known: AgentRunsSchema.latestVersion)
            }
            for migration in AgentRunsSchema.migrations(for: .sqlite) where migration.version > current {
                for statement in migration.statements { _ = try await connection.query(statement) }
                _ = try await connection.query(
                    "INSERT INTO \(AgentRunsSchema.migrationsTable) (version, name, applied_at) VALUES (?, ?, ?)",
                    [.integer(migration.version), .text(migration.name), .text(RunTimestamp.text(Date()))])
            }
            _ = try await connection.query("COMMIT")
        } catch {
            _ = try? await connection.query("ROLLBACK")
            throw error
        }
    }

    public func create(_ run: AgentRun) async throws {
        try RunStoreError.checkNew(run)
        guard try await insert(AgentRunRecord(run)) else { throw RunStoreError.duplicateID(run.id) }
    }

    /// INSERTs a new row; false when the id exists. Without `ON CONFLICT … RETURNING` SQLite reports an
    /// existing id as a primary-key error, and the statement returns no row to read.
    private func insert(_ record: AgentRunRecord) async throws -> Bool {
        let statement = sql.insert(record, returning: nil)
        do {
            _ = try await rowCount(statement)
            return true
        } catch let error as SQLiteError where error.reason == .constraintPrimaryKeyFailed {
            return false
        }
    }

    public func markRunning(id: String) async throws -> AgentRun {
        if let running = try await execute(sql.markRunning(id: id)).first { return running }
        guard let stored = try await get(id: id) else { throw RunStoreError.notFound(id) }
        throw RunStoreError.refusedMove(from: stored.status, to: .running)
    }

    public func finish(id: String, with completion: RunCompletion) async throws -> RunFinishResult {
        try completion.validate()
        if let finished = try await execute(sql.finish(id: id, with: completion)).first {
            return RunFinishResult(run: finished, didFinish: true)
        }
        return try unfinishedResult(id: id, stored: try await get(id: id), completion: completion)
    }

    public func get(id: String) async throws -> AgentRun? {
        try await execute(sql.select(id: id)).first
    }

    public func list(_ query: RunQuery) async throws -> RunPage {
        RunPage(rowsPlusOne: try await execute(sql.list(query)), limit: query.effectiveLimit)
    }

    public func sweepStale(olderThan threshold: Duration, now: Date) async throws -> [AgentRun] {
        let cutoff = RunStoreDefaults.staleCutoff(olderThan: threshold, now: now)
        return try await sweepCandidates(try await execute(sql.staleCandidates(startedBefore: cutoff)), now: now)
    }

    /// ``create(_:)``, then the guarded UPDATE to running (`AND status = 'queued'`), neither with
    /// `RETURNING`: SQLite runs a `RETURNING` clause as a temporary trigger, which costs about as much
    /// as the statement itself. A duplicate id fails the INSERT; the UPDATE concerns the row this call
    /// has just inserted, so it is not read back (a row another writer changed meanwhile would still be
    /// refused by the guarded finish).
    public func start(_ run: AgentRun) async throws -> AgentRun {
        try await create(run)
        _ = try await rowCount(sql.markRunning(id: run.id, returning: nil))
        return run.startedRunning()
    }

    public func finish(_ run: AgentRun, with completion: RunCompletion) async throws -> RunFinishResult {
        try await sqlFinish(run, with: completion, sql: sql, write: rowCount)
    }

    private func execute(_ statement: RunSQLStatement) async throws -> [AgentRun] {
        try await connection.query(statement.sql, Self.binds(statement)).map(Self.run(from:))
    }

    /// Runs `statement` and returns how many rows it returned, without reading them.
    private func rowCount(_ statement: RunSQLStatement) async throws -> Int {
        try await connection.query(statement.sql, Self.binds(statement)).count
    }

    private static func binds(_ statement: RunSQLStatement) -> [SQLiteData] {
        statement.binds.map { value in
            switch value {
            case .text(let text): .text(text)
            case .integer(let number): .integer(Int(number))
            case .null: .null
            }
        }
    }

    private static func run(from row: SQLiteRow) throws -> AgentRun {
        try AgentRunRecord.run(text: { row.column($0)?.string },
                               durationMs: row.column("duration_ms")?.integer.map(Int64.init))
    }
}
