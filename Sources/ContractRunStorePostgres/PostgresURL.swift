import Foundation
import PostgresNIO

/// Connection settings read from a URL: `postgres://user:pass@host:port/db`, with `postgresql://` also
/// accepted, the port defaulting to 5432, and `?sslmode=disable|prefer|require` (default `disable`).
public struct PostgresURL: Sendable, Hashable {
    /// How the connection uses TLS (`sslmode`).
    public enum SSLMode: String, Sendable, Hashable {
        case disable, prefer, require
    }

    public var host: String
    public var port: Int
    public var username: String
    public var password: String?
    public var database: String?
    public var sslMode: SSLMode

    /// Reads `url`; throws ``PostgresURLError`` naming what is wrong (never echoing the password).
    public init(_ url: String) throws {
        guard let components = URLComponents(string: url) else { throw PostgresURLError.notAURL }
        guard let scheme = components.scheme, ["postgres", "postgresql"].contains(scheme) else {
            throw PostgresURLError.unsupportedScheme(components.scheme ?? "")
        }
        guard let host = components.host, !host.isEmpty else { throw PostgresURLError.missingHost }
        guard let user = components.percentEncodedUser?.removingPercentEncoding, !user.isEmpty else {
            throw PostgresURLError.missingUser
        }
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        let mode = components.queryItems?.first(where: { $0.name == "sslmode" })?.value ?? "disable"
        guard let sslMode = SSLMode(rawValue: mode) else { throw PostgresURLError.unsupportedSSLMode(mode) }
        self.host = host
        self.port = components.port ?? 5432
        self.username = user
        self.password = components.percentEncodedPassword?.removingPercentEncoding
        self.database = path.isEmpty ? nil : path
        self.sslMode = sslMode
    }

    /// The pool configuration these settings describe.
    public var configuration: PostgresClient.Configuration {
        let tls: PostgresClient.Configuration.TLS = switch sslMode {
        case .disable: .disable
        case .prefer: .prefer(.makeClientConfiguration())
        case .require: .require(.makeClientConfiguration())
        }
        return PostgresClient.Configuration(host: host, port: port, username: username, password: password,
                                            database: database, tls: tls)
    }
}

extension PostgresURL {
    /// Opens one connection with these settings and closes it: a quick check that the server is
    /// reachable and accepts the credentials, with the driver's own reason when it is not. (The pool
    /// retries failed connections in the background instead, so a query against an unreachable server
    /// only fails once its circuit breaker trips, a minute later, without saying why.)
    public func checkConnection(timeout: Duration = .seconds(10)) async throws {
        let tlsMode: PostgresConnection.Configuration.TLS
        switch sslMode {
        case .disable: tlsMode = .disable
        case .prefer: tlsMode = .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
        case .require: tlsMode = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
        }
        var configuration = PostgresConnection.Configuration(host: host, port: port, username: username,
                                                             password: password, database: database, tls: tlsMode)
        configuration.options.connectTimeout = .nanoseconds(Int64(timeout.components.seconds) * 1_000_000_000
                                                            + timeout.components.attoseconds / 1_000_000_000)
        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(configuration: configuration, id: 0,
                                                              logger: Logger(label: "ExecutionContracts.PostgresURL"))
        } catch {
            throw PostgresConnectionCheckError(host: host, port: port, reason: Self.reason(error))
        }
        try? await connection.close()
    }

    /// The driver's reason in one line: `PSQLError`'s plain description hides it on purpose (it may
    /// hold query text); the server's message and the socket error are what an operator needs.
    private static func reason(_ error: any Error) -> String {
        if let psql = error as? PSQLError {
            if let message = psql.serverInfo?[.message] { return message }
            if let underlying = psql.underlying { return String(describing: underlying) }
            return psql.code.description
        }
        return String(describing: error)
    }
}

/// A PostgreSQL server that could not be connected to.
public struct PostgresConnectionCheckError: Error, Hashable, Sendable, CustomStringConvertible {
    public var host: String
    public var port: Int
    /// The driver's or the server's reason.
    public var reason: String

    public var description: String { "cannot connect to PostgreSQL at \(host):\(port): \(reason)" }
}

/// A PostgreSQL URL that cannot be used.
public enum PostgresURLError: Error, Hashable, Sendable, CustomStringConvertible {
    case notAURL
    case unsupportedScheme(String)
    case missingHost
    case missingUser
    case unsupportedSSLMode(String)

    /// A one-line description.
    public var description: String {
        switch self {
        case .notAURL: "not a URL; expected postgres://user:pass@host:port/db"
        case .unsupportedScheme(let scheme): "unsupported scheme '\(scheme)'; expected postgres:// or postgresql://"
        case .missingHost: "the URL names no host"
        case .missingUser: "the URL names no user"
        case .unsupportedSSLMode(let mode): "unsupported sslmode '\(mode)'; expected disable, prefer or require"
        }
    }
}
