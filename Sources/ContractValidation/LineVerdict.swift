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

    /// For tests: `verdicts` as runs, each valid line a run of one with its line break.
    package static func runs(of verdicts: [LineVerdict]) -> [VerdictRun] {
        verdicts.map { $0.isValid ? .valid(lines: 1, bytes: $0.length + 1) : .invalid($0) }
    }

    /// For tests: `runs` with runs of valid lines next to each other made one, so that runs handed over in batches
    /// of any size compare equal.
    package static func merged(_ runs: [VerdictRun]) -> [VerdictRun] {
        var result: [VerdictRun] = []
        for run in runs {
            if case .valid(let lines, let bytes) = run, case .valid(let before, let beforeBytes)? = result.last {
                result[result.count - 1] = .valid(lines: before + lines, bytes: beforeBytes + bytes)
            } else {
                result.append(run)
            }
        }
        return result
    }
}
