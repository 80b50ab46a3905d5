import ContractRunStorePostgres
import ContractRunTracking
import Foundation
import Testing

// The same behaviours (RunStoreContract.swift) against every store.

@Suite("InMemoryRunStore keeps the run store contract")
struct InMemoryRunStoreContractTests {
    @Test(arguments: RunStoreBehaviour.allCases)
    func behaves(_ behaviour: RunStoreBehaviour) async throws {
        try await StoreKind.inMemory.withStore { try await behaviour.check($0) }
    }
}

@Suite("SQLiteRunStore in memory keeps the run store contract")
struct SQLiteMemoryRunStoreContractTests {
    @Test(arguments: RunStoreBehaviour.allCases)
    func behaves(_ behaviour: RunStoreBehaviour) async throws {
        try await StoreKind.sqliteMemory.withStore { try await behaviour.check($0) }
    }
}

@Suite("SQLiteRunStore in a file keeps the run store contract")
struct SQLiteFileRunStoreContractTests {
    @Test(arguments: RunStoreBehaviour.allCases)
    func behaves(_ behaviour: RunStoreBehaviour) async throws {
        try await StoreKind.sqliteFile.withStore { try await behaviour.check($0) }
    }
}

/// Serialized: the tests share one database and each starts from an empty `agent_runs`.
@Suite("PostgresRunStore keeps the run store contract", .serialized,
       .enabled(if: PostgresTestDatabase.isConfigured, PostgresTestDatabase.skipReason))
struct PostgresRunStoreContractTests {
    @Test(arguments: RunStoreBehaviour.allCases)
    func behaves(_ behaviour: RunStoreBehaviour) async throws {
        try await StoreKind.postgres.withStore { try await behaviour.check($0) }
    }

    @Test func twoTrackersWithSeparateConnectionsFinishARunExactlyOnce() async throws {
        let url = try #require(PostgresTestDatabase.url)
        try await PostgresRunStore.withStore(url: url) { first in
            try await first.client.query("TRUNCATE agent_runs")
            try await PostgresRunStore.withStore(url: url) { second in
                let run = try await RunFixtures.running(RunFixtures.queued("run-two-trackers"), in: first)
                let results = try await withThrowingTaskGroup(of: RunFinishResult.self) { group in
                    for index in 0..<1000 {
                        let store: any RunStore = index.isMultiple(of: 2) ? first : second
                        let completion = index.isMultiple(of: 3)
                            ? RunFixtures.success(after: run, seconds: Double(index))
                            : RunFixtures.failure(.internalError, after: run, seconds: Double(index))
                        group.addTask { try await store.finish(id: run.id, with: completion) }
                    }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
                #expect(results.filter(\.didFinish).count == 1)
                let fromFirst = try #require(try await first.get(id: run.id))
                #expect(try await second.get(id: run.id) == fromFirst)
                #expect(results.allSatisfy { $0.run == fromFirst })
            }
        }
    }

    @Test func twoTrackersRacingWithRunOnOneRunIDRecordOneOutcome() async throws {
        let url = try #require(PostgresTestDatabase.url)
        try await PostgresRunStore.withStore(url: url) { first in
            try await first.client.query("TRUNCATE agent_runs")
            try await PostgresRunStore.withStore(url: url) { second in
                // Two tracker instances given the same run id: one creates the run, the other's create is
                // refused (reported, body still runs), and exactly one terminal state is written.
                let failures = FailureLog()
                let configuration = RunTrackerConfiguration(makeRunID: { "shared-id" },
                                                            onRecordingFailure: { failures.append($0) })
                let trackers = [RunTracker(store: first, configuration: configuration),
                                RunTracker(store: second, configuration: configuration)]
                let values = try await withThrowingTaskGroup(of: Int.self) { group in
                    for (index, tracker) in trackers.enumerated() {
                        group.addTask { try await tracker.withRun(source: .chat) { index } }
                    }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
                #expect(values.sorted() == [0, 1])
                #expect(failures.stages == [.start])
                #expect(try await first.get(id: "shared-id")?.status == .success)
            }
        }
    }

    @Test func migratingTwiceKeepsTheSchemaVersion() async throws {
        let url = try #require(PostgresTestDatabase.url)
        try await PostgresRunStore.withStore(url: url) { store in
            try await store.migrate()
            let rows = try await store.client.query("SELECT indexname FROM pg_indexes WHERE tablename = 'agent_runs'")
            var names: [String] = []
            for try await name in rows.decode(String.self) { names.append(name) }
            #expect(Set(names).isSuperset(of: ["idx_agent_runs_source_started_at", "idx_agent_runs_session_started_at",
                                               "idx_agent_runs_status_started_at"]))
        }
    }
}
