import ContractRunStoreSQLite
import ContractRunTracking
import Foundation
import Testing

@Suite struct SQLiteRunStoreTests {
    private func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("agent-runs-\(UUID().uuidString).sqlite").path
    }

    @Test func openingMigratesToTheLatestVersion() async throws {
        let store = try await SQLiteRunStore.open(path: ":memory:")
        #expect(try await store.schemaVersion() == AgentRunsSchema.latestVersion)
        try await store.close()
    }

    @Test func runsSurviveReopeningTheFileWithoutMigratingAgain() async throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let first = try await SQLiteRunStore.open(path: path)
        try await first.create(RunFixtures.queued("kept"))
        try await first.close()
        let second = try await SQLiteRunStore.open(path: path)
        #expect(try await second.get(id: "kept") == RunFixtures.queued("kept"))
        #expect(try await second.schemaVersion() == 1)
        try await second.close()
    }

    @Test func theMigrationDefinesTheSeedsTableAndItsThreeIndexes() {
        let sql = AgentRunsSchema.migrations(for: .sqlite).flatMap(\.statements).joined(separator: "\n")
        for column in ["id TEXT PRIMARY KEY", "source TEXT NOT NULL", "source_ref TEXT", "session_id TEXT",
                       "status TEXT NOT NULL", "started_at TEXT NOT NULL", "finished_at TEXT", "duration_ms BIGINT",
                       "error_code TEXT", "error_message TEXT", "metadata TEXT"] {
            #expect(sql.contains(column), "missing column \(column)")
        }
        #expect(sql.contains("idx_agent_runs_source_started_at ON agent_runs (source, started_at DESC)"))
        #expect(sql.contains("idx_agent_runs_session_started_at ON agent_runs (session_id, started_at DESC)"))
        #expect(sql.contains("idx_agent_runs_status_started_at ON agent_runs (status, started_at DESC)"))
    }

    @Test func theFinishStatementIsGuardedByFinishedAtIsNull() throws {
        let statement = try AgentRunsSQL(placeholder: .questionMark)
            .finish(id: "r", with: .success(finishedAt: RunFixtures.epoch, durationMs: 1))
        #expect(statement.sql.contains("WHERE id = ? AND finished_at IS NULL"))
    }
}

@Suite struct RunTimestampTests {
    @Test func storedTextIsFixedWidthSoItSortsLikeTheTime() {
        let times = [0, 0.5, 0.000_001, 59.999_999, 86_400].map { RunFixtures.epoch.addingTimeInterval($0) }
        let texts = times.map(RunTimestamp.text)
        #expect(Set(texts.map(\.count)) == [27])
        #expect(texts.sorted() == times.sorted().map(RunTimestamp.text))
        #expect(RunTimestamp.text(RunFixtures.epoch) == "2026-02-25T06:13:20.000000Z")
    }

    @Test func storedTextReadsBackAsTheSameTime() {
        let time = RunTimestamp.normalized(Date())
        #expect(RunTimestamp.date(RunTimestamp.text(time)) == time)
    }
}
