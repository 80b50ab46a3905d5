import ContractRunStoreSQLite
import ContractRunTracking
import Foundation
import RunStoreTestSupport
import SQLiteNIO
import Testing

/// What opening an SQLite database may change: read-only and read-write access never create, migrate or
/// write; migrating refuses a database it must not change, and writes nothing to it then.
@Suite struct SQLiteRunStoreAccessTests {
    /// Another program's database: no `agent_runs`.
    static let foreign = ["CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)", "INSERT INTO notes (body) VALUES ('keep me')"]
    /// Another program's `agent_runs`, of another shape.
    static let otherShape = ["CREATE TABLE agent_runs (id INTEGER PRIMARY KEY, name TEXT, started_at TEXT)",
                             "INSERT INTO agent_runs (name, started_at) VALUES ('theirs', 'today')"]
    /// The runs table as the migration creates it, with no migrations table (written by another tool).
    static let unrecorded = AgentRunsSchema.migrations(for: .sqlite)[0].statements

    private func refusal(_ statements: [String], access: RunStoreAccess) async throws -> (any Error, changed: Bool) {
        let file = try await SQLiteFile.make(statements)
        defer { file.remove() }
        let before = try await file.snapshot()
        var refusal: (any Error)?
        do {
            let store = try await SQLiteRunStore.open(path: file.path, access: access)
            try await store.close()
        } catch {
            refusal = error
        }
        let after = try await file.snapshot()
        return (try #require(refusal, "opened with \(access)"), before != after)
    }

    @Test(arguments: [RunStoreAccess.readOnly, .readWrite])
    func aDatabaseWithoutRunsIsRefusedAndLeftAsItWas(_ access: RunStoreAccess) async throws {
        let (error, changed) = try await refusal(Self.foreign, access: access)
        #expect(error as? RunSchemaError == .noRunsTable(recordedVersion: nil))
        #expect(!changed)
    }

    @Test(arguments: [RunStoreAccess.readOnly, .readWrite])
    func aRunsTableWithoutARecordedVersionIsRefusedAsOlder(_ access: RunStoreAccess) async throws {
        let (error, changed) = try await refusal(Self.unrecorded, access: access)
        #expect(error as? RunSchemaError == .olderVersion(found: 0, current: 1))
        #expect(!changed)
    }

    @Test(arguments: [RunStoreAccess.readOnly, .readWrite, .migrate])
    func anAgentRunsTableOfAnotherShapeIsRefusedAndLeftAsItWas(_ access: RunStoreAccess) async throws {
        let (error, changed) = try await refusal(Self.otherShape, access: access)
        #expect(error as? RunSchemaError == .otherShape([
            "column id is INTEGER, expected TEXT", "column source is missing", "column source_ref is missing",
            "column session_id is missing", "column status is missing", "column started_at is nullable, expected NOT NULL",
            "column finished_at is missing", "column duration_ms is missing", "column error_code is missing",
            "column error_message is missing", "column metadata is missing", "unexpected column name",
        ]))
        #expect(!changed)
    }

    @Test(arguments: [RunStoreAccess.readOnly, .readWrite, .migrate])
    func aNewerSchemaVersionIsRefusedAndLeftAsItWas(_ access: RunStoreAccess) async throws {
        let statements = Self.unrecorded + [AgentRunsSchema.createMigrationsTable,
                                            "INSERT INTO contract_run_migrations VALUES (1, 'one', 'then'), (2, 'two', 'later')"]
        let (error, changed) = try await refusal(statements, access: access)
        #expect(error as? RunSchemaError == .newerVersion(found: 2, known: 1))
        #expect(!changed)
    }

    @Test func aDroppedRunsTableIsNotRecreatedBehindTheRecordedVersion() async throws {
        let statements = [AgentRunsSchema.createMigrationsTable, "INSERT INTO contract_run_migrations VALUES (1, 'one', 'then')"]
        let (error, changed) = try await refusal(statements, access: .migrate)
        #expect(error as? RunSchemaError == .noRunsTable(recordedVersion: 1))
        #expect(!changed)
    }

    @Test func readOnlyAccessToACurrentDatabaseReadsAndRefusesWrites() async throws {
        let path = SQLiteFile.newPath()
        defer { SQLiteFile(path: path).remove() }
        try await SQLiteRunStore.initialize(path: path)
        let writer = try await SQLiteRunStore.open(path: path)
        try await RunFixtures.running(RunFixtures.queued("kept"), in: writer)
        try await writer.close()
        let before = try await SQLiteFile(path: path).snapshot()

        let reader = try await SQLiteRunStore.open(path: path, access: .readOnly)
        #expect(try await reader.get(id: "kept")?.status == .running)
        #expect(try await reader.list(RunQuery()).runs.map(\.id) == ["kept"])
        await #expect(throws: SQLiteError.self) { try await reader.create(RunFixtures.queued("refused")) }
        await #expect(throws: SQLiteError.self) { try await reader.sweepStale(olderThan: .zero, now: Date()) }
        try await reader.close()
        #expect(try await SQLiteFile(path: path).snapshot() == before)
    }

    @Test func readWriteAccessWritesRowsOfACurrentDatabase() async throws {
        let path = SQLiteFile.newPath()
        defer { SQLiteFile(path: path).remove() }
        try await SQLiteRunStore.initialize(path: path)
        let store = try await SQLiteRunStore.open(path: path, access: .readWrite)
        try await RunFixtures.running(RunFixtures.queued("stale"), in: store)
        #expect(try await store.sweepStale(olderThan: .zero, now: Date()).swept.map(\.id) == ["stale"])
        try await store.close()
    }

    @Test(arguments: [RunStoreAccess.readOnly, .readWrite])
    func aMissingFileIsNotCreated(_ access: RunStoreAccess) async throws {
        let path = SQLiteFile.newPath()
        await #expect(throws: SQLiteError.self) { try await SQLiteRunStore.open(path: path, access: access) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func initializingCreatesTheTableOnceAndThenChangesNothing() async throws {
        let file = SQLiteFile(path: SQLiteFile.newPath())
        defer { file.remove() }
        #expect(try await SQLiteRunStore.initialize(path: file.path)
                == AgentRunsMigrationResult(previousVersion: 0, version: 1, createdTable: true))
        let before = try await file.snapshot()
        let again = try await SQLiteRunStore.initialize(path: file.path)
        #expect(again == AgentRunsMigrationResult(previousVersion: 1, version: 1, createdTable: false))
        #expect(!again.changedDatabase)
        #expect(try await file.snapshot() == before)
    }

    @Test func initializingAdoptsARunsTableOfTheRightShapeAndKeepsItsRows() async throws {
        let file = try await SQLiteFile.make(Self.unrecorded + [
            "INSERT INTO agent_runs (id, source, status, started_at) VALUES ('theirs', 'chat', 'queued', '2026-01-01T00:00:00.000000Z')",
        ])
        defer { file.remove() }
        #expect(try await SQLiteRunStore.initialize(path: file.path)
                == AgentRunsMigrationResult(previousVersion: 0, version: 1, createdTable: false))
        let store = try await SQLiteRunStore.open(path: file.path, access: .readOnly)
        #expect(try await store.get(id: "theirs")?.source == .chat)
        try await store.close()
    }

    @Test func initializingAnotherProgramsDatabaseAddsTheRunsTablesBesideItsOwn() async throws {
        let file = try await SQLiteFile.make(Self.foreign)
        defer { file.remove() }
        try await SQLiteRunStore.initialize(path: file.path)
        let tables = try await file.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            .compactMap { $0.column("name")?.string }
        #expect(tables == ["agent_runs", "contract_run_migrations", "notes"])
        #expect(try await file.execute("SELECT body FROM notes").first?.column("body")?.string == "keep me")
    }

    @Test(arguments: ["odd ?#%&=名.sqlite", "file:x.sqlite?mode=memory", "-dash.sqlite", "semi;colon'quote\".sqlite"])
    func aPathIsOpenedAsWrittenNeverAsAURI(_ name: String) async throws {
        let path = SQLiteFile.newPath(name)
        defer { SQLiteFile(path: path).remove() }
        try await SQLiteRunStore.initialize(path: path)
        #expect(FileManager.default.fileExists(atPath: path))
        let store = try await SQLiteRunStore.open(path: path, access: .readOnly)
        #expect(try await store.schemaVersion() == 1)
        try await store.close()
    }
}
