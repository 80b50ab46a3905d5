import ContractRunStorePostgres
import ContractRunStoreSQLite
import ContractRunTracking
import Foundation
import Testing

/// The stores the shared contract suite runs against.
enum StoreKind: String, CaseIterable, Sendable, CustomStringConvertible {
    case inMemory = "in-memory"
    case sqliteMemory = "SQLite :memory:"
    case sqliteFile = "SQLite file"
    case postgres = "PostgreSQL"

    var description: String { rawValue }

    /// Calls `body` with a fresh, empty store of this kind, and closes it afterwards.
    func withStore(_ body: @Sendable (any RunStore) async throws -> Void) async throws {
        switch self {
        case .inMemory:
            try await body(InMemoryRunStore())
        case .sqliteMemory:
            let store = try await SQLiteRunStore.open(path: ":memory:")
            try await closing(store) { try await body(store) }
        case .sqliteFile:
            let path = FileManager.default.temporaryDirectory
                .appendingPathComponent("agent-runs-\(UUID().uuidString).sqlite").path
            defer { for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
            let store = try await SQLiteRunStore.open(path: path)
            try await closing(store) { try await body(store) }
        case .postgres:
            guard let url = PostgresTestDatabase.url else { throw PostgresTestDatabase.NotConfigured() }
            try await PostgresRunStore.withStore(url: url) { store in
                try await store.client.query("TRUNCATE agent_runs")
                try await body(store)
            }
        }
    }

    private func closing(_ store: SQLiteRunStore, _ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch {
            try? await store.close()
            throw error
        }
        try await store.close()
    }
}

/// The PostgreSQL the tests use: `CONTRACT_TEST_POSTGRES_URL`, e.g. from scripts/postgres-test-env.sh.
enum PostgresTestDatabase {
    static let variable = "CONTRACT_TEST_POSTGRES_URL"
    static var url: String? {
        guard let value = ProcessInfo.processInfo.environment[variable], !value.isEmpty else { return nil }
        return value
    }
    static var isConfigured: Bool { url != nil }
    static let skipReason: Comment = "CONTRACT_TEST_POSTGRES_URL is not set, so the PostgreSQL store tests are skipped; run `eval \"$(scripts/postgres-test-env.sh)\"` to set up a local PostgreSQL"

    struct NotConfigured: Error {}
}
