/// A lifecycle move the schema does not allow, thrown by `transition(to:)`.
///
/// All values are wire values, so the error reads the same in logs as in the schema.
public struct TransitionError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The lifecycle's type name, e.g. `TaskStatus`.
    public var lifecycle: String
    /// The state the move started from.
    public var from: String
    /// The state the move asked for.
    public var to: String
    /// The states `from` may move to, in schema order; empty for a terminal state.
    public var allowed: [String]
    /// The guard (`when:`) that did not hold for the record, when the move is listed but guarded.
    public var unmetGuard: String?

    /// Creates an error.
    public init(lifecycle: String, from: String, to: String, allowed: [String], unmetGuard: String? = nil) {
        self.lifecycle = lifecycle
        self.from = from
        self.to = to
        self.allowed = allowed
        self.unmetGuard = unmetGuard
    }

    /// Whether the move was refused because `from` is terminal.
    public var isFromTerminalState: Bool { allowed.isEmpty }

    /// `TaskStatus: cannot move from completed to failed; completed is terminal`.
    public var description: String {
        let head = "\(lifecycle): cannot move from \(from) to \(to)"
        if let unmetGuard {
            return head + "; the guard `\(unmetGuard)` does not hold"
        }
        if allowed.isEmpty {
            return head + "; \(from) is terminal"
        }
        return head + "; allowed: " + allowed.joined(separator: ", ")
    }
}
