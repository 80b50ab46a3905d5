import ContractRunTracking
import ContractRuntime
import Foundation
import PostgresNIO

/// A ``RunStore`` in PostgreSQL, through postgres-nio's `PostgresClient` (a connection pool).
///
/// The pool runs while ``run()`` runs: put the store in the service's task group, or use
/// ``withStore(url:access:_:)``, which runs it around a closure. Concurrent finishes of one run, from any
/// number of connections or processes, are serialized by the row lock of the guarded UPDATE: the first
/// writes, the others re-check `finished_at IS NULL` after it commits, write nothing and read its result.
public final class PostgresRunStore: RunStore {
    /// The pool; exposed so a service can share it.
    public let client: PostgresClient
    private let sql = AgentRunsSQL(placeholder: .dollarNumbered)
    private let logger = Logger(label: "ExecutionContracts.PostgresRunStore")

    /// A store over a pool built from `configuration`.
    public init(configuration: PostgresClient.Configuration) {
        self.client = PostgresClient(configuration: configuration)
    }

    /// A store for `url` (see ``PostgresURL``); with ``RunStoreAccess/readOnly`` every session of the
    /// pool is read-only (`default_transaction_read_only`), so the server refuses any write.
    public convenience init(url: String, access: RunStoreAccess = .migrate) throws {
        var configuration = try PostgresURL(url).configuration
        if access == .readOnly {
            configuration.options.additionalStartupParameters.append(("default_transaction_read_only", "on"))
        }
        self.init(configuration: configuration)
    }

    /// Runs the connection pool until the calling task is cancelled.
    public func run() async {
        await client.run()
    }

    /// Runs a store for `url` around `body`: starts the pool, prepares the database as `access` allows
    /// (``RunStoreAccess/migrate`` migrates it; the other accesses throw ``RunSchemaError`` unless it
    /// holds the current `agent_runs`, and never create or migrate), calls `body`, then stops the pool.
    public static func withStore<R: Sendable>(url: String, access: RunStoreAccess = .migrate,
                                              _ body: @Sendable (PostgresRunStore) async throws -> R) async throws -> R {
        try await withRunningPool(url: url, access: access) { store in
            switch access {
            case .migrate: try await store.migrate()
            case .readWrite, .readOnly: try await store.inspect().checkUsable()
            }
            return try await body(store)
        }
    }

    /// Brings the database at `url` to the latest runs schema (what `contractgen runs init` does);
    /// throws ``RunSchemaError`` for a database it must not change.
    @discardableResult
    public static func initialize(url: String) async throws -> AgentRunsMigrationResult {
        try await withRunningPool(url: url, access: .migrate) { try await $0.migrate() }
    }

    private static func withRunningPool<R: Sendable>(url: String, access: RunStoreAccess,
                                                     _ body: @Sendable (PostgresRunStore) async throws -> R) async throws -> R {
        let store = try PostgresRunStore(url: url, access: access)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await store.run() }
            defer { group.cancelAll() }
            return try await body(store)
        }
    }

    /// What the database holds of the runs schema, read with queries only (`agent_runs` and the
    /// migrations table as the search path finds them, as every statement of the store does).
    public func inspect() async throws -> AgentRunsSchemaState {
        try await client.withConnection { connection in try await Self.inspect(connection, logger: logger) }
    }

    private static func inspect(_ connection: PostgresConnection, logger: Logger) async throws -> AgentRunsSchemaState {
        var hasTable = false, hasMigrations = false
        for try await (table, migrations) in try await connection.query("""
            SELECT to_regclass('agent_runs') IS NOT NULL, to_regclass(\(AgentRunsSchema.migrationsTable)) IS NOT NULL
            """, logger: logger).decode((Bool, Bool).self) {
            (hasTable, hasMigrations) = (table, migrations)
        }
        var columns: [AgentRunsSchema.Column]?
        if hasTable {
            var found: [AgentRunsSchema.Column] = []
            for try await (name, type, notNull, primaryKey) in try await connection.query("""
                SELECT a.attname::text, format_type(a.atttypid, a.atttypmod), a.attnotnull,
                       EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = a.attrelid AND i.indisprimary
                               AND a.attnum = ANY (i.indkey))
                FROM pg_attribute a
                WHERE a.attrelid = to_regclass('agent_runs') AND a.attnum > 0 AND NOT a.attisdropped
                ORDER BY a.attnum
                """, logger: logger).decode((String, String, Bool, Bool).self) {
                found.append(AgentRunsSchema.Column(name: name, declaredType: type, notNull: notNull, primaryKey: primaryKey))
            }
            columns = found
        }
        var version: Int?
        if hasMigrations {
            for try await recorded in try await connection.query(
                "SELECT COALESCE(MAX(version), 0)::bigint FROM \(unescaped: AgentRunsSchema.migrationsTable)", logger: logger
            ).decode(Int64.self) {
                version = Int(clamping: recorded)
            }
        }
        return AgentRunsSchemaState(columns: columns, recordedVersion: version)
    }

    /// Applies the `agent_runs` migrations the database lacks, under an advisory lock so concurrent
    /// processes migrate once, after checking that it may (``RunSchemaError`` otherwise, in the same
    /// transaction, so nothing is written).
    @discardableResult
    public func migrate() async throws -> AgentRunsMigrationResult {
        do {
            return try await migrateInTransaction()
        } catch let error as PostgresTransactionError {
            // Rolled back: what went wrong inside (a refusal, a failed statement) is the error to report.
            if error.rollbackError == nil, let inner = error.closureError { throw inner }
            throw error
        }
    }

    private func migrateInTransaction() async throws -> AgentRunsMigrationResult {
        let logger = self.logger
        return try await client.withTransaction(logger: logger) { connection in
            // Any constant works; it only has to be the same for every migrating process.
            try await connection.query("SELECT pg_advisory_xact_lock(7340271)", logger: logger)
            let state = try await Self.inspect(connection, logger: logger)
            let (pending, result) = try AgentRunsSchema.pendingMigrations(for: state, dialect: .postgres)
            if !pending.isEmpty {
                try await connection.query(PostgresQuery(unsafeSQL: AgentRunsSchema.createMigrationsTable), logger: logger)
            }
            for migration in pending {
                for statement in migration.statements {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                let version = Int32(migration.version)
                try await connection.query("""
                    INSERT INTO \(unescaped: AgentRunsSchema.migrationsTable) (version, name, applied_at)
                    VALUES (\(version), \(migration.name), \(RunTimestamp.text(Date())))
                    """, logger: logger)
            }
            return result
        }
    }

    public func create(_ run: AgentRun) async throws {
        try RunStoreError.checkNew(run)
        let rows = try await uncancellable { [self] in try await execute(sql.insert(AgentRunRecord(run))) }
        guard !rows.isEmpty else { throw RunStoreError.duplicateID(run.id) }
    }

    public func markRunning(id: String) async throws -> AgentRun {
        if let running = try await uncancellable({ [self] in try await execute(sql.markRunning(id: id)) }).first {
            return try running.get()
        }
        guard let stored = try await get(id: id) else { throw RunStoreError.notFound(id) }
        throw RunStoreError.refusedMove(from: stored.status, to: .running)
    }

    public func finish(id: String, with completion: RunCompletion) async throws -> RunFinishResult {
        try completion.validate()
        let statement = try sql.finish(id: id, with: completion)
        if let finished = try await uncancellable({ [self] in try await execute(statement) }).first {
            return RunFinishResult(run: try finished.get(), didFinish: true)
        }
        return try unfinishedResult(id: id, stored: try await get(id: id), completion: completion)
    }

    /// Runs a write in a task of its own: the pool stops waiting for a connection when the calling task
    /// is cancelled, and a started write must not be lost that way (see ``RunStore``).
    private func uncancellable<R: Sendable>(_ write: @escaping @Sendable () async throws -> R) async throws -> R {
        try await Task { try await write() }.value
    }

    public func get(id: String) async throws -> AgentRun? {
        try await execute(sql.select(id: id)).first?.get()
    }

    public func list(_ query: RunQuery) async throws -> RunPage {
        RunPage(rowsPlusOne: try await execute(sql.list(query)), limit: query.effectiveLimit)
    }

    public func sweepStale(olderThan threshold: Duration, now: Date) async throws -> RunSweep {
        let cutoff = RunStoreDefaults.staleCutoff(olderThan: threshold, now: now)
        return try await sweepCandidates(try await execute(sql.staleCandidates(startedBefore: cutoff)), now: now)
    }

    public func start(_ run: AgentRun) async throws -> AgentRun {
        try await sqlStart(run, sql: sql) { statement in try await uncancellable { [self] in try await rowCount(statement) } }
    }

    public func finish(_ run: AgentRun, with completion: RunCompletion) async throws -> RunFinishResult {
        try await sqlFinish(run, with: completion, sql: sql) { statement in
            try await uncancellable { [self] in try await rowCount(statement) }
        }
    }

    private func execute(_ statement: RunSQLStatement) async throws -> [StoredRun] {
        var runs: [StoredRun] = []
        for try await row in try await query(statement) {
            runs.append(Self.storedRun(from: row))
        }
        return runs
    }

    /// Runs `statement` and returns how many rows it returned, without decoding them.
    private func rowCount(_ statement: RunSQLStatement) async throws -> Int {
        var count = 0
        for try await _ in try await query(statement) { count += 1 }
        return count
    }

    private func query(_ statement: RunSQLStatement) async throws -> PostgresRowSequence {
        var bindings = PostgresBindings(capacity: statement.binds.count)
        for value in statement.binds {
            switch value {
            case .text(let text): bindings.append(text)
            case .integer(let number): bindings.append(number)
            case .null: bindings.appendNull()
            }
        }
        return try await client.query(PostgresQuery(unsafeSQL: statement.sql, binds: bindings), logger: logger)
    }

    /// The row as PostgreSQL returns it: the shape check has made sure of the column types, so a value
    /// that does not decode is reported as the row's problem rather than failing the whole query.
    private static func storedRun(from row: PostgresRow) -> StoredRun {
        let cells = row.makeRandomAccess()
        return StoredRun { name in
            do {
                if name == "duration_ms" {
                    return try cells[name].decode(Int64?.self).map { .integer($0) } ?? .null
                }
                return try cells[name].decode(String?.self).map { .text($0) } ?? .null
            } catch {
                return .other("a value that does not decode (\(type(of: error)))")
            }
        }
    }
}
