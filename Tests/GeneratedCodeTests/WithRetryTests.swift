import ContractRunTracking
import ContractRuntime
import ExecutionContracts
import Synchronization
import Testing

/// withRetry: attempts, backoff waits on a manual clock, exhaustion, non-retryable errors and
/// cancellation. No test sleeps in real time.
@Suite(.timeLimit(.minutes(1))) struct WithRetryTests {
    /// Counts calls across tasks.
    final class Attempts: Sendable {
        private let count = Mutex(0)
        /// Records one attempt and returns its number, from 1.
        func next() -> Int { count.withLock { $0 += 1; return $0 } }
        var total: Int { count.withLock { $0 } }
    }

    struct DatabaseDown: Error, ContractErrorConvertible, CustomStringConvertible {
        var attempt: Int
        var contractErrorCode: ErrorCode { .databaseError }
        var description: String { "database down on attempt \(attempt)" }
    }

    struct ProviderDown: Error, ContractErrorConvertible {
        var contractErrorCode: RunErrorCode { .providerUnavailable }
    }

    /// Wakes each of the next `count` sleeps on `clock` by advancing exactly the time it asked for.
    static func advance(_ clock: TestClock, throughSleeps count: Int) async {
        for index in 0..<count {
            await clock.waitForSleepers()
            let requested = clock.requestedSleeps
            #expect(requested.count == index + 1)
            clock.advance(by: requested[index])
        }
    }

    /// The error `task` ended with, as a normalized error of `Code`.
    static func failure<Code, Success>(of task: Task<Success, any Error>, as _: Code.Type) async throws -> NormalizedError<Code> {
        switch await task.result {
        case .success:
            Issue.record("the task should have failed")
            throw CancellationError()
        case .failure(let error):
            return try #require(error as? NormalizedError<Code>)
        }
    }

    @Test func aGeneratedPolicyReadsWithoutNamingItsCatalog() async throws {
        let value = try await withRetry(policy: .taskPipeline) { 42 }
        #expect(value == 42)
    }

    @Test func aFirstSuccessRunsOnceAndNeverWaits() async throws {
        let clock = TestClock()
        let attempts = Attempts()
        let value = try await withRetry(policy: .taskPipeline, clock: clock) { attempts.next() }
        #expect(value == 1 && attempts.total == 1)
        #expect(clock.requestedSleeps.isEmpty)
    }

    @Test func retryableFailuresAreRetriedAfterTheBackoffDelays() async throws {
        let clock = TestClock()
        let attempts = Attempts()
        let task = Task {
            try await withRetry(policy: .taskPipeline, clock: clock) {
                let attempt = attempts.next()
                if attempt < 3 { throw ContractTimeoutError(operation: "attempt \(attempt)") }
                return "done on attempt \(attempt)"
            }
        }
        await Self.advance(clock, throughSleeps: 2)
        #expect(try await task.value == "done on attempt 3")
        #expect(clock.requestedSleeps == [.seconds(1), .seconds(2)])
        #expect(clock.now.offset == .seconds(3))
    }

    @Test func exhaustedRetriesThrowE005WithTheLastCauseAsDetail() async throws {
        let clock = TestClock()
        let attempts = Attempts()
        let policy = RetryPolicy(maxRetries: 2, initialDelay: .milliseconds(100), maxDelay: .seconds(1))
        let task = Task {
            try await withRetry(policy: policy, catalog: ErrorCode.self, clock: clock) { () async throws -> Int in
                throw DatabaseDown(attempt: attempts.next())
            }
        }
        await Self.advance(clock, throughSleeps: 2)
        let error = try await Self.failure(of: task, as: ErrorCode.self)
        #expect(error.code == .retryExhausted && error.code.rawValue == "E005")
        #expect(error.detail == "gave up after 3 attempts; last error E006: database down on attempt 3")
        #expect(error.userMessage == "The task failed after all retries were used.")
        #expect(!error.isRetryable && error.status == .failed)
        #expect(attempts.total == 3)
        #expect(clock.requestedSleeps == [.milliseconds(100), .milliseconds(200)])
    }

    @Test func theTaskPipelinePolicyGivesUpWithP005AndBlocksTheSubTask() async throws {
        let clock = TestClock()
        let attempts = Attempts()
        let task = Task {
            try await withRetry(policy: .taskPipeline, clock: clock) { () async throws -> Int in
                _ = attempts.next()
                throw ContractTimeoutError(operation: "tool pandas_tool.read_csv")
            }
        }
        await Self.advance(clock, throughSleeps: 3)
        let error = try await Self.failure(of: task, as: PipelineErrorCode.self)
        #expect(error.code == .retryExhausted && error.code.rawValue == "P005")
        #expect(error.status == .blocked)
        #expect(error.detail == "gave up after 4 attempts; last error P002: tool pandas_tool.read_csv timed out")
        #expect(attempts.total == 4)
        #expect(clock.requestedSleeps == [.seconds(1), .seconds(2), .seconds(4)])
    }

    @Test func aCatalogWithoutAnExhaustionCodeGivesUpWithItsDefaultCode() async throws {
        let clock = TestClock()
        let policy = RetryPolicy(maxRetries: 1, initialDelay: .seconds(1), maxDelay: .seconds(1))
        let task = Task {
            try await withRetry(policy: policy, catalog: RunErrorCode.self, clock: clock) { () async throws -> Int in
                throw ProviderDown()
            }
        }
        await Self.advance(clock, throughSleeps: 1)
        let error = try await Self.failure(of: task, as: RunErrorCode.self)
        #expect(error.code == .internalError)
        #expect(error.detail.hasPrefix("gave up after 2 attempts; last error provider_unavailable: "))
    }

    @Test func aNonRetryableFailureIsThrownAtOnceWithoutRetrying() async throws {
        let clock = TestClock()
        let attempts = Attempts()
        let failure = ValidationFailure(modelName: "SubTask", violations: [])
        do {
            _ = try await withRetry(policy: .taskPipeline, clock: clock) { () async throws -> Int in
                _ = attempts.next()
                throw failure
            }
            Issue.record("withRetry should throw")
        } catch {
            #expect(error.code == .invalidTask)
            #expect(error.detail == failure.description)
        }
        #expect(attempts.total == 1)
        #expect(clock.requestedSleeps.isEmpty)
    }

    @Test func aCodeDeclaredNotRetryableIsNotRetried() async throws {
        struct Forbidden: Error, ContractErrorConvertible {
            var contractErrorCode: RunErrorCode { .permissionDenied }
        }
        let attempts = Attempts()
        let policy = RetryPolicy(maxRetries: 5, initialDelay: .seconds(1), maxDelay: .seconds(1))
        await #expect(throws: NormalizedError(code: RunErrorCode.permissionDenied, detail: "Forbidden()")) {
            try await withRetry(policy: policy, catalog: RunErrorCode.self, clock: TestClock()) { () async throws -> Int in
                _ = attempts.next()
                throw Forbidden()
            }
        }
        #expect(attempts.total == 1)
    }

    @Test func cancellationDuringAWaitStopsAtOnceWithTheCancellationCode() async throws {
        let clock = TestClock()
        let attempts = Attempts()
        let task = Task {
            try await withRetry(policy: .taskPipeline, clock: clock) { () async throws -> Int in
                _ = attempts.next()
                throw ContractTimeoutError()
            }
        }
        await clock.waitForSleepers()
        task.cancel()
        let error = try await Self.failure(of: task, as: PipelineErrorCode.self)
        #expect(error.code == .cancelled && error.code.rawValue == "P007")
        #expect(attempts.total == 1)
        #expect(clock.now.offset == .zero && clock.sleeperCount == 0)
    }

    @Test func aCancelledTaskRunsNoAttempt() async throws {
        let attempts = Attempts()
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await withRetry(policy: .taskPipeline, clock: TestClock()) { attempts.next() }
        }
        let error = try await Self.failure(of: task, as: PipelineErrorCode.self)
        #expect(error.code == .cancelled)
        #expect(attempts.total == 0)
    }

    @Test func anAttemptThatThrowsCancellationIsNotRetried() async throws {
        let clock = TestClock()
        let attempts = Attempts()
        let policy = RetryPolicy(maxRetries: 3, initialDelay: .seconds(1), maxDelay: .seconds(1))
        do {
            _ = try await withRetry(policy: policy, catalog: ErrorCode.self, clock: clock) { () async throws -> Int in
                _ = attempts.next()
                throw CancellationError()
            }
            Issue.record("withRetry should throw")
        } catch {
            #expect(error.code == .cancelledError && error.status == .cancelled)
        }
        #expect(attempts.total == 1 && clock.requestedSleeps.isEmpty)
    }

    @Test func jitteredWaitsComeFromTheGivenGenerator() async throws {
        let clock = TestClock()
        let attempts = Attempts()
        let policy = RetryPolicy(maxRetries: 3, initialDelay: .seconds(1), maxDelay: .seconds(60), jitter: .full)
        let task = Task {
            try await withRetry(policy: policy, catalog: ErrorCode.self, clock: clock, random: SplitMix64(seed: 2024)) {
                if attempts.next() <= 3 { throw ContractTimeoutError() }
                return "ok"
            }
        }
        await Self.advance(clock, throughSleeps: 3)
        #expect(try await task.value == "ok")
        var generator = SplitMix64(seed: 2024)
        #expect(clock.requestedSleeps == (0..<3).map { policy.delay(beforeRetry: $0, using: &generator) })
    }

    @Test func zeroRetriesGivesUpAfterOneAttempt() async throws {
        let policy = RetryPolicy(maxRetries: 0, initialDelay: .seconds(1), maxDelay: .seconds(1))
        do {
            _ = try await withRetry(policy: policy, catalog: ErrorCode.self, clock: TestClock()) { () async throws -> Int in
                throw ContractTimeoutError()
            }
            Issue.record("withRetry should throw")
        } catch {
            #expect(error.code == .retryExhausted)
            #expect(error.detail == "gave up after 1 attempt; last error E002: the operation timed out")
        }
    }
}
