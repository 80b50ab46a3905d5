import ContractRuntime
import Foundation

/// Records every execution as one run (the seed's `with_run`): created and marked running before the
/// body starts, finished exactly once when it ends, and published on ``updates(bufferSize:)``.
///
/// ```swift
/// let tracker = RunTracker(store: store, configuration: RunTrackerConfiguration()
///     .enabled(byEnvironmentVariable: "PROXYCAST_EXECUTION_TRACKER_ENABLED"))
/// let reply = try await tracker.withRun(source: .skill, sourceRef: "pptx", sessionID: session,
///                                       timeout: .seconds(120)) {
///     try await executeSkill()   // unchanged
/// }
/// ```
public final class RunTracker: Sendable {
    /// Where runs are written.
    public let store: any RunStore
    /// How runs are recorded.
    public let configuration: RunTrackerConfiguration
    private let feed = RunUpdateFeed()

    /// The id of the run whose body is executing in this task, or nil outside `withRun` (or when
    /// tracking is off).
    @TaskLocal public static var currentRunID: String?

    /// A tracker writing to `store`.
    public init(store: any RunStore, configuration: RunTrackerConfiguration = RunTrackerConfiguration()) {
        self.store = store
        self.configuration = configuration
    }

    deinit {
        feed.close()
    }

    /// A new subscription to run changes from now on; see ``RunUpdates`` for the slow-consumer policy.
    public func updates(bufferSize: Int? = nil) -> RunUpdates {
        feed.subscribe(bufferSize: bufferSize ?? configuration.updateBufferSize)
    }

    /// Runs `body` as one run and returns its result, or rethrows its error unchanged.
    ///
    /// The run ends in exactly one terminal state:
    /// - `success` when the body returns;
    /// - `canceled` (code `canceled`) when the body throws while this task is cancelled;
    /// - `timeout` (code `timeout`) when `timeout` passes first: the body is cancelled, awaited, and
    ///   ``ContractTimeoutError`` is thrown;
    /// - otherwise the body's error normalized by ``RunErrorCode``: its code and user message, with the
    ///   error's `error_detail` and `retryable` added to the metadata.
    ///
    /// `duration_ms` is measured on `ContinuousClock`. Throws ``RunTrackingError/metadataTooLarge(bytes:limit:)``
    /// before running anything when `metadata` exceeds the configured limit. Store failures never change
    /// the outcome; they go to ``RunTrackerConfiguration/onRecordingFailure``.
    public func withRun<T: Sendable>(source: RunSource, sourceRef: String? = nil, sessionID: String? = nil,
                                     metadata: JSONObject? = nil, timeout: Duration? = nil,
                                     _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        guard configuration.isEnabled else {
            return try await Self.execute(body, timeout: timeout, runID: nil).get()
        }
        let metadataValue = metadata.map(JSONValue.object)
        let size = try metadataSize(metadataValue)
        guard size <= configuration.metadataLimitBytes else {
            throw RunTrackingError.metadataTooLarge(bytes: size, limit: configuration.metadataLimitBytes)
        }
        let queued = AgentRun(id: configuration.makeRunID(), source: source, sourceRef: sourceRef, sessionId: sessionID,
                              status: .queued, startedAt: RunTimestamp.normalized(configuration.now()), finishedAt: nil,
                              durationMs: nil, errorCode: nil, errorMessage: nil, metadata: metadataValue)
        guard let running = await start(queued) else {
            return try await Self.execute(body, timeout: timeout, runID: nil).get()
        }

        let clock = ContinuousClock()
        let began = clock.now
        let outcome = await Self.execute(body, timeout: timeout, runID: running.id)
        let durationMs = (clock.now - began).wholeMilliseconds
        let finishedAt = configuration.now()

        let completion: RunCompletion
        switch outcome {
        case .returned:
            completion = .success(finishedAt: finishedAt, durationMs: durationMs)
        case .threw(let error):
            let normalized = Task.isCancelled
                ? NormalizedError<RunErrorCode>(code: .canceled, detail: String(describing: error))
                : RunErrorCode.normalize(error)
            completion = .failure(normalized, finishedAt: finishedAt, durationMs: durationMs,
                                  metadata: failureMetadata(metadata, normalized))
        case .timedOut(let error):
            let normalized = NormalizedError<RunErrorCode>(code: .timeout, detail: error.description)
            completion = .failure(normalized, finishedAt: finishedAt, durationMs: durationMs,
                                  metadata: failureMetadata(metadata, normalized))
        }
        await finish(running, with: completion)
        return try outcome.get()
    }

    /// Closes runs left running longer than `threshold` (see ``RunStore/sweepStale(olderThan:now:)``) and
    /// publishes them. Call it at startup and periodically, so no run stays running (无 running 悬挂).
    /// A stale row the store cannot read goes to ``RunTrackerConfiguration/onRecordingFailure`` (stage
    /// `sweep`, error ``RunStoreError/unreadable(_:)``), so an operator learns of it.
    @discardableResult
    public func sweepStale(olderThan threshold: Duration = RunStoreDefaults.staleThreshold,
                           now: Date? = nil) async throws -> [AgentRun] {
        let sweep = try await store.sweepStale(olderThan: threshold, now: now ?? configuration.now())
        if configuration.isEnabled { sweep.swept.forEach(feed.publish) }
        for unreadable in sweep.unreadable {
            report(.sweep, unreadable.id ?? "", RunStoreError.unreadable(unreadable))
        }
        return sweep.swept
    }

    /// Sweeps now, then every `interval`, until the calling task is cancelled: run it beside the
    /// service (for example in its task group), so runs left by a crashed or killed instance are closed
    /// at start-up and afterwards. A failed sweep goes to ``RunTrackerConfiguration/onRecordingFailure``
    /// (stage `sweep`) and the loop goes on.
    public func sweepStalePeriodically<C: Clock>(every interval: Duration,
                                                 olderThan threshold: Duration = RunStoreDefaults.staleThreshold,
                                                 clock: C) async where C.Duration == Duration {
        while !Task.isCancelled {
            do {
                try await sweepStale(olderThan: threshold)
            } catch {
                report(.sweep, "", error)
            }
            do {
                try await clock.sleep(for: interval)
            } catch {
                return
            }
        }
    }

    /// ``sweepStalePeriodically(every:olderThan:clock:)`` on `ContinuousClock`, every minute by default.
    public func sweepStalePeriodically(every interval: Duration = .seconds(60),
                                       olderThan threshold: Duration = RunStoreDefaults.staleThreshold) async {
        await sweepStalePeriodically(every: interval, olderThan: threshold, clock: ContinuousClock())
    }

    // MARK: Recording

    /// Creates the run and marks it running; nil when the store failed (reported, body runs untracked).
    private func start(_ queued: AgentRun) async -> AgentRun? {
        let store = self.store
        do {
            let running = try await Self.shielded { try await store.start(queued) }
            feed.publish(queued)
            feed.publish(running)
            return running
        } catch {
            report(.start, queued.id, error)
            return nil
        }
    }

    private func finish(_ run: AgentRun, with completion: RunCompletion) async {
        let store = self.store
        do {
            let result = try await Self.shielded { try await store.finish(run, with: completion) }
            if result.didFinish { feed.publish(result.run) }
        } catch {
            report(.finish, run.id, error)
        }
    }

    private func report(_ stage: RunRecordingFailure.Stage, _ runID: String, _ error: any Error) {
        configuration.onRecordingFailure?(RunRecordingFailure(stage: stage, runID: runID, error: error))
    }

    /// Runs a store write so that this task's cancellation cannot stop it: a cancelled run must still be
    /// recorded as canceled. When the task is already cancelled the write runs in a new task, which does
    /// not inherit the cancellation; otherwise it runs here, saving two thread hops per write (stores
    /// finish a write once started, see ``RunStore``).
    private static func shielded<R: Sendable>(_ write: @escaping @Sendable () async throws -> R) async throws -> R {
        guard Task.isCancelled else { return try await write() }
        return try await Task { try await write() }.value
    }

    // MARK: Metadata

    private func metadataSize(_ metadata: JSONValue?) throws -> Int {
        guard let metadata else { return 0 }
        do {
            return try metadata.jsonUTF8Data().count
        } catch {
            throw RunTrackingError.metadataNotJSON(String(describing: error))
        }
    }

    /// The caller's metadata plus `retryable` and `error_detail`, within the limit: the detail is
    /// shortened, then dropped, then `retryable`, so the stored metadata never exceeds the limit.
    private func failureMetadata(_ base: JSONObject?, _ error: NormalizedError<RunErrorCode>) -> JSONValue? {
        let limit = configuration.metadataLimitBytes
        var object = base ?? JSONObject()
        object["retryable"] = .bool(error.isRetryable)
        var detail = error.detail
        while true {
            object["error_detail"] = .string(detail)
            let size = (try? metadataSize(.object(object))) ?? Int.max
            if size <= limit { return .object(object) }
            if detail.isEmpty { break }
            let excess = size - limit
            detail = String(detail.prefix(max(0, detail.count - max(excess, detail.count / 4, 1))))
        }
        object["error_detail"] = nil
        if ((try? metadataSize(.object(object))) ?? Int.max) <= limit { return .object(object) }
        return base.map(JSONValue.object)
    }

    // MARK: Executing the body

    /// How the body ended.
    enum Outcome<T: Sendable>: Sendable {
        case returned(T)
        case threw(any Error)
        case timedOut(ContractTimeoutError)

        func get() throws -> T {
            switch self {
            case .returned(let value): return value
            case .threw(let error): throw error
            case .timedOut(let error): throw error
            }
        }
    }

    private enum Race<T: Sendable>: Sendable {
        case body(Outcome<T>)
        case deadline
        case deadlineCancelled
    }

    /// Runs `body` with the run id in ``currentRunID``; with a `timeout`, races it against a sleep and
    /// on expiry cancels the body and waits for it to return before reporting the timeout.
    private static func execute<T: Sendable>(_ body: @escaping @Sendable () async throws -> T, timeout: Duration?,
                                             runID: String?) async -> Outcome<T> {
        let operation: @Sendable () async -> Outcome<T> = {
            do { return .returned(try await $currentRunID.withValue(runID) { try await body() }) }
            catch { return .threw(error) }
        }
        guard let timeout else { return await operation() }
        return await withTaskGroup(of: Race<T>.self) { group in
            group.addTask { .body(await operation()) }
            group.addTask {
                do {
                    try await Task.sleep(for: timeout)
                    return .deadline
                } catch {
                    return .deadlineCancelled
                }
            }
            while let next = await group.next() {
                switch next {
                case .body(let outcome):
                    group.cancelAll()
                    return outcome
                case .deadline:
                    group.cancelAll()
                    // The group awaits the cancelled body before returning.
                    return .timedOut(ContractTimeoutError(operation: runID.map { "run \($0)" }, limit: timeout))
                case .deadlineCancelled:
                    continue
                }
            }
            return .threw(CancellationError())
        }
    }
}
