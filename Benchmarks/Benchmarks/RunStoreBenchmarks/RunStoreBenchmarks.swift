import Benchmark
import ContractRunStores
import Foundation
import PostgresNIO
import SQLiteNIO

/// Full run lifecycles (create queued, mark running, finish) through `RunTracker.withRun`, next to the
/// same three writes as plain statements through the same driver: INSERT, UPDATE to running, and the
/// guarded finishing UPDATE. Issue target: the tracker costs at most 1.5× the plain statements.
///
/// SQLite runs in memory (a file would measure fsync, not the tracker). PostgreSQL runs when
/// CONTRACT_TEST_POSTGRES_URL is set (scripts/postgres-test-env.sh); both sides use the same server,
/// the same table and one connection pool.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .throughput, .mallocCountTotal],
                                           maxDuration: .seconds(5), maxIterations: 100_000)

    // MARK: In memory

    Benchmark("lifecycle: tracker, in-memory store") { benchmark in
        let tracker = RunTracker(store: InMemoryRunStore())
        for _ in benchmark.scaledIterations {
            try await tracker.withRun(source: .chat) { blackHole(1) }
        }
    }

    // MARK: SQLite

    Benchmark("lifecycle: tracker, SQLite :memory:") { benchmark in
        let store = try await SQLiteRunStore.open(path: ":memory:")
        let tracker = RunTracker(store: store)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            try await tracker.withRun(source: .chat) { blackHole(1) }
        }
        benchmark.stopMeasurement()
        try await store.close()
    }

    Benchmark("lifecycle: plain INSERT+UPDATE+UPDATE, SQLite :memory:") { benchmark in
        let connection = try await SQLiteConnection.open(storage: .memory)
        for migration in AgentRunsSchema.migrations(for: .sqlite) {
            for statement in migration.statements { _ = try await connection.query(statement) }
        }
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            let row = PlainRow()
            _ = try await connection.query(PlainSQL.insert(placeholders: "?, ?, ?, ?, ?, ?"),
                                           [.text(row.id), .text("chat"), .text("queued"), .text(row.started),
                                            .null, .null])
            _ = try await connection.query(PlainSQL.markRunning(placeholders: ("?", "?")), [.text("running"), .text(row.id)])
            _ = try await connection.query(PlainSQL.finish(placeholders: ("?", "?", "?", "?")),
                                           [.text("success"), .text(row.finished), .integer(row.durationMs), .text(row.id)])
        }
        benchmark.stopMeasurement()
        try await connection.close()
    }

    // MARK: PostgreSQL

    guard let url = ProcessInfo.processInfo.environment["CONTRACT_TEST_POSTGRES_URL"], !url.isEmpty else {
        print("RunStoreBenchmarks: CONTRACT_TEST_POSTGRES_URL is not set; the PostgreSQL benchmarks are skipped")
        return
    }

    Benchmark("lifecycle: tracker, PostgreSQL", configuration: .init(maxIterations: 20_000)) { benchmark in
        let (store, pool) = try await openPostgres(url)
        let tracker = RunTracker(store: store)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            try await tracker.withRun(source: .chat) { blackHole(1) }
        }
        benchmark.stopMeasurement()
        pool.cancel()
    }

    Benchmark("lifecycle: plain INSERT+UPDATE+UPDATE, PostgreSQL", configuration: .init(maxIterations: 20_000)) { benchmark in
        // The store only migrates and provides the same pool; the statements below bypass it.
        let (store, pool) = try await openPostgres(url)
        let client = store.client
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
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
        benchmark.stopMeasurement()
        pool.cancel()
    }
}

/// A migrated store on an empty `agent_runs` table, and the task running its pool (cancel it to stop).
private func openPostgres(_ url: String) async throws -> (PostgresRunStore, Task<Void, Never>) {
    let store = try PostgresRunStore(url: url)
    let pool = Task { await store.run() }
    try await store.migrate()
    try await store.client.query("TRUNCATE agent_runs")
    return (store, pool)
}

/// The values one plain lifecycle writes.
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
