/// Runs `operation`, retrying failures the catalog calls retryable with the policy's backoff, and
/// returns its first success.
///
/// ```swift
/// let rows = try await withRetry(policy: .taskPipeline) { try await tool.call(input) }
/// ```
///
/// Every failure is normalized through the catalog (``NormalizingErrorCatalog/normalize(_:)``), so this
/// throws only ``NormalizedError``:
/// - a non-retryable failure is thrown at once, as normalized;
/// - a retryable failure is retried after ``RetryPolicy/delay(beforeRetry:using:)``, slept on `clock`,
///   until `policy.maxRetries` retries are used; then the catalog's `retry_exhausted` code (its
///   `default:` code when the table has none) is thrown, with the attempts and the last failure in `detail`;
/// - cancellation, before an attempt or during a wait, stops at once with the catalog's cancellation
///   code; an attempt already running is not interrupted by this function.
///
/// - Parameters:
///   - policy: The retry policy and its catalog; generated policies are static members such as `.taskPipeline`.
///   - clock: The clock the waits are slept on; tests pass a manual clock.
///   - random: The source of jitter; pass a seeded ``SplitMix64`` for repeatable delays.
///   - isolation: The actor `operation` runs on; the caller's, by default.
///   - operation: The work; called once per attempt.
public func withRetry<Success, Code: NormalizingErrorCatalog>(
    policy: CatalogRetryPolicy<Code>,
    clock: some Clock<Duration> = ContinuousClock(),
    random: some RandomNumberGenerator = SystemRandomNumberGenerator(),
    isolation: isolated (any Actor)? = #isolation,
    operation: () async throws -> Success
) async throws(NormalizedError<Code>) -> Success {
    var random = random
    var retry = 0
    while true {
        if Task.isCancelled {
            throw NormalizedError(normalizing: CancellationError())
        }
        let failure: NormalizedError<Code>
        do {
            return try await operation()
        } catch {
            failure = Code.normalize(error)
        }
        guard failure.isRetryable else { throw failure }
        guard retry < policy.policy.maxRetries else {
            let attempts = retry + 1
            throw NormalizedError(.retryExhausted, detail: "gave up after \(attempts) attempt\(attempts == 1 ? "" : "s"); last error \(failure)")
        }
        let delay = policy.policy.delay(beforeRetry: retry, using: &random)
        do {
            try await clock.sleep(for: delay)
        } catch {
            // Clock sleeps throw only when the task is cancelled.
            throw NormalizedError(normalizing: CancellationError())
        }
        retry += 1
    }
}

/// Runs `operation` with retries like ``withRetry(policy:clock:random:isolation:operation:)``, for a
/// policy that is not bound to a catalog: `catalog` decides what is retried and names exhaustion.
///
/// ```swift
/// let policy = RetryPolicy(maxRetries: 2, initialDelay: .milliseconds(200), maxDelay: .seconds(5))
/// try await withRetry(policy: policy, catalog: ErrorCode.self) { try await store.save(result) }
/// ```
public func withRetry<Success, Code: NormalizingErrorCatalog>(
    policy: RetryPolicy,
    catalog: Code.Type,
    clock: some Clock<Duration> = ContinuousClock(),
    random: some RandomNumberGenerator = SystemRandomNumberGenerator(),
    isolation: isolated (any Actor)? = #isolation,
    operation: () async throws -> Success
) async throws(NormalizedError<Code>) -> Success {
    try await withRetry(policy: CatalogRetryPolicy(policy, catalog: catalog), clock: clock, random: random,
                        isolation: isolation, operation: operation)
}
