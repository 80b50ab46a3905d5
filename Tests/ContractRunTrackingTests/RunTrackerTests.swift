import Synchronization
import ContractRunTracking
import ContractRuntime
import Foundation
import Testing

@Suite struct RunTrackerTests {
    struct ProviderDown: Error, ContractErrorConvertible, Equatable {
        var contractErrorCode: RunErrorCode { .providerUnavailable }
    }

    struct Unclassified: Error, Equatable, CustomStringConvertible {
        var description: String { "disk on fire" }
    }

    private func onlyRun(_ store: InMemoryRunStore) async throws -> AgentRun {
        let runs = try await store.list(RunQuery()).runs
        #expect(runs.count == 1)
        return try #require(runs.first)
    }

    @Test func aReturningBodyRecordsSuccessAndReturnsItsValue() async throws {
        let store = InMemoryRunStore()
        let tracker = RunTracker(store: store)
        let value = try await tracker.withRun(source: .skill, sourceRef: "pptx", sessionID: "s1", metadata: ["a": 1]) { 42 }
        #expect(value == 42)
        let run = try await onlyRun(store)
        #expect(run.status == .success)
        #expect(run.source == .skill && run.sourceRef == "pptx" && run.sessionId == "s1")
        #expect(run.metadata == ["a": 1])
        #expect(run.errorCode == nil && run.errorMessage == nil)
        #expect(run.violations().isEmpty)
    }

    @Test func durationIsMeasuredOnTheMonotonicClock() async throws {
        let store = InMemoryRunStore()
        // A wall clock that jumps backwards must not make the duration negative.
        let wall = WallClock(times: [RunFixtures.epoch, RunFixtures.epoch.addingTimeInterval(-3600)])
        let tracker = RunTracker(store: store, configuration: RunTrackerConfiguration(now: { wall.next() }))
        try await tracker.withRun(source: .chat) { try await Task.sleep(for: .milliseconds(50)) }
        let run = try await onlyRun(store)
        #expect((run.durationMs ?? -1) >= 50)
        #expect(run.finishedAt == run.startedAt)
        #expect(run.violations().isEmpty)
    }

    @Test func aThrowingBodyIsNormalizedAndItsErrorRethrownUnchanged() async throws {
        let store = InMemoryRunStore()
        let tracker = RunTracker(store: store)
        await #expect(throws: ProviderDown()) {
            try await tracker.withRun(source: .chat) { throw ProviderDown() }
        }
        let run = try await onlyRun(store)
        #expect(run.status == .error)
        #expect(run.errorCode == .providerUnavailable)
        #expect(run.errorMessage == RunErrorCode.providerUnavailable.defaultMessage)
        #expect(run.metadata?["retryable"] == .bool(true))
        #expect(run.metadata?["error_detail"] != nil)
    }

    @Test func anUnclassifiedErrorBecomesInternalErrorWithItsDetailInMetadata() async throws {
        let store = InMemoryRunStore()
        let tracker = RunTracker(store: store)
        await #expect(throws: Unclassified()) {
            try await tracker.withRun(source: .chat, metadata: ["entry": "cli"]) { throw Unclassified() }
        }
        let run = try await onlyRun(store)
        #expect(run.errorCode == .internalError)
        // The user message is the code's, never the error's text.
        #expect(run.errorMessage == RunErrorCode.internalError.defaultMessage)
        #expect(run.metadata == ["entry": "cli", "retryable": false, "error_detail": "disk on fire"])
    }

    @Test func aValidationFailureBecomesInvalidInput() async throws {
        let store = InMemoryRunStore()
        let tracker = RunTracker(store: store)
        await #expect(throws: ValidationFailure.self) {
            try await tracker.withRun(source: .chat) {
                throw ValidationFailure(modelName: "Input", violations: [])
            }
        }
        #expect(try await onlyRun(store).errorCode == .invalidInput)
    }

    @Test func aBodyThatFinishesBeforeTheTimeoutSucceeds() async throws {
        let store = InMemoryRunStore()
        let tracker = RunTracker(store: store)
        #expect(try await tracker.withRun(source: .chat, timeout: .seconds(30)) { "done" } == "done")
        #expect(try await onlyRun(store).status == .success)
    }

    @Test func theBodySeesItsRunID() async throws {
        let store = InMemoryRunStore()
        let tracker = RunTracker(store: store, configuration: RunTrackerConfiguration(makeRunID: { "fixed-id" }))
        let seen = try await tracker.withRun(source: .chat) { RunTracker.currentRunID }
        #expect(seen == "fixed-id")
        #expect(RunTracker.currentRunID == nil)
    }

    @Test func metadataPastTheLimitIsRefusedBeforeTheBodyRuns() async throws {
        let store = InMemoryRunStore()
        let tracker = RunTracker(store: store, configuration: RunTrackerConfiguration(metadataLimitBytes: 64))
        let ran = ManagedFlag()
        let big: JSONObject = ["text": .string(String(repeating: "x", count: 100))]
        await #expect(throws: RunTrackingError.metadataTooLarge(bytes: 111, limit: 64)) {
            try await tracker.withRun(source: .chat, metadata: big) { ran.set() }
        }
        #expect(!ran.value)
        #expect(try await store.list(RunQuery()).runs.isEmpty)
    }

    @Test func theDefaultMetadataLimitIsEightKiB() async throws {
        #expect(RunTrackerConfiguration().metadataLimitBytes == 8192)
        let tracker = RunTracker(store: InMemoryRunStore())
        // {"t":"…"} is 8 bytes plus the string.
        let fits: JSONObject = ["t": .string(String(repeating: "x", count: 8192 - 8))]
        try await tracker.withRun(source: .chat, metadata: fits) {}
        let over: JSONObject = ["t": .string(String(repeating: "x", count: 8192 - 7))]
        await #expect(throws: RunTrackingError.metadataTooLarge(bytes: 8193, limit: 8192)) {
            try await tracker.withRun(source: .chat, metadata: over) {}
        }
    }

    @Test func metadataPastTheLimitIsReportedWithItsSizeTheLimitAndTheSettingToRaise() async throws {
        let tracker = RunTracker(store: InMemoryRunStore(), configuration: RunTrackerConfiguration(metadataLimitBytes: 64))
        do {
            try await tracker.withRun(source: .chat, metadata: ["text": .string(String(repeating: "x", count: 100))]) {}
            Issue.record("metadata over the limit was accepted")
        } catch {
            #expect("\(error)" == "run metadata is 111 bytes of JSON; the limit is 64 bytes (RunTrackerConfiguration.metadataLimitBytes)")
        }
    }

    @Test func errorDetailIsShortenedToKeepMetadataWithinTheLimit() async throws {
        let store = InMemoryRunStore()
        let tracker = RunTracker(store: store, configuration: RunTrackerConfiguration(metadataLimitBytes: 200))
        struct Verbose: Error, CustomStringConvertible { var description: String { String(repeating: "e", count: 5000) } }
        await #expect(throws: Verbose.self) {
            try await tracker.withRun(source: .chat, metadata: ["k": "v"]) { throw Verbose() }
        }
        let metadata = try #require(try await onlyRun(store).metadata)
        #expect(try metadata.jsonUTF8Data().count <= 200)
        #expect(metadata["k"] == "v")
        #expect(metadata["retryable"] == false)
    }

    @Test func aStoreThatFailsNeverChangesTheBodysResult() async throws {
        let failures = FailureLog()
        let tracker = RunTracker(store: FailingRunStore(),
                                 configuration: RunTrackerConfiguration(onRecordingFailure: { failures.append($0) }))
        #expect(try await tracker.withRun(source: .chat) { 7 } == 7)
        #expect(failures.stages == [.start])
    }

    @Test func theStaleSweepPublishesTheRunsItCloses() async throws {
        let store = InMemoryRunStore()
        let tracker = RunTracker(store: store)
        let updates = tracker.updates()
        let run = try await RunFixtures.running(RunFixtures.queued("old"), in: store)
        let swept = try await tracker.sweepStale(now: run.startedAt.addingTimeInterval(181))
        #expect(swept.map(\.id) == ["old"])
        var iterator = updates.makeAsyncIterator()
        let update = try #require(await iterator.next())
        #expect(update.run.status == .timeout && update.run.errorCode == .staleRun)
        #expect(update.message.data.status == .failed)
    }

    @Test func aStaleRowTheStoreCannotReadIsReportedAsASweepFailure() async throws {
        let unreadable = UnreadableRun(id: "bad", problems: ["status 'done' is not one of queued"])
        struct UnreadableSweep: RunStore {
            let inner = InMemoryRunStore()
            let unreadable: UnreadableRun
            func create(_ run: AgentRun) async throws { try await inner.create(run) }
            func markRunning(id: String) async throws -> AgentRun { try await inner.markRunning(id: id) }
            func finish(id: String, with completion: RunCompletion) async throws -> RunFinishResult {
                try await inner.finish(id: id, with: completion)
            }
            func get(id: String) async throws -> AgentRun? { try await inner.get(id: id) }
            func list(_ query: RunQuery) async throws -> RunPage { try await inner.list(query) }
            func sweepStale(olderThan threshold: Duration, now: Date) async throws -> RunSweep {
                var sweep = try await inner.sweepStale(olderThan: threshold, now: now)
                sweep.unreadable.append(unreadable)
                return sweep
            }
        }
        let reports = Mutex<[String]>([])
        let store = UnreadableSweep(unreadable: unreadable)
        let tracker = RunTracker(store: store, configuration: RunTrackerConfiguration(
            onRecordingFailure: { failure in reports.withLock { $0.append("\(failure.stage) \(failure.runID): \(failure.error)") } }))
        let run = try await RunFixtures.running(RunFixtures.queued("old"), in: store)
        #expect(try await tracker.sweepStale(now: run.startedAt.addingTimeInterval(181)).map(\.id) == ["old"])
        #expect(reports.withLock { $0 } == ["sweep bad: stored run 'bad' is unreadable: status 'done' is not one of queued"])
    }
}

/// The sweeper's rounds are observed through the tracker's updates and failure reports, not timed:
/// tests that block threads elsewhere in the run can delay a round but not fail these tests.
@Suite(.timeLimit(.minutes(2))) struct PeriodicSweepTests {
    @Test func sweepsAtStartAndThenPeriodicallyUntilCancelled() async throws {
        let store = InMemoryRunStore()
        let tracker = RunTracker(store: store)
        var updates = tracker.updates().makeAsyncIterator()
        let longAgo = Date().addingTimeInterval(-3600)
        try await RunFixtures.running(RunFixtures.queued("before-start", startedAt: longAgo), in: store)
        let sweeper = Task { await tracker.sweepStalePeriodically(every: .milliseconds(20)) }

        let first = try #require(await updates.next())
        #expect(first.run.id == "before-start" && first.run.errorCode == .staleRun)
        // A fresh run, then a stale one: the round that closes the stale one saw the fresh one too.
        try await RunFixtures.running(RunFixtures.queued("fresh", startedAt: Date()), in: store)
        try await RunFixtures.running(RunFixtures.queued("later", startedAt: longAgo), in: store)
        let second = try #require(await updates.next())
        #expect(second.run.id == "later" && second.run.status == .timeout)
        #expect(try await store.get(id: "fresh")?.status == .running)

        sweeper.cancel()
        await sweeper.value
    }

    @Test func aFailingSweepIsReportedAndTheLoopGoesOn() async throws {
        struct Down: Error {}
        struct FailingSweep: RunStore {
            let inner = InMemoryRunStore()
            func create(_ run: AgentRun) async throws { try await inner.create(run) }
            func markRunning(id: String) async throws -> AgentRun { try await inner.markRunning(id: id) }
            func finish(id: String, with completion: RunCompletion) async throws -> RunFinishResult {
                try await inner.finish(id: id, with: completion)
            }
            func get(id: String) async throws -> AgentRun? { try await inner.get(id: id) }
            func list(_ query: RunQuery) async throws -> RunPage { try await inner.list(query) }
            func sweepStale(olderThan threshold: Duration, now: Date) async throws -> RunSweep { throw Down() }
        }
        let (failures, reported) = AsyncStream.makeStream(of: String.self)
        let tracker = RunTracker(store: FailingSweep(), configuration: RunTrackerConfiguration(
            onRecordingFailure: { failure in reported.yield(failure.description) }))
        let sweeper = Task { await tracker.sweepStalePeriodically(every: .milliseconds(10)) }
        let firstThree = await Array(failures.prefix(3).reduce(into: []) { $0.append($1) })
        sweeper.cancel()
        await sweeper.value
        #expect(firstThree == Array(repeating: "sweep of stale runs: Down()", count: 3))
    }
}

/// A wall clock that returns the given times in turn, then the last one.
final class WallClock: Sendable {
    private let times: Mutex<[Date]>
    init(times: [Date]) { self.times = Mutex(times) }
    func next() -> Date { times.withLock { $0.count > 1 ? $0.removeFirst() : $0[0] } }
}

/// A store whose every write fails.
struct FailingRunStore: RunStore {
    struct Unavailable: Error {}
    func create(_ run: AgentRun) async throws { throw Unavailable() }
    func markRunning(id: String) async throws -> AgentRun { throw Unavailable() }
    func finish(id: String, with completion: RunCompletion) async throws -> RunFinishResult { throw Unavailable() }
    func get(id: String) async throws -> AgentRun? { nil }
    func list(_ query: RunQuery) async throws -> RunPage { RunPage(runs: [], nextCursor: nil) }
    func sweepStale(olderThan threshold: Duration, now: Date) async throws -> RunSweep { RunSweep(swept: []) }
}
