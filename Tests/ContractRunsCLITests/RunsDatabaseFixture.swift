import ContractRunStores
import ContractRuntime
import Foundation
import PostgresNIO

/// A fresh runs database for one test: an SQLite file in a temporary directory, or a PostgreSQL
/// database of its own (created on the server the store tests use), so sweeps touch no other test's runs.
struct RunsDatabaseFixture: Sendable {
    /// What `--database` gets.
    let location: String
    private let cleanup: @Sendable () async -> Void

    static func sqlite() -> RunsDatabaseFixture {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("runs-cli-\(UUID().uuidString).sqlite").path
        return RunsDatabaseFixture(location: path) {
            for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
    }

    /// A new database on the server named by CONTRACT_TEST_POSTGRES_URL; nil when that is not set.
    static func postgres() async throws -> RunsDatabaseFixture? {
        guard let base = PostgresTestServer.url, var components = URLComponents(string: base) else { return nil }
        let name = "runs_cli_\(UUID().uuidString.prefix(8).lowercased())"
        try await PostgresTestServer.execute("CREATE DATABASE \(name)", url: base)
        components.path = "/" + name
        let url = components.string!
        return RunsDatabaseFixture(location: url) {
            try? await PostgresTestServer.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)", url: base)
        }
    }

    /// Writes `runs` (queued, then moved to their status) into the database, creating it.
    func seed(_ runs: [AgentRun]) async throws {
        try await RunDatabase(location).withStore { store in
            for run in runs {
                var queued = run
                queued.status = .queued
                queued.finishedAt = nil
                queued.durationMs = nil
                queued.errorCode = nil
                queued.errorMessage = nil
                try await store.create(queued)
                guard run.status != .queued else { continue }
                _ = try await store.markRunning(id: run.id)
                guard run.status.isTerminal else { continue }
                _ = try await store.finish(id: run.id, with: RunCompletion(
                    status: run.status, finishedAt: run.finishedAt ?? run.startedAt, durationMs: run.durationMs ?? 0,
                    errorCode: run.errorCode, errorMessage: run.errorMessage))
            }
        }
    }

    /// The stored run with `id`.
    func get(_ id: String) async throws -> AgentRun? {
        try await RunDatabase(location).withStore { try await $0.get(id: id) }
    }

    func remove() async { await cleanup() }

    /// Calls `body` with a fresh fixture of each kind available (PostgreSQL only when configured).
    static func each(_ body: @Sendable (RunsDatabaseFixture) async throws -> Void) async throws {
        var fixtures = [sqlite()]
        if let postgres = try await postgres() { fixtures.append(postgres) }
        for fixture in fixtures {
            do {
                try await body(fixture)
            } catch {
                await fixture.remove()
                throw error
            }
            await fixture.remove()
        }
    }
}

/// The PostgreSQL server of the store tests: `CONTRACT_TEST_POSTGRES_URL` (scripts/postgres-test-env.sh).
enum PostgresTestServer {
    static var url: String? {
        guard let value = ProcessInfo.processInfo.environment["CONTRACT_TEST_POSTGRES_URL"], !value.isEmpty else { return nil }
        return value
    }

    /// Runs one statement outside a transaction (CREATE/DROP DATABASE need that).
    static func execute(_ sql: String, url: String) async throws {
        let client = PostgresClient(configuration: try PostgresURL(url).configuration)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            try await client.query(PostgresQuery(unsafeSQL: sql))
        }
    }
}

/// Runs for the tests: `count` runs a second apart, newest last, cycling through sources and statuses.
func sampleRuns(count: Int, startingAt start: Date = Date(timeIntervalSince1970: 1_790_000_000)) -> [AgentRun] {
    let statuses: [AgentRunStatus] = [.success, .running, .error, .queued, .canceled]
    return (0..<count).map { index in
        let status = statuses[index % statuses.count]
        let started = start.addingTimeInterval(Double(index))
        let code: RunErrorCode? = switch status {
        case .error: .providerUnavailable
        case .canceled: .canceled
        default: nil
        }
        return AgentRun(id: String(format: "run-%03d", index), source: RunSource.allCases[index % RunSource.allCases.count],
                        sourceRef: "ref-\(index)", sessionId: index % 2 == 0 ? "session-even" : "session-odd",
                        status: status, startedAt: started,
                        finishedAt: status.isTerminal ? started.addingTimeInterval(0.5) : nil,
                        durationMs: status.isTerminal ? 500 : nil, errorCode: code,
                        errorMessage: code?.defaultMessage, metadata: nil)
    }
}
