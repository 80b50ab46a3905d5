/// A generated error catalog: an enum of error codes with their meaning.
public protocol ContractErrorCatalog: RawRepresentable, Sendable, Hashable, CaseIterable, Codable where RawValue == String {
    /// The lifecycle whose states `status:` names; `Never` for a catalog that names no lifecycle.
    associatedtype Status: Sendable & Hashable = Never
    /// The catalog's type name, used in errors.
    static var catalogName: String { get }
    /// Whether retrying the same work may succeed.
    var isRetryable: Bool { get }
    /// The broad class of the error.
    var category: ErrorCategory { get }
    /// The message shown to users when no better one is known.
    var defaultMessage: String { get }
    /// The state a record ends in when this error stops it; nil when the code names none.
    var status: Status? { get }
}

extension ContractErrorCatalog {
    /// The wire value, e.g. `E001`.
    public var code: String { rawValue }
}

extension ContractErrorCatalog where Status == Never {
    /// A catalog without a lifecycle names no resulting state.
    public var status: Never? { nil }
}
