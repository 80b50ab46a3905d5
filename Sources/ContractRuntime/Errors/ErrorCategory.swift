/// The broad class of an error, which decides how callers react to it.
///
/// Error catalogs give every code a category; the generated `category` property returns it.
public enum ErrorCategory: String, Sendable, Hashable, CaseIterable, Codable {
    /// The caller sent something invalid; retrying the same input fails again.
    case client
    /// A deadline passed.
    case timeout
    /// The work itself failed (business logic, a tool).
    case execution
    /// The platform failed (database, cancellation, exhausted retries).
    case system
    /// Something the work depends on is unavailable (a provider, a network peer).
    case dependency
}
