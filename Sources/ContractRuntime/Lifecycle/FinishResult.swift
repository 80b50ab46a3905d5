/// What ``TrackedStatus/finish(_:)`` did.
public enum FinishResult<Status: ContractLifecycle>: Hashable, Sendable {
    /// The record was not terminal and is now in this terminal state.
    case finished(Status)
    /// The record was already terminal; its state was kept, not overwritten.
    case alreadyFinished(existing: Status)

    /// The record's terminal state after the call, whoever set it.
    public var status: Status {
        switch self {
        case .finished(let status), .alreadyFinished(existing: let status): status
        }
    }

    /// Whether this call set the terminal state.
    public var didFinish: Bool {
        if case .finished = self { return true }
        return false
    }
}

/// A ``TrackedStatus/finish(_:)`` that the lifecycle does not allow.
public enum FinishError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The target is not a terminal state; moves between working states go through `advance(to:)`.
    case notTerminal(lifecycle: String, state: String)
    /// The record is not terminal yet and the schema does not list the move to the terminal state
    /// (for `TaskStatus`, `pending → completed`).
    case refused(TransitionError)

    /// `TaskStatus: cannot finish in running; it is not a terminal state`, or the transition error.
    public var description: String {
        switch self {
        case .notTerminal(let lifecycle, let state):
            "\(lifecycle): cannot finish in \(state); it is not a terminal state"
        case .refused(let error):
            error.description
        }
    }
}
