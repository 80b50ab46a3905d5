import ContractRunTracking
import ContractRuntime
import Foundation
import PostgresNIO

/// A ``RunStore`` in PostgreSQL, through postgres-nio's `PostgresClient` (a connection pool).
///
/// The pool runs while ``run()`` runs: put the store in the service's task group, or use
/// ``withStore(url:_:)``, which runs it around a closure. Concurrent finishes of one run, from any
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

    /// A store for `url`; see ``PostgresURL``.
    public convenience init(url: String) throws {
        self.init(configuration: try PostgresURL(url).configuration)
    }

    /// Runs the connection pool until the calling task is cancelled.
    public func run() async {
        await client.run()
    }

    /// Runs a store for `url` around `body`: starts the pool, migrates, calls `body`, then stops the pool.
    public static func withStore<R: Sendable>(url: String,
                                              _ body: @Sendable (PostgresRunStore) async throws -> R) async throws -> R {
        let store = try PostgresRunStore(url: url)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await store.run() }
            defer { group.cancelAll() }
            try await store.migrate()
            return try await body(store)
        }
    }

    /// Applies the `agent_runs` migrations the database lacks, under an advisory lock so concurrent
    /// processes migrate once.
    public func migrate() async throws {
        let logger = self.logger
        try await client.withTransaction(logger: logger) { connection in
            // Any constant works; it only has to be the same for every migrating process.
            try await connection.query("SELECT pg_advisory_xact_lock(7340271)", logger: logger)
            try await connection.query("""
                CREATE TABLE IF NOT EXISTS \(unescaped: AgentRunsSchema.migrationsTable) (
                    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)
                """, logger: logger)
            var current = 0
            for try await version in try await connection.query(
                "SELECT COALESCE(MAX(version), 0) FROM \(unescaped: AgentRunsSchema.migrationsTable)", logger: logger
            ).decode(Int32.self) {
                current = Int(version)
            }
            guard current <= AgentRunsSchema.latestVersion else {
                throw RunStoreError.unknownSchemaVersion(found: current, known: AgentRunsSchema.latestVersion)
            }
            for migration in AgentRunsSchema.migrations(for: .postgres) where migration.version > current {
                for statement in migration.statements {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                let version = Int32(migration.version)
                try await connection.query("""
                    INSERT INTO \(unescaped: AgentRunsSchema.migrationsTable) (version, name, applied_at)
                    VALUES (\(version), \(migration.name), \(RunTimestamp.text(Date())))
                    """, logger: logger)
            }
        }
    }

    public func create(_ run: AgentRun) async throws {
        try RunStoreError.checkNew(run)
        let rows = try await uncancellable { [self] in try await execute(sql.insert(AgentRunRecord(run))) }
        guard !rows.isEmpty else { throw RunStoreError.duplicateID(run.id) }
    }

    public func markRunning(id: String) async throws -> AgentRun {
        if let running = try await uncancellable({ [self] in try await execute(sql.markRunning(id: id)) }).first {
            return running
        }
        guard let stored = try await get(id: id) else { throw RunStoreError.notFound(id) }
        throw RunStoreError.refusedMove(from: stored.status, to: .running)
    }

    public func finish(id: String, with completion: RunCompletion) async throws -> RunFinishResult {
        try completion.validate()
        let statement = try sql.finish(id: id, with: completion)
        if let finished = try await uncancellable({ [self] in try await execute(statement) }).first {
            return RunFinishResult(run: finished, didFinish: true)
        }
        return try unfinishedResult(id: id, stored: try await get(id: id), completion: completion)
    }

    /// Runs a write in a task of its own: the pool stops waiting for a connection when the calling task
    /// is cancelled, and a started write must not be lost that way (see ``RunStore``).
    private func uncancellable<R: Sendable>(_ write: @escaping @Sendable () async throws -> R) async throws -> R {
        try await Task { try await write() }.value
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

    public func start(_ run: AgentRun) async throws -> AgentRun {
        try await sqlStart(run, sql: sql) { statement in try await uncancellable { [self] in try await rowCount(statement) } }
    }

    public func finish(_ run: AgentRun, with completion: RunCompletion) async throws -> RunFinishResult {
        try await sqlFinish(run, with: completion, sql: sql) { statement in
            try await uncancellable { [self] in try await rowCount(statement) }
        }
    }

    private func execute(_ statement: RunSQLStatement) async throws -> [AgentRun] {
        var runs: [AgentRun] = []
        for try await row in try await query(statement) {
            runs.append(try Self.run(from: row))
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

    private static func run(from row: PostgresRow) throws -> AgentRun {
        let cells = row.makeRandomAccess()
        return try AgentRunRecord.run(text: { try cells[$0].decode(String?.self) },
                                      durationMs: try cells["duration_ms"].decode(Int64?.self))
    }
}
