@_exported import ContractRunStorePostgres
@_exported import ContractRunStoreSQLite
@_exported import ContractRunTracking
import Foundation

/// Where runs are kept, named by one string: what operators pass as `--database` and services read
/// from their configuration.
///
/// - `postgres://user:pass@host:port/db` or `postgresql://…` (see ``PostgresURL``): PostgreSQL, for
///   services that run on several machines;
/// - `sqlite:PATH`, `sqlite://PATH`, or a plain file path: an SQLite database file (the embedded default);
/// - `:memory:` or `sqlite::memory:`: an SQLite database that lives as long as the store.
public enum RunDatabase: Sendable, Hashable, CustomStringConvertible {
    /// An SQLite file, or `:memory:`.
    case sqlite(path: String)
    /// A PostgreSQL server, by URL.
    case postgres(url: String)

    /// Reads a database location; throws ``RunDatabaseError`` for text that names none.
    public init(_ location: String) throws {
        let text = location.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { throw RunDatabaseError.empty }
        if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            _ = try PostgresURL(text)
            self = .postgres(url: text)
            return
        }
        var path = text
        for prefix in ["sqlite://", "sqlite:"] where path.hasPrefix(prefix) {
            path = String(path.dropFirst(prefix.count))
            break
        }
        if let scheme = Self.otherScheme(path) { throw RunDatabaseError.unsupportedScheme(scheme) }
        guard !path.isEmpty else { throw RunDatabaseError.empty }
        self = .sqlite(path: path)
    }

    /// The location with any password hidden, for messages.
    public var description: String {
        switch self {
        case .sqlite(let path):
            return "sqlite:\(path)"
        case .postgres(let url):
            guard var components = URLComponents(string: url), components.password != nil else { return url }
            components.password = "***"
            return components.string ?? "postgres://…"
        }
    }

    /// Whether this is an SQLite file that does not exist yet (opening it would create it).
    public var isMissingFile: Bool {
        guard case .sqlite(let path) = self, path != ":memory:" else { return false }
        return !FileManager.default.fileExists(atPath: path)
    }

    /// Opens the store as `access` allows, calls `body`, and closes it. ``RunStoreAccess/migrate`` (a
    /// tracker's default) creates and migrates the database; ``RunStoreAccess/readWrite`` and
    /// ``RunStoreAccess/readOnly`` change no schema, throw ``RunDatabaseError/noSuchFile(_:)`` for an
    /// SQLite path that names no file (instead of creating an empty database) and ``RunSchemaError``
    /// unless the database holds the current `agent_runs`. A PostgreSQL server is checked with one
    /// connection first, so an unreachable server or a refused login fails within seconds with its reason.
    public func withStore<R: Sendable>(access: RunStoreAccess = .migrate,
                                       _ body: @Sendable (any RunStore) async throws -> R) async throws -> R {
        switch self {
        case .sqlite(let path):
            if access != .migrate && isMissingFile { throw RunDatabaseError.noSuchFile(path) }
            let store = try await SQLiteRunStore.open(path: path, access: access)
            let result: R
            do {
                result = try await body(store)
            } catch {
                try? await store.close()
                throw error
            }
            try await store.close()
            return result
        case .postgres(let url):
            try await PostgresURL(url).checkConnection()
            return try await PostgresRunStore.withStore(url: url, access: access) { try await body($0) }
        }
    }

    /// Creates the database if needed (an SQLite file) and brings it to the latest runs schema: the
    /// `agent_runs` table, its indexes and the migrations table. Throws ``RunSchemaError`` for a database
    /// whose `agent_runs` has another shape, or a newer version, and writes nothing to it then.
    @discardableResult
    public func initialize() async throws -> AgentRunsMigrationResult {
        switch self {
        case .sqlite(let path):
            return try await SQLiteRunStore.initialize(path: path)
        case .postgres(let url):
            try await PostgresURL(url).checkConnection()
            return try await PostgresRunStore.initialize(url: url)
        }
    }

    /// A URL scheme other than the SQLite forms (`https:`, `mysql:`), or nil for a path.
    private static func otherScheme(_ text: String) -> String? {
        guard let colon = text.firstIndex(of: ":"), text[colon...].hasPrefix("://") else { return nil }
        let scheme = text[..<colon]
        guard let first = scheme.first, first.isLetter,
              scheme.allSatisfy({ $0.isLetter || $0.isNumber || "+-.".contains($0) }) else { return nil }
        return String(scheme)
    }
}

/// A database location that cannot be used.
public enum RunDatabaseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No location was given.
    case empty
    /// A URL scheme no store reads.
    case unsupportedScheme(String)
    /// An SQLite path that names no file, where one must exist.
    case noSuchFile(String)

    /// A one-line description.
    public var description: String {
        switch self {
        case .empty:
            "no database given; expected postgres://user:pass@host:port/db, sqlite:PATH or a file path"
        case .unsupportedScheme(let scheme):
            "unsupported database scheme '\(scheme)://'; expected postgres://, postgresql://, sqlite: or a file path"
        case .noSuchFile(let path):
            "no SQLite database at '\(path)'"
        }
    }
}
