public import ContractRuntime

/// A status enum with its allowed transitions: the states a record moves through.
public struct Lifecycle: Sendable, Hashable {
    /// UpperCamelCase type name, e.g. `TaskStatus`.
    public var name: String
    /// Prose.
    public var doc: String?
    /// The state a new record starts in.
    public var initial: String
    /// The states, in source order. `name` is the wire value.
    public var states: [State]
    /// Allowed moves, in source order.
    public var transitions: [Transition]
    /// Old wire values read on request and mapped to current states (never written).
    public var legacy: [LegacyAlias]
    /// The model whose fields transition guards read, if any guard exists.
    public var record: String?
    /// Where `record:`'s value was written.
    public var recordLocation: SourceLocation?
    /// How failed attempts are retried, if the lifecycle retries.
    public var retry: RetryDeclaration?
    /// Where the lifecycle's name was written.
    public var location: SourceLocation
    /// Where `initial:`'s value was written.
    public var initialLocation: SourceLocation

    /// Creates a lifecycle.
    public init(name: String, doc: String?, initial: String, states: [State], transitions: [Transition],
                legacy: [LegacyAlias], record: String?, retry: RetryDeclaration?, location: SourceLocation,
                initialLocation: SourceLocation) {
        self.name = name
        self.doc = doc
        self.initial = initial
        self.states = states
        self.transitions = transitions
        self.legacy = legacy
        self.record = record
        self.retry = retry
        self.location = location
        self.initialLocation = initialLocation
    }

    /// The state called `name`.
    public func state(named name: String) -> State? { states.first { $0.name == name } }

    /// The transitions leaving `state`, in source order.
    public func transitions(from state: String) -> [Transition] { transitions.filter { $0.from == state } }
}

/// One state of a lifecycle.
public struct State: Sendable, Hashable {
    /// Wire value, e.g. `timed_out`.
    public var name: String
    /// Prose.
    public var doc: String?
    /// Whether the record is finished in this state (no transition may leave it).
    public var isTerminal: Bool
    /// What reaching this terminal state means.
    public var outcome: Outcome?
    /// Where the state's name was written.
    public var location: SourceLocation

    /// Creates a state.
    public init(name: String, doc: String?, isTerminal: Bool, outcome: Outcome?, location: SourceLocation) {
        self.name = name
        self.doc = doc
        self.isTerminal = isTerminal
        self.outcome = outcome
        self.location = location
    }
}

/// An allowed move from one state to another, optionally guarded by a rule over the record.
public struct Transition: Sendable, Hashable {
    /// Source state's wire value.
    public var from: String
    /// Target state's wire value.
    public var to: String
    /// The guard (`when:`), if the move has one.
    public var condition: TransitionGuard?
    /// Where the target was written.
    public var location: SourceLocation
    /// Where the source state was written (the key of `transitions:`).
    public var fromLocation: SourceLocation

    /// Creates a transition.
    public init(from: String, to: String, condition: TransitionGuard? = nil, location: SourceLocation,
                fromLocation: SourceLocation? = nil) {
        self.from = from
        self.to = to
        self.condition = condition
        self.location = location
        self.fromLocation = fromLocation ?? location
    }
}

/// A transition's guard: a rule over the lifecycle's record that must hold for the move.
public struct TransitionGuard: Sendable, Hashable {
    /// The guard as written (`retry_count < max_retries`).
    public var source: String
    /// The guard, parsed and type-checked against the record.
    public var expression: RuleExpression
    /// Where the guard text starts.
    public var location: SourceLocation

    /// Creates a guard.
    public init(source: String, expression: RuleExpression, location: SourceLocation) {
        self.source = source
        self.expression = expression
        self.location = location
    }
}

/// An old wire value that is read as a current state.
public struct LegacyAlias: Sendable, Hashable {
    /// The old wire value, e.g. `success`.
    public var value: String
    /// The current state it means, e.g. `completed`.
    public var state: String
    /// Where the old value was written.
    public var location: SourceLocation
    /// Where the state it maps to was written.
    public var stateLocation: SourceLocation

    /// Creates an alias.
    public init(value: String, state: String, location: SourceLocation, stateLocation: SourceLocation? = nil) {
        self.value = value
        self.state = state
        self.location = location
        self.stateLocation = stateLocation ?? location
    }
}

/// A lifecycle's `retry:`: the runtime's ``ContractRuntime/RetryPolicy`` it declares, and the record
/// field that counts retries when guards read it.
public struct RetryDeclaration: Sendable, Hashable {
    /// The policy: retries, delays, growth, cap and jitter.
    public var policy: RetryPolicy
    /// The model field that counts retries, when guards read it.
    public var counterField: String?
    /// Where `counter:`'s value was written.
    public var counterLocation: SourceLocation?
    /// Where `retry:` was written.
    public var location: SourceLocation

    /// Creates a declaration.
    public init(policy: RetryPolicy, counterField: String? = nil, counterLocation: SourceLocation? = nil,
                location: SourceLocation) {
        self.policy = policy
        self.counterField = counterField
        self.counterLocation = counterLocation
        self.location = location
    }

    /// The delay before the first retry in whole milliseconds, as the schema wrote it.
    public var initialDelayMilliseconds: Int { Self.milliseconds(policy.initialDelay) }
    /// The longest single delay in whole milliseconds, as the schema wrote it.
    public var maxDelayMilliseconds: Int { Self.milliseconds(policy.maxDelay) }

    private static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    }
}
