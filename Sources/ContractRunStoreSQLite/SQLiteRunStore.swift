import ContractRunTracking
import ContractRuntime
import Foundation
import SQLiteNIO

/// A ``RunStore`` in an SQLite database file, or in memory (`:memory:`), through sqlite-nio.
///
/// Opening with ``RunStoreAccess/migrate`` (the default) applies the `agent_runs` migrations the database
/// lacks; the other accesses never create or migrate anything. One connection serves every call; SQLite
/// runs each statement atomically, so the guarded finish UPDATE lets exactly one caller write.
public final class SQLiteRunStore: RunStore {
    private let connection: SQLiteConnection
    private let sql = AgentRunsSQL(placeholder: .questionMark)

    private init(connection: SQLiteConnection) {
        self.connection = connection
    }

    /// Opens the database at `path`, or an in-memory one for `:memory:`, as `access` allows:
    /// ``RunStoreAccess/migrate`` creates the file if needed and migrates it to
    /// ``AgentRunsSchema/latestVersion``; ``RunStoreAccess/readWrite`` and ``RunStoreAccess/readOnly``
    /// need an existing file and throw ``RunSchemaError`` unless it holds the current `agent_runs`
    /// (read-only opens the file read-only, so nothing in it can change).
    public static func open(path: String, access: RunStoreAccess = .migrate) async throws -> SQLiteRunStore {
        let store = try await connect(path: path, access: access)
        do {
            switch access {
            case .migrate: try await store.migrate()
            case .readWrite, .readOnly: try await store.inspect().checkUsable()
            }
        } catch {
            try? await store.close()
            throw error
        }
        return store
    }

    /// Creates the database at `path` if needed and brings it to the latest runs schema (what
    /// `contractgen runs init` does); throws ``RunSchemaError`` for a database it must not change.
    @discardableResult
    public static func initialize(path: String) async throws -> AgentRunsMigrationResult {
        let store = try await connect(path: path, access: .migrate)
        let result: AgentRunsMigrationResult
        do {
            result = try await store.migrate()
        } catch {
            try? await store.close()
            throw error
        }
        try await store.close()
        return result
    }

    private static func connect(path: String, access: RunStoreAccess) async throws -> SQLiteRunStore {
        let storage: SQLiteConnection.Storage = path == ":memory:" ? .memory : .file(path: fileURI(path, access: access))
        let connection = try await SQLiteConnection.open(storage: storage)
        do {
            _ = try await connection.query("PRAGMA busy_timeout = 5000")
        } catch {
            try? await connection.close()
            throw error
        }
        return SQLiteRunStore(connection: connection)
    }

    /// `path` as an SQLite URI filename with the open mode `access` allows: `ro` (read-only), `rw`
    /// (an existing file) or `rwc` (created if missing). sqlite-nio opens with `SQLITE_OPEN_URI`, so a
    /// path is always passed in this form; a plain path such as `file:x?mode=memory` would be read as a URI.
    static func fileURI(_ path: String, access: RunStoreAccess) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var encoded = ""
        for byte in absolute.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                 UInt8(ascii: "~"), UInt8(ascii: "/"):
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                encoded += (byte < 0x10 ? "%0" : "%") + String(byte, radix: 16, uppercase: true)
            }
        }
        let mode = switch access {
        case .migrate: "rwc"
        case .readWrite: "rw"
        case .readOnly: "ro"
        }
        return "file://\(encoded)?mode=\(mode)"
    }

    /// Closes the connection; the store must not be used afterwards.
    public func close() async throws {
        try await connection.close()
    }

    /// The schema version the database records (0 when none).
    public func schemaVersion() async throws -> Int {
        let rows = try await connection.query("SELECT MAX(version) AS version FROM \(AgentRunsSchema.migrationsTable)")
        return rows.first?.column("version")?.integer ?? 0
    }

    /// What the database holds of the runs schema, read with queries only.
    public func inspect() async throws -> AgentRunsSchemaState {
        let objects = try await connection.query(
            "SELECT lower(name) AS name FROM sqlite_master WHERE type IN ('table', 'view') AND lower(name) IN (?, ?)",
            [.text("agent_runs"), .text(AgentRunsSchema.migrationsTable)])
        let names = Set(objects.compactMap { $0.column("name")?.string })
        var columns: [AgentRunsSchema.Column]?
        if names.contains("agent_runs") {
            columns = try await connection.query("PRAGMA table_info(agent_runs)").map { row in
                AgentRunsSchema.Column(name: row.column("name")?.string ?? "",
                                       declaredType: row.column("type")?.string ?? "",
                                       notNull: (row.column("notnull")?.integer ?? 0) != 0,
                                       primaryKey: (row.column("pk")?.integer ?? 0) != 0)
            }
        }
        let version = names.contains(AgentRunsSchema.migrationsTable) ? try await schemaVersion() : nil
        return AgentRunsSchemaState(columns: columns, recordedVersion: version)
    }

    /// Applies the migrations the database lacks, after checking that it may (``RunSchemaError``
    /// otherwise, with nothing written). BEGIN IMMEDIATE takes the write lock first, so two processes
    /// opening one file migrate once, and a refusal rolls back even the migrations table.
    @discardableResult
    public func migrate() async throws -> AgentRunsMigrationResult {
        _ = try await connection.query("BEGIN IMMEDIATE")
        do {
            let (pending, result) = try AgentRunsSchema.pendingMigrations(for: try await inspect(), dialect: .sqlite)
            if !pending.isEmpty {
                _ = try await connection.query(AgentRunsSchema.createMigrationsTable)
            }
            for migration in pending {
                for statement in migration.statements { _ = try await connection.query(statement) }
                _ = try await connection.query(
                    "INSERT INTO \(AgentRunsSchema.migrationsTable) (version, name, applied_at) VALUES (?, ?, ?)",
                    [.integer(migration.version), .text(migration.name), .text(RunTimestamp.text(Date()))])
            }
            _ = try await connection.query("COMMIT")
            return result
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
        if let running = try await execute(sql.markRunning(id: id)).first { return try running.get() }
        guard let stored = try await get(id: id) else { throw RunStoreError.notFound(id) }
        throw RunStoreError.refusedMove(from: stored.status, to: .running)
    }

    public func finish(id: String, with completion: RunCompletion) async throws -> RunFinishResult {
        try completion.validate()
        if let finished = try await execute(sql.finish(id: id, with: completion)).first {
            return RunFinishResult(run: try finished.get(), didFinish: true)
        }
        return try unfinishedResult(id: id, stored: try await get(id: id), completion: completion)
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

    private func execute(_ statement: RunSQLStatement) async throws -> [StoredRun] {
        try await connection.query(statement.sql, Self.binds(statement)).map(Self.storedRun(from:))
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

    /// The row as SQLite stores it: any column may hold any kind of value, whatever its declared type.
    private static func storedRun(from row: SQLiteRow) -> StoredRun {
        StoredRun { name in
            switch row.column(name) {
            case nil, .null?: .null
            case .text(let text)?: .text(text)
            case .integer(let number)?: .integer(Int64(number))
            case .float(let number)?: .other("the real number \(number)")
            case .blob(let bytes)?: .other("a blob of \(bytes.readableBytes) bytes")
            }
        }
    }
}
