import ContractRunStorePostgres
import Foundation
import PostgresNIO

/// A database of its own on the test server (`CONTRACT_TEST_POSTGRES_URL`), for tests that must start
/// from an empty database or prove that nothing was created in one.
public struct PostgresScratchDatabase: Sendable {
    /// The test server's URL, when one is configured.
    public static var serverURL: String? {
        guard let value = ProcessInfo.processInfo.environment["CONTRACT_TEST_POSTGRES_URL"], !value.isEmpty else { return nil }
        return value
    }

    /// The URL of the new database.
    public let url: String
    private let serverURL: String
    private let name: String

    /// Creates an empty database; nil when no test server is configured.
    public static func make() async throws -> PostgresScratchDatabase? {
        guard let server = serverURL, var components = URLComponents(string: server) else { return nil }
        let name = "runs_scratch_\(UUID().uuidString.prefix(8).lowercased())"
        try await execute("CREATE DATABASE \(name)", url: server)
        components.path = "/" + name
        return PostgresScratchDatabase(url: components.string!, serverURL: server, name: name)
    }

    /// Runs `body` with a new database and drops it afterwards; throws when no server is configured.
    public static func with(_ body: @Sendable (PostgresScratchDatabase) async throws -> Void) async throws {
        guard let database = try await make() else { throw NotConfigured() }
        do {
            try await body(database)
        } catch {
            await database.drop()
            throw error
        }
        await database.drop()
    }

    /// Runs one statement in this database.
    public func execute(_ sql: String) async throws {
        try await Self.execute(sql, url: url)
    }

    /// The first column of every row `sql` returns, as text.
    public func strings(_ sql: String) async throws -> [String] {
        let client = PostgresClient(configuration: try PostgresURL(url).configuration)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            var values: [String] = []
            for try await value in try await client.query(PostgresQuery(unsafeSQL: sql)).decode(String.self) {
                values.append(value)
            }
            return values
        }
    }

    /// Every table, view and sequence outside the system schemas, as `schema.name`.
    public func userRelations() async throws -> [String] {
        try await strings("""
            SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
            ORDER BY 1
            """)
    }

    /// Drops the database.
    public func drop() async {
        try? await Self.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)", url: serverURL)
    }

    /// No test server is configured.
    public struct NotConfigured: Error {}

    private static func execute(_ sql: String, url: String) async throws {
        let client = PostgresClient(configuration: try PostgresURL(url).configuration)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            try await client.query(PostgresQuery(unsafeSQL: sql))
        }
    }
}
