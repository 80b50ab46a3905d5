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

    /// Opens the store (migrating the database to the current schema), calls `body`, and closes it.
    /// A PostgreSQL server is checked with one connection first, so an unreachable server or a refused
    /// login fails within seconds with its reason.
    ///
    /// With `mustExist`, an SQLite path that names no file throws ``RunDatabaseError/noSuchFile(_:)``
    /// instead of creating an empty database: what a read-only tool wants when a path is mistyped.
    public func withStore<R: Sendable>(mustExist: Bool = false,
                                       _ body: @Sendable (any RunStore) async throws -> R) async throws -> R {
        switch self {
        case .sqlite(let path):
            if mustExist && isMissingFile { throw RunDatabaseError.noSuchFile(path) }
            let store = try await SQLiteRunStore.open(path: path)
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
            return try await PostgresRunStore.withStore(url: url) { try await body($0) }
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
            "no SQLite database at '\(path)' (a tracker creates it on first use)"
        }
    }
}
