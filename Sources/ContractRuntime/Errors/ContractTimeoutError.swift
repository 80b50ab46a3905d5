/// A deadline passed: throw it from work that gives up waiting, and every catalog's `normalize`
/// turns it into the catalog's timeout code.
public struct ContractTimeoutError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What was being waited for, e.g. `tool pandas_tool.read_csv`; nil when unnamed.
    public var operation: String?
    /// The time limit that passed, when known.
    public var limit: Duration?

    /// Creates an error.
    public init(operation: String? = nil, limit: Duration? = nil) {
        self.operation = operation
        self.limit = limit
    }

    /// `tool pandas_tool.read_csv timed out after 30.0 seconds`.
    public var description: String {
        let subject = operation ?? "the operation"
        guard let limit else { return "\(subject) timed out" }
        return "\(subject) timed out after \(limit)"
    }
}
