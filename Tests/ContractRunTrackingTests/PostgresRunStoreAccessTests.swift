import ContractRunStorePostgres
import ContractRunTracking
import Foundation
import RunStoreTestSupport
import PostgresNIO
import Testing

/// What opening a PostgreSQL database may change: read-only and read-write access run queries only and
/// create nothing; migrating refuses an `agent_runs` of another shape in the transaction that checks it.
@Suite("PostgresRunStore access", .enabled(if: PostgresTestDatabase.isConfigured, PostgresTestDatabase.skipReason))
struct PostgresRunStoreAccessTests {
    private func refusal(_ access: RunStoreAccess, in database: PostgresScratchDatabase) async throws -> any Error {
        do {
            try await PostgresRunStore.withStore(url: database.url, access: access) { _ in }
        } catch {
            return error
        }
        Issue.record("opened with \(access)")
        return CancellationError()
    }

    @Test(arguments: [RunStoreAccess.readOnly, .readWrite])
    func aFreshDatabaseIsRefusedAndGetsNoTable(_ access: RunStoreAccess) async throws {
        try await PostgresScratchDatabase.with { (database) async throws in
            #expect(try await refusal(access, in: database) as? RunSchemaError == .noRunsTable(recordedVersion: nil))
            #expect(try await database.userRelations() == [])
        }
    }

    @Test(arguments: [RunStoreAccess.readOnly, .readWrite, .migrate])
    func anAgentRunsTableOfAnotherShapeIsRefusedAndNothingIsAdded(_ access: RunStoreAccess) async throws {
        try await PostgresScratchDatabase.with { (database) async throws in
            try await database.execute("CREATE TABLE agent_runs (id BIGINT PRIMARY KEY, source TEXT, status TEXT NOT NULL)")
            let before = try await database.userRelations()
            let error = try await refusal(access, in: database)
            #expect(error as? RunSchemaError == .otherShape([
                "column id is bigint, expected TEXT", "column source is nullable, expected NOT NULL",
                "column source_ref is missing", "column session_id is missing", "column started_at is missing",
                "column finished_at is missing", "column duration_ms is missing", "column error_code is missing",
                "column error_message is missing", "column metadata is missing",
            ]))
            #expect(try await database.userRelations() == before)
        }
    }

    @Test func initializingCreatesTheTableOnceAndThenChangesNothing() async throws {
        try await PostgresScratchDatabase.with { (database) async throws in
            #expect(try await PostgresRunStore.initialize(url: database.url)
                    == AgentRunsMigrationResult(previousVersion: 0, version: 1, createdTable: true))
            let relations = try await database.userRelations()
            #expect(relations.contains("public.agent_runs") && relations.contains("public.contract_run_migrations"))
            #expect(try await PostgresRunStore.initialize(url: database.url)
                    == AgentRunsMigrationResult(previousVersion: 1, version: 1, createdTable: false))
            #expect(try await database.userRelations() == relations)
        }
    }

    @Test func readOnlySessionsReadAndTheServerRefusesTheirWrites() async throws {
        try await PostgresScratchDatabase.with { (database) async throws in
            _ = try await PostgresRunStore.withStore(url: database.url) { store in
                try await RunFixtures.running(RunFixtures.queued("kept"), in: store)
            }
            _ = try await PostgresRunStore.withStore(url: database.url, access: .readOnly) { (store) async throws in
                #expect(try await store.get(id: "kept")?.status == .running)
                await #expect(throws: PSQLError.self) { try await store.create(RunFixtures.queued("refused")) }
                await #expect(throws: PSQLError.self) { try await store.sweepStale(olderThan: .zero, now: Date()) }
            }
            #expect(try await database.strings("SELECT id || ':' || status FROM agent_runs") == ["kept:running"])
        }
    }

    @Test func listingReadsTheGoodRunsAndReportsEachBadRowWithItsProblem() async throws {
        try await PostgresScratchDatabase.with { (database) async throws in
            try await PostgresRunStore.initialize(url: database.url)
            try await database.execute("""
                INSERT INTO agent_runs (id, source, status, started_at, finished_at, duration_ms, metadata) VALUES
                ('good', 'chat', 'running', '2026-01-01T00:00:00.000000Z', NULL, NULL, NULL),
                ('bad-status', 'chat', 'done', '2026-01-01T00:00:01.000000Z', NULL, NULL, NULL),
                ('bad-time', 'chat', 'running', 'yesterday', NULL, NULL, NULL),
                ('bad-metadata', 'chat', 'running', '2026-01-01T00:00:02.000000Z', NULL, NULL, '[1,'),
                ('negative', 'chat', 'success', '2026-01-01T00:00:03.000000Z', '2026-01-01T00:00:04.000000Z', -1, NULL)
                """)
            _ = try await PostgresRunStore.withStore(url: database.url, access: .readOnly) { (store) async throws in
                let page = try await store.list(RunQuery())
                #expect(page.runs.map(\.id) == ["good"])
                #expect(page.unreadable == [
                    UnreadableRun(id: "bad-time", problems: ["started_at 'yesterday' is not an RFC 3339 time"]),
                    UnreadableRun(id: "negative", problems: [
                        "breaks rule duration_non_negative: duration_ms must not be negative."]),
                    UnreadableRun(id: "bad-metadata", problems: [
                        "metadata is not JSON: line 1, column 4 (byte 3) at $[1]: malformed_json: unexpected end of input; "
                            + "expected a value"]),
                    UnreadableRun(id: "bad-status", problems: [
                        "status 'done' is not one of queued, running, success, error, canceled, timeout"]),
                ])
                await #expect(throws: RunStoreError.self) { try await store.get(id: "bad-time") }
            }
        }
    }
}
