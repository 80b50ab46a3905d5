/// A generated lifecycle: a status enum whose transitions the schema lists.
///
/// Generated enums provide the tables (`initial`, `isTerminal`, `allowedTransitions`, `outcome`,
/// `legacyValues`) and `canTransition(to:)` as a switch, so checking a move allocates nothing; the
/// throwing check and the error it throws are shared here.
public protocol ContractLifecycle: RawRepresentable, Sendable, Hashable, CaseIterable, Codable where RawValue == String {
    /// The lifecycle's type name, used in errors.
    static var lifecycleName: String { get }
    /// The state a new record starts in.
    static var initial: Self { get }
    /// Old wire values and the current states they are read as, when the decoder asks for them.
    static var legacyValues: [String: Self] { get }
    /// Whether the record is finished in this state; no transition leaves it.
    var isTerminal: Bool { get }
    /// The states this state may move to, in schema order; empty for a terminal state.
    var allowedTransitions: [Self] { get }
    /// What reaching this state means; nil for a state that is not terminal.
    var outcome: Outcome? { get }
    /// Whether the schema lists the move from this state to `next`, guards (`when:`) aside.
    func canTransition(to next: Self) -> Bool
}

extension ContractLifecycle {
    /// No legacy values unless the generated type lists some.
    public static var legacyValues: [String: Self] { [:] }

    /// The current state an old wire value means, or nil if `legacyValue` is not a legacy value.
    public init?(legacyValue: String) {
        guard let state = Self.legacyValues[legacyValue] else { return nil }
        self = state
    }

    /// Whether the schema lists the move from this state to `next`.
    ///
    /// This is the structural check: guards (`when:`) over a record are not evaluated here. Lifecycles
    /// with guarded transitions also generate `canTransition(to:record:)`, which evaluates them.
    /// Generated code replaces this default, which builds `allowedTransitions`, with an allocation-free switch.
    public func canTransition(to next: Self) -> Bool {
        allowedTransitions.contains(next)
    }

    /// `next` if the schema lists the move from this state to it; otherwise throws ``TransitionError``.
    ///
    /// Every move out of a terminal state throws, including a move to the state it is already in. To
    /// finish a record idempotently use a tracker's `finish`, not this check.
    public func transition(to next: Self) throws(TransitionError) -> Self {
        guard canTransition(to: next) else {
            throw transitionError(to: next)
        }
        return next
    }

    /// The error describing a refused move from this state to `next`.
    public func transitionError(to next: Self, unmetGuard: String? = nil) -> TransitionError {
        TransitionError(lifecycle: Self.lifecycleName, from: rawValue, to: next.rawValue,
                        allowed: allowedTransitions.map(\.rawValue), unmetGuard: unmetGuard)
    }
}
