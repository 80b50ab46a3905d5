import Synchronization

/// The status of one record, shared between tasks: moves are checked against the lifecycle, and
/// finishing is idempotent, so of many concurrent finishes exactly one sets the terminal state and
/// every other one sees it (the seeds' "重复 finish/fail 不改写终态").
///
/// ```swift
/// let status = TrackedStatus<TaskStatus>()          // pending
/// try status.advance(to: .running)
/// status.finish(.completed)   // .finished(.completed)
/// status.finish(.failed)      // .alreadyFinished(existing: .completed); still completed
/// ```
///
/// Each check runs under a lock and allocates nothing unless it throws.
public final class TrackedStatus<Status: ContractLifecycle>: Sendable {
    private let state: Mutex<Status>

    /// Tracks a record that starts in `initial`, by default the lifecycle's initial state.
    public init(_ initial: Status = .initial) {
        state = Mutex(initial)
    }

    /// The current state.
    public var current: Status {
        state.withLock { $0 }
    }

    /// Moves to `next` if the schema lists the move from the current state; otherwise throws and keeps
    /// the state. Moving out of a terminal state always throws: to end a record, use ``finish(_:)``.
    @discardableResult
    public func advance(to next: Status) throws(TransitionError) -> Status {
        try advance { current throws(TransitionError) in try current.transition(to: next) }
    }

    /// Moves to the state `move` returns for the current state, atomically; when `move` throws, the
    /// state is kept and the error is rethrown. Use it for guarded moves:
    /// `try status.advance { try $0.transition(to: .queued, record: task) }`.
    @discardableResult
    public func advance<Failure: Error>(_ move: (Status) throws(Failure) -> Status) throws(Failure) -> Status {
        try state.withLock { (current: inout Status) throws(Failure) -> Status in
            current = try move(current)
            return current
        }
    }

    /// Ends the record in `terminal`, once: if it is already terminal, returns
    /// ``FinishResult/alreadyFinished(existing:)`` with the state it ended in and changes nothing.
    ///
    /// Throws ``FinishError/notTerminal(lifecycle:state:)`` when `terminal` is not a terminal state, and
    /// ``FinishError/refused(_:)`` when the record is not terminal yet and the schema does not list the move.
    public func finish(_ terminal: Status) throws(FinishError) -> FinishResult<Status> {
        guard terminal.isTerminal else {
            throw .notTerminal(lifecycle: Status.lifecycleName, state: terminal.rawValue)
        }
        return try state.withLock { (current: inout Status) throws(FinishError) -> FinishResult<Status> in
            if current.isTerminal {
                return .alreadyFinished(existing: current)
            }
            guard current.canTransition(to: terminal) else {
                throw .refused(current.transitionError(to: terminal))
            }
            current = terminal
            return .finished(terminal)
        }
    }
}
