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
        #expect(failures.stages == [.create])
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
        #expect(update.run.errorCode == .staleRun)
        #expect(update.message.data.status == .failed)
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
    func sweepStale(olderThan threshold: Duration, now: Date) async throws -> [AgentRun] { [] }
}
