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
    public var retry: RetryPolicy?
    /// Where the lifecycle's name was written.
    public var location: SourceLocation
    /// Where `initial:`'s value was written.
    public var initialLocation: SourceLocation
    /// Whether `states:` was missing or not a mapping (already reported): which states exist is unknown,
    /// so nothing is checked against them.
    var statesUnread = false
    /// Whether a state, the transitions or a transition target could not be read (already reported): the
    /// graph is incomplete, so unreachable states and dead ends would only be consequences.
    var graphUnread = false

    /// Creates a lifecycle.
    public init(name: String, doc: String?, initial: String, states: [State], transitions: [Transition],
                legacy: [LegacyAlias], record: String?, retry: RetryPolicy?, location: SourceLocation,
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
    /// Whether `outcome:` was written (even if it could not be read), so a bad value is reported once.
    var outcomeWritten = false
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

/// What a terminal state means for the caller.
public enum Outcome: String, Sendable, Hashable, CaseIterable {
    case success, failure, cancelled, timeout
}

/// An allowed move from one state to another, optionally guarded by a rule over the record.
public struct Transition: Sendable, Hashable {
    /// Source state's wire value.
    public var from: String
    /// Target state's wire value.
    public var to: String
    /// The guard's source text (`when:`), if any.
    public var guardSource: String?
    /// The parsed guard, once it parsed.
    public var guardExpression: RuleExpression?
    /// Where the target was written.
    public var location: SourceLocation
    /// Where the source state was written (the key of `transitions:`).
    public var fromLocation: SourceLocation
    /// Where the guard text starts, if any.
    public var guardLocation: SourceLocation?
    /// How the guard text was quoted, to map expression offsets to columns.
    public var guardStyle: YAMLScalar.Style

    /// Creates a transition.
    public init(from: String, to: String, guardSource: String? = nil, guardExpression: RuleExpression? = nil,
                location: SourceLocation, fromLocation: SourceLocation? = nil, guardLocation: SourceLocation? = nil,
                guardStyle: YAMLScalar.Style = .plain) {
        self.from = from
        self.to = to
        self.guardSource = guardSource
        self.guardExpression = guardExpression
        self.location = location
        self.fromLocation = fromLocation ?? location
        self.guardLocation = guardLocation
        self.guardStyle = guardStyle
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

/// Exponential backoff: attempt n (0-based) waits `initialDelayMilliseconds × multiplier^n`, capped.
public struct RetryPolicy: Sendable, Hashable {
    /// How jitter spreads the delay.
    public enum Jitter: String, Sendable, Hashable, CaseIterable {
        /// The computed delay exactly.
        case none
        /// A random delay between 0 and the computed delay.
        case full
        /// Half the computed delay plus a random part of the other half.
        case equal
    }

    /// Retries after the first attempt (the seeds' "最大重试次数", 3 by default).
    public var maxRetries: Int
    /// Delay before the first retry.
    public var initialDelayMilliseconds: Int
    /// Growth factor per retry (2 for doubling).
    public var multiplier: Double
    /// Upper bound on any single delay.
    public var maxDelayMilliseconds: Int
    /// Jitter applied to each delay.
    public var jitter: Jitter
    /// The model field that counts retries, when guards read it.
    public var counterField: String?
    /// Where `counter:`'s value was written.
    public var counterLocation: SourceLocation?
    /// Where `retry:` was written.
    public var location: SourceLocation

    /// Creates a policy.
    public init(maxRetries: Int, initialDelayMilliseconds: Int, multiplier: Double, maxDelayMilliseconds: Int,
                jitter: Jitter, counterField: String? = nil, location: SourceLocation) {
        self.maxRetries = maxRetries
        self.initialDelayMilliseconds = initialDelayMilliseconds
        self.multiplier = multiplier
        self.maxDelayMilliseconds = maxDelayMilliseconds
        self.jitter = jitter
        self.counterField = counterField
        self.location = location
    }
}
