import Benchmark
import ContractRunStores
import Foundation
import RunStoreBaseline

/// Full run lifecycles (create queued, mark running, finish) through `RunTracker.withRun`, next to the
/// same three writes as plain statements through the same driver: INSERT, UPDATE to running, and the
/// guarded finishing UPDATE. Issue target: the tracker costs at most 1.5× the plain statements.
///
/// SQLite runs in memory (a file would measure fsync, not the tracker); each of its samples is 1,000
/// lifecycles on one connection and one growing table (`scalingFactor: .kilo`), so a sample measures the
/// steady state rather than one statement's thread wake-ups on a fresh database. PostgreSQL runs when
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

    let sqliteConfiguration = Benchmark.Configuration(scalingFactor: .kilo, maxDuration: .seconds(10),
                                                      maxIterations: 1_000)

    Benchmark("lifecycle: tracker, SQLite :memory:", configuration: sqliteConfiguration) { benchmark in
        let store = try await SQLiteRunStore.open(path: ":memory:")
        let tracker = RunTracker(store: store)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            try await tracker.withRun(source: .chat) { blackHole(1) }
        }
        benchmark.stopMeasurement()
        try await store.close()
    }

    Benchmark("lifecycle: store start+finish (no tracker), SQLite :memory:", configuration: sqliteConfiguration) { benchmark in
        let store = try await SQLiteRunStore.open(path: ":memory:")
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            let queued = AgentRun(id: UUID().uuidString.lowercased(), source: .chat, sourceRef: nil, sessionId: nil,
                                  status: .queued, startedAt: Date(), finishedAt: nil, durationMs: nil, errorCode: nil,
                                  errorMessage: nil, metadata: nil)
            let running = try await store.start(queued)
            blackHole(try await store.finish(running, with: .success(durationMs: 0)))
        }
        benchmark.stopMeasurement()
        try await store.close()
    }

    Benchmark("lifecycle: plain INSERT+UPDATE+UPDATE, SQLite :memory:", configuration: sqliteConfiguration) { benchmark in
        let connection = try await PlainLifecycle.openSQLite()
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            try await PlainLifecycle.run(on: connection)
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
        let (store, pool) = try await PlainLifecycle.openPostgres(url)
        let tracker = RunTracker(store: store)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            try await tracker.withRun(source: .chat) { blackHole(1) }
        }
        benchmark.stopMeasurement()
        pool.cancel()
    }

    Benchmark("lifecycle: plain INSERT+UPDATE+UPDATE, PostgreSQL", configuration: .init(maxIterations: 20_000)) { benchmark in
        // The store only migrates and provides the same pool; the statements bypass it.
        let (store, pool) = try await PlainLifecycle.openPostgres(url)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            try await PlainLifecycle.run(on: store.client)
        }
        benchmark.stopMeasurement()
        pool.cancel()
    }
}
