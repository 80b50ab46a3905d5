/// A generated error catalog: an enum of error codes with their meaning.
public protocol ContractErrorCatalog: RawRepresentable, Sendable, Hashable, CaseIterable, Codable where RawValue == String {
    /// The catalog's type name, used in errors.
    static var catalogName: String { get }
    /// Whether retrying the same work may succeed.
    var isRetryable: Bool { get }
    /// The broad class of the error.
    var category: ErrorCategory { get }
    /// The message shown to users when no better one is known.
    var defaultMessage: String { get }
}

extension ContractErrorCatalog {
    /// The wire value, e.g. `E001`.
    public var code: String { rawValue }
}
