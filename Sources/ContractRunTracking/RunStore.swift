import ContractRuntime
import Foundation

/// Where runs are kept: one `agent_runs` row per run, created queued, moved to running, finished once.
///
/// Every implementation gives the same guarantees, checked by one shared test suite:
/// - ``finish(id:with:)`` writes only while the run has not finished (`finished_at IS NULL`), so of
///   any number of concurrent finishes exactly one writes and every caller gets the same stored run;
/// - ``list(_:)`` returns newest first (`started_at DESC`, then `id DESC`) with cursor pagination, and
///   reports a row that holds no valid run on its own instead of failing for every row;
/// - ``sweepStale(olderThan:now:)`` closes runs left running by a crashed process;
/// - a write, once called, is carried out even if the calling task is cancelled meanwhile (a tracker
///   finishing a cancelled run relies on it): a store whose driver gives up on cancellation runs its
///   writes in a task of their own, as `PostgresRunStore` does.
public protocol RunStore: Sendable {
    /// Stores a new run. It must be valid and queued; an existing id throws ``RunStoreError/duplicateID(_:)``.
    func create(_ run: AgentRun) async throws
    /// Moves a queued run to running and returns it; any other state throws ``RunStoreError/refused(_:)``.
    func markRunning(id: String) async throws -> AgentRun
    /// Ends a running run with `completion`, once: if the run has already finished, nothing is written
    /// and the stored terminal run is returned with `didFinish == false`.
    func finish(id: String, with completion: RunCompletion) async throws -> RunFinishResult
    /// Stores a new queued run and moves it to running: ``create(_:)`` then ``markRunning(id:)``, which a
    /// store may do without reading the row back. Returns the running run.
    func start(_ run: AgentRun) async throws -> AgentRun
    /// ``finish(id:with:)`` for a run the caller holds as it was when it started running (as
    /// ``start(_:)`` returned it); a store may build the finished run from it instead of reading it back.
    func finish(_ run: AgentRun, with completion: RunCompletion) async throws -> RunFinishResult
    /// The run with `id`, or nil; throws ``RunStoreError/unreadable(_:)`` when its row holds no valid run.
    func get(id: String) async throws -> AgentRun?
    /// One page of runs matching `query`, newest first.
    func list(_ query: RunQuery) async throws -> RunPage
    /// Finishes every run still running that started before `now - threshold` with status `timeout`
    /// and code `stale_run`, and returns the runs it finished and the candidate rows it could not read.
    func sweepStale(olderThan threshold: Duration, now: Date) async throws -> RunSweep
}

extension RunStore {
    public func start(_ run: AgentRun) async throws -> AgentRun {
        try await create(run)
        return try await markRunning(id: run.id)
    }

    public func finish(_ run: AgentRun, with completion: RunCompletion) async throws -> RunFinishResult {
        try await finish(id: run.id, with: completion)
    }

    /// Sweeps runs left running for more than ``RunStoreDefaults/staleThreshold`` (180 s).
    public func sweepStale(now: Date = Date()) async throws -> RunSweep {
        try await sweepStale(olderThan: RunStoreDefaults.staleThreshold, now: now)
    }
}

/// Defaults shared by every store.
public enum RunStoreDefaults {
    /// How long a run may stay running before a sweep closes it as stale.
    public static let staleThreshold: Duration = .seconds(180)

    /// The start time before which a run still running at `now` is stale.
    public static func staleCutoff(olderThan threshold: Duration, now: Date) -> Date {
        now.addingTimeInterval(-threshold.timeInterval)
    }
}

/// How a run ends: the terminal status and what is written with it.
public struct RunCompletion: Sendable, Hashable {
    /// The terminal status; must be terminal (`success`, `error`, `canceled`, `timeout`).
    public var status: AgentRunStatus
    /// When the run finished; stores never write a time earlier than `started_at`.
    public var finishedAt: Date
    /// The duration, measured on a monotonic clock by the tracker; stores clamp it at zero.
    public var durationMs: Int64
    /// The error code; set for every status but success.
    public var errorCode: RunErrorCode?
    /// The user-readable message; set with ``errorCode``.
    public var errorMessage: String?
    /// Replaces the run's metadata when not nil (the tracker adds the error's detail and retryability).
    public var metadata: JSONValue?

    /// Creates a completion.
    public init(status: AgentRunStatus, finishedAt: Date, durationMs: Int64, errorCode: RunErrorCode? = nil,
                errorMessage: String? = nil, metadata: JSONValue? = nil) {
        self.status = status
        self.finishedAt = finishedAt
        self.durationMs = durationMs
        self.errorCode = errorCode
        self.errorMessage = errorMessage
        self.metadata = metadata
    }

    /// A successful end.
    public static func success(finishedAt: Date = Date(), durationMs: Int64, metadata: JSONValue? = nil) -> RunCompletion {
        RunCompletion(status: .success, finishedAt: finishedAt, durationMs: durationMs, metadata: metadata)
    }

    /// An end with `error`: the status is the code's status (`error`, `timeout` or `canceled`) and the
    /// message is the code's user message.
    public static func failure(_ error: NormalizedError<RunErrorCode>, finishedAt: Date = Date(), durationMs: Int64,
                               metadata: JSONValue? = nil) -> RunCompletion {
        RunCompletion(status: error.status ?? .error, finishedAt: finishedAt, durationMs: durationMs,
                      errorCode: error.code, errorMessage: error.userMessage, metadata: metadata)
    }

    /// The finished run: `run` with this completion applied (finish time and duration clamped).
    public func applied(to run: AgentRun) -> AgentRun {
        var finished = run
        finished.status = status
        finished.finishedAt = RunTimestamp.normalized(max(finishedAt, run.startedAt))
        finished.durationMs = max(0, durationMs)
        finished.errorCode = errorCode
        finished.errorMessage = errorCode == nil ? nil : (errorMessage ?? errorCode?.defaultMessage)
        if let metadata { finished.metadata = metadata }
        return finished
    }

    /// Throws unless this completion may end a running run: the check stores make before a guarded
    /// UPDATE, when the row itself is not read first.
    public func validate() throws {
        try check(on: AgentRun(id: "run", source: .chat, sourceRef: nil, sessionId: nil, status: .running,
                               startedAt: RunTimestamp.normalized(finishedAt), finishedAt: nil, durationMs: nil, errorCode: nil,
                               errorMessage: nil, metadata: nil))
    }

    /// Throws unless this completion may end a running run: a terminal status whose error fields obey
    /// the `AgentRun` rules.
    public func check(on run: AgentRun) throws {
        guard status.isTerminal else {
            throw RunStoreError.refused(.notTerminal(lifecycle: AgentRunStatus.lifecycleName, state: status.rawValue))
        }
        let violations = applied(to: run).violations()
        if !violations.isEmpty { throw RunStoreError.invalidRun(violations) }
    }
}

/// What ``RunStore/finish(id:with:)`` did.
public struct RunFinishResult: Sendable, Hashable {
    /// The stored run after the call: the terminal state, whoever wrote it.
    public var run: AgentRun
    /// Whether this call wrote the terminal state.
    public var didFinish: Bool

    /// Creates a result.
    public init(run: AgentRun, didFinish: Bool) {
        self.run = run
        self.didFinish = didFinish
    }

    /// The result in the runtime's terms.
    public var result: FinishResult<AgentRunStatus> {
        didFinish ? .finished(run.status) : .alreadyFinished(existing: run.status)
    }
}

/// What ``RunStore/sweepStale(olderThan:now:)`` did.
public struct RunSweep: Sendable, Hashable {
    /// The runs this sweep finished, by id.
    public var swept: [AgentRun]
    /// Stale candidates left as they are because their rows hold no valid run.
    public var unreadable: [UnreadableRun]

    /// Creates a result.
    public init(swept: [AgentRun], unreadable: [UnreadableRun] = []) {
        self.swept = swept
        self.unreadable = unreadable
    }
}

/// A store refused an operation.
public enum RunStoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No run has this id.
    case notFound(String)
    /// A run with this id exists already.
    case duplicateID(String)
    /// The lifecycle does not allow the move (e.g. finishing a queued run, or running a finished one).
    case refused(FinishError)
    /// The run or the finished run would break the `AgentRun` rules.
    case invalidRun([RuleViolation])
    /// A stored row holds no valid `AgentRun`.
    case unreadable(UnreadableRun)

    /// A one-line description.
    public var description: String {
        switch self {
        case .notFound(let id): "no run with id '\(id)'"
        case .duplicateID(let id): "a run with id '\(id)' exists already"
        case .refused(let error): error.description
        case .invalidRun(let violations): "invalid run: " + violations.map(\.message).joined(separator: " ")
        case .unreadable(let row): row.description
        }
    }
}

extension RunStoreError {
    /// The error for a move the lifecycle refuses from `status` to `next`.
    public static func refusedMove(from status: AgentRunStatus, to next: AgentRunStatus) -> RunStoreError {
        .refused(.refused(status.transitionError(to: next)))
    }

    /// Throws unless `run` may be created: valid and queued.
    public static func checkNew(_ run: AgentRun) throws {
        let violations = run.violations()
        if !violations.isEmpty { throw RunStoreError.invalidRun(violations) }
        guard run.status == .initial else { throw refusedMove(from: run.status, to: .initial) }
    }
}
