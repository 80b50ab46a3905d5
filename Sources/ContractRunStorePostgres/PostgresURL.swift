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
