import ContractRuntime

/// The verdict on one line of a JSON Lines input: what `contractgen validate` reports for it.
public struct LineVerdict: Sendable, Hashable {
    /// The line's number, counting from 1.
    public var line: Int
    /// The line's length in bytes, without its `\n`.
    public var length: Int
    /// Why the line is not a valid record; nil when it is one.
    // Spelled `Optional<…>`: `RecordError?` would give the property an implicit initial nil, so that `init`
    // assigned over it (destroying the nil through an outlined copy of the whole error, per line) instead of
    // initializing it.
    public var error: Optional<RecordError>

    /// Creates a verdict.
    public init(line: Int, length: Int, error: RecordError?) {
        self.line = line
        self.length = length
        self.error = error
    }

    /// Whether the line is a valid record.
    public var isValid: Bool {
        if case .none = error { return true }  // Not `== nil`: the generic comparison costs a call.
        return false
    }
}

/// What ``JSONLinesValidation/forEachVerdictRun(jobs:batchBytes:_:)`` hands over: a run of valid lines, or
/// one line that is not a valid record.
public enum VerdictRun: Sendable, Hashable {
    /// `lines` valid records in a row, `bytes` long counting a line break after each.
    case valid(lines: Int, bytes: Int)
    /// A line that is not a valid record; its verdict's error is not nil.
    case invalid(LineVerdict)
}
