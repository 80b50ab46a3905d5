import ContractRunTracking
import ContractRuntime
import Foundation
import Testing

/// What every ``RunStore`` must do, checked the same way against each store by the suites in
/// RunStoreContractTests.swift. Each case is one behaviour, named as a sentence.
enum RunStoreBehaviour: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case aCreatedRunReadsBackUnchanged
    case creatingADuplicateIDIsRefused
    case markRunningMovesOnlyAQueuedRun
    case startAndFinishWithTheRunReturnWhatIsStored
    case finishingARunningRunWritesTheTerminalState
    case finishingATerminalRunKeepsTheFirstOutcome
    case finishingAQueuedRunIsRefused
    case aThousandConcurrentFinishesWriteExactlyOnce
    case finishedAtNeverPrecedesStartedAt
    case metadataKeepsItsKeyOrderAndNumbers
    case listIsNewestFirstWithTiesBrokenByID
    case listFiltersBySourceSessionStatusAndStartTime
    case listClampsTheLimitToOneThroughTwoHundred
    case cursorPaginationVisitsEveryRunExactlyOnce
    case staleSweepClosesOnlyRunsRunningPastTheThreshold
    case cancellingABodyLeavesTheRunCanceled
    case aTimeoutLeavesTheRunTimedOut

    var testDescription: String { rawValue }

    func check(_ store: any RunStore) async throws {
        switch self {
        case .aCreatedRunReadsBackUnchanged: try await createdRunReadsBack(store)
        case .creatingADuplicateIDIsRefused: try await duplicateIDIsRefused(store)
        case .markRunningMovesOnlyAQueuedRun: try await markRunningMovesOnlyQueued(store)
        case .startAndFinishWithTheRunReturnWhatIsStored: try await startAndFinishWithRun(store)
        case .finishingARunningRunWritesTheTerminalState: try await finishWritesTerminalState(store)
        case .finishingATerminalRunKeepsTheFirstOutcome: try await finishKeepsFirstOutcome(store)
        case .finishingAQueuedRunIsRefused: try await finishingQueuedIsRefused(store)
        case .aThousandConcurrentFinishesWriteExactlyOnce: try await concurrentFinishes(store)
        case .finishedAtNeverPrecedesStartedAt: try await finishedAtClamped(store)
        case .metadataKeepsItsKeyOrderAndNumbers: try await metadataRoundTrips(store)
        case .listIsNewestFirstWithTiesBrokenByID: try await listOrder(store)
        case .listFiltersBySourceSessionStatusAndStartTime: try await listFilters(store)
        case .listClampsTheLimitToOneThroughTwoHundred: try await listClamps(store)
        case .cursorPaginationVisitsEveryRunExactlyOnce: try await cursorPagination(store)
        case .staleSweepClosesOnlyRunsRunningPastTheThreshold: try await staleSweep(store)
        case .cancellingABodyLeavesTheRunCanceled: try await cancellation(store)
        case .aTimeoutLeavesTheRunTimedOut: try await timeout(store)
        }
    }

    private func createdRunReadsBack(_ store: any RunStore) async throws {
        let run = RunFixtures.queued("run-a", metadata: ["k": "v"])
        try await store.create(run)
        #expect(try await store.get(id: "run-a") == run)
        #expect(try await store.get(id: "missing") == nil)
    }

    private func duplicateIDIsRefused(_ store: any RunStore) async throws {
        try await store.create(RunFixtures.queued("run-a"))
        await #expect(throws: RunStoreError.duplicateID("run-a")) {
            try await store.create(RunFixtures.queued("run-a", source: .chat))
        }
        #expect(try await store.get(id: "run-a")?.source == .skill)
    }

    private func markRunningMovesOnlyQueued(_ store: any RunStore) async throws {
        try await store.create(RunFixtures.queued("run-a"))
        #expect(try await store.markRunning(id: "run-a").status == .running)
        await #expect(throws: RunStoreError.refusedMove(from: .running, to: .running)) {
            try await store.markRunning(id: "run-a")
        }
        await #expect(throws: RunStoreError.notFound("missing")) { try await store.markRunning(id: "missing") }
    }

    /// The tracker's path: `start` and `finish(_:with:)` may skip reading rows back, so what they
    /// return must still be exactly what a read returns.
    private func startAndFinishWithRun(_ store: any RunStore) async throws {
        let queued = RunFixtures.queued("run-a", startedAt: RunFixtures.epoch.addingTimeInterval(0.1234567),
                                        metadata: ["caller": "test", "n": 1])
        let running = try await store.start(queued)
        #expect(running.status == .running)
        #expect(try await store.get(id: "run-a") == running)
        await #expect(throws: RunStoreError.duplicateID("run-a")) { try await store.start(queued) }

        // No message given: the code's message is stored; new metadata replaces the old.
        let completion = RunCompletion(status: .error, finishedAt: running.startedAt.addingTimeInterval(-5),
                                       durationMs: -3, errorCode: .providerUnavailable, errorMessage: nil,
                                       metadata: ["retryable": true])
        let first = try await store.finish(running, with: completion)
        #expect(first.didFinish)
        #expect(try await store.get(id: "run-a") == first.run)
        #expect(first.run.errorMessage == RunErrorCode.providerUnavailable.defaultMessage)
        #expect(first.run.finishedAt == running.startedAt && first.run.durationMs == 0)

        let second = try await store.finish(running, with: RunFixtures.success(after: running))
        #expect(!second.didFinish && second.run == first.run)

        // Without new metadata the stored metadata stays.
        let other = try await store.start(RunFixtures.queued("run-b", metadata: ["keep": "me"]))
        let finished = try await store.finish(other, with: RunFixtures.success(after: other))
        #expect(finished.run.metadata == ["keep": "me"])
        #expect(try await store.get(id: "run-b") == finished.run)
    }

    private func finishWritesTerminalState(_ store: any RunStore) async throws {
        let run = try await RunFixtures.running(RunFixtures.queued("run-a"), in: store)
        let result = try await store.finish(id: run.id, with: RunFixtures.failure(.providerUnavailable, after: run, seconds: 2))
        #expect(result.didFinish)
        #expect(result.run.status == .error)
        #expect(result.run.errorCode == .providerUnavailable)
        #expect(result.run.errorMessage == RunErrorCode.providerUnavailable.defaultMessage)
        #expect(result.run.durationMs == 2000)
        #expect(result.run.finishedAt == run.startedAt.addingTimeInterval(2))
        #expect(result.run.violations().isEmpty)
        #expect(try await store.get(id: run.id) == result.run)
    }

    private func finishKeepsFirstOutcome(_ store: any RunStore) async throws {
        let run = try await RunFixtures.running(RunFixtures.queued("run-a"), in: store)
        let first = try await store.finish(id: run.id, with: RunFixtures.success(after: run))
        let second = try await store.finish(id: run.id, with: RunFixtures.failure(.timeout, after: run, seconds: 5))
        #expect(first.didFinish && !second.didFinish)
        #expect(second.run == first.run)
        #expect(second.result == .alreadyFinished(existing: .success))
        #expect(try await store.get(id: run.id)?.status == .success)
    }

    private func finishingQueuedIsRefused(_ store: any RunStore) async throws {
        let run = RunFixtures.queued("run-a")
        try await store.create(run)
        await #expect(throws: RunStoreError.refusedMove(from: .queued, to: .success)) {
            try await store.finish(id: run.id, with: RunFixtures.success(after: run))
        }
        await #expect(throws: RunStoreError.notFound("missing")) {
            try await store.finish(id: "missing", with: RunFixtures.success(after: run))
        }
        #expect(try await store.get(id: run.id)?.status == .queued)
    }

    private func concurrentFinishes(_ store: any RunStore) async throws {
        let run = try await RunFixtures.running(RunFixtures.queued("run-race"), in: store)
        let codes: [RunErrorCode?] = [nil, .timeout, .canceled, .internalError, .providerUnavailable]
        let results = try await withThrowingTaskGroup(of: RunFinishResult.self) { group in
            for index in 0..<1000 {
                let completion = codes[index % codes.count].map { RunFixtures.failure($0, after: run, seconds: Double(index)) }
                    ?? RunFixtures.success(after: run, seconds: Double(index))
                group.addTask { try await store.finish(id: run.id, with: completion) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 1000)
        #expect(results.filter(\.didFinish).count == 1)
        let stored = try #require(try await store.get(id: run.id))
        #expect(results.allSatisfy { $0.run == stored })
        #expect(stored.status.isTerminal)
    }

    private func finishedAtClamped(_ store: any RunStore) async throws {
        let run = try await RunFixtures.running(RunFixtures.queued("run-a"), in: store)
        let result = try await store.finish(id: run.id, with: .success(finishedAt: run.startedAt.addingTimeInterval(-30),
                                                                       durationMs: -5))
        #expect(result.run.finishedAt == run.startedAt)
        #expect(result.run.durationMs == 0)
        #expect(result.run.violations().isEmpty)
        // A finish time below the stored microsecond precision must not be refused as "before started".
        let subMicro = try await RunFixtures.running(RunFixtures.queued("run-b"), in: store)
        let rounded = try await store.finish(id: subMicro.id, with: .success(
            finishedAt: subMicro.startedAt.addingTimeInterval(0.000_000_4), durationMs: 0))
        #expect(rounded.didFinish)
        #expect(rounded.run.violations().isEmpty)
    }

    private func metadataRoundTrips(_ store: any RunStore) async throws {
        let metadata = try JSONValue(jsonString: #"{"z":1,"a":1.0,"nested":{"b":[true,null,"文"]}}"#)
        try await store.create(RunFixtures.queued("run-a", metadata: metadata))
        let stored = try #require(try await store.get(id: "run-a")?.metadata)
        #expect(try stored.jsonString() == metadata.jsonString())
    }

    private func listOrder(_ store: any RunStore) async throws {
        let t = RunFixtures.epoch
        for (id, offset) in [("b", 0.0), ("a", 0.0), ("c", 10.0), ("d", -10.0), ("e", 0.000_001)] {
            try await store.create(RunFixtures.queued(id, startedAt: t.addingTimeInterval(offset)))
        }
        #expect(try await store.list(RunQuery()).runs.map(\.id) == ["c", "e", "b", "a", "d"])
    }

    private func listFilters(_ store: any RunStore) async throws {
        let t = RunFixtures.epoch
        try await store.create(RunFixtures.queued("chat-1", source: .chat, sessionID: "s1", startedAt: t))
        try await store.create(RunFixtures.queued("skill-1", source: .skill, sessionID: "s1", startedAt: t.addingTimeInterval(1)))
        try await store.create(RunFixtures.queued("beat-1", source: .heartbeat, sessionID: nil, startedAt: t.addingTimeInterval(2)))
        try await RunFixtures.running(RunFixtures.queued("skill-2", source: .skill, sessionID: "s2", startedAt: t.addingTimeInterval(3)), in: store)
        func ids(_ query: RunQuery) async throws -> [String] { try await store.list(query).runs.map(\.id) }
        #expect(try await ids(RunQuery(source: .skill)) == ["skill-2", "skill-1"])
        #expect(try await ids(RunQuery(sessionID: "s1")) == ["skill-1", "chat-1"])
        #expect(try await ids(RunQuery(status: .running)) == ["skill-2"])
        #expect(try await ids(RunQuery(startedBefore: t.addingTimeInterval(2))) == ["skill-1", "chat-1"])
        #expect(try await ids(RunQuery(startedAfter: t.addingTimeInterval(2))) == ["skill-2", "beat-1"])
        #expect(try await ids(RunQuery(source: .skill, sessionID: "s1", status: .queued,
                                       startedBefore: t.addingTimeInterval(5), startedAfter: t)) == ["skill-1"])
        #expect(try await ids(RunQuery(source: .chat, status: .running)) == [])
    }

    private func listClamps(_ store: any RunStore) async throws {
        for index in 0..<205 {
            try await store.create(RunFixtures.queued(String(format: "run-%03d", index),
                                                      startedAt: RunFixtures.epoch.addingTimeInterval(Double(index))))
        }
        #expect(try await store.list(RunQuery()).runs.count == 50)
        #expect(try await store.list(RunQuery(limit: 0)).runs.count == 1)
        #expect(try await store.list(RunQuery(limit: -3)).runs.count == 1)
        #expect(try await store.list(RunQuery(limit: 500)).runs.count == 200)
        #expect(try await store.list(RunQuery(limit: 500)).nextCursor != nil)
        #expect(try await store.list(RunQuery(limit: 7)).runs.first?.id == "run-204")
    }

    private func cursorPagination(_ store: any RunStore) async throws {
        var expected: [String] = []
        for index in 0..<23 {
            // Pairs share a start time, so pages must break ties by id without repeating or skipping.
            let run = RunFixtures.queued("run-\(index)", source: index % 3 == 0 ? .chat : .skill,
                                         startedAt: RunFixtures.epoch.addingTimeInterval(Double(index / 2)))
            try await store.create(run)
            if run.source == .skill { expected.append(run.id) }
        }
        var seen: [String] = []
        var cursor: RunCursor?
        repeat {
            let page = try await store.list(RunQuery(source: .skill, limit: 4, cursor: cursor))
            #expect(page.runs.count <= 4)
            seen += page.runs.map(\.id)
            cursor = try page.nextCursor.map { try #require(RunCursor(token: $0.token)) }
        } while cursor != nil
        #expect(seen.count == expected.count)
        #expect(Set(seen) == Set(expected))
        let all = try await store.list(RunQuery(source: .skill, limit: 200)).runs.map(\.id)
        #expect(seen == all)
    }

    private func staleSweep(_ store: any RunStore) async throws {
        let now = RunFixtures.epoch.addingTimeInterval(1000)
        let old = try await RunFixtures.running(RunFixtures.queued("old", startedAt: now.addingTimeInterval(-181)), in: store)
        try await RunFixtures.running(RunFixtures.queued("recent", startedAt: now.addingTimeInterval(-179)), in: store)
        try await store.create(RunFixtures.queued("queued", startedAt: now.addingTimeInterval(-500)))
        let done = try await RunFixtures.running(RunFixtures.queued("done", startedAt: now.addingTimeInterval(-500)), in: store)
        _ = try await store.finish(id: done.id, with: RunFixtures.success(after: done))

        let sweep = try await store.sweepStale(olderThan: .seconds(180), now: now)
        #expect(sweep.swept.map(\.id) == ["old"])
        #expect(sweep.unreadable.isEmpty)
        let stale = try #require(try await store.get(id: old.id))
        #expect(stale.status == .timeout)
        #expect(stale.errorCode == .staleRun)
        #expect(stale.errorMessage == RunErrorCode.staleRun.defaultMessage)
        #expect(stale.durationMs == 181_000)
        #expect(stale.violations().isEmpty)
        #expect(try await store.get(id: "recent")?.status == .running)
        #expect(try await store.get(id: "queued")?.status == .queued)
        #expect(try await store.get(id: "done")?.status == .success)
        #expect(try await store.sweepStale(olderThan: .seconds(180), now: now).swept.isEmpty)
        // The default threshold is 180 s.
        #expect(try await store.sweepStale(now: now.addingTimeInterval(2)).swept.map(\.id) == ["recent"])
    }

    private func cancellation(_ store: any RunStore) async throws {
        let tracker = RunTracker(store: store)
        let started = AsyncStream.makeStream(of: String.self)
        let task = Task {
            try await tracker.withRun(source: .chat, sessionID: "s") {
                started.continuation.yield(RunTracker.currentRunID ?? "")
                try await Task.sleep(for: .seconds(60))
            }
        }
        var iterator = started.stream.makeAsyncIterator()
        let id = try #require(await iterator.next())
        #expect(try await store.get(id: id)?.status == .running)
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
        let run = try #require(try await store.get(id: id))
        #expect(run.status == .canceled)
        #expect(run.errorCode == .canceled)
        #expect(run.violations().isEmpty)
    }

    private func timeout(_ store: any RunStore) async throws {
        let failures = FailureLog()
        let tracker = RunTracker(store: store, configuration: RunTrackerConfiguration(onRecordingFailure: { failures.append($0) }))
        let bodyWasCancelled = ManagedFlag()
        await #expect(throws: ContractTimeoutError.self) {
            try await tracker.withRun(source: .heartbeat, sourceRef: "task-7", timeout: .milliseconds(100)) {
                do {
                    try await Task.sleep(for: .seconds(60))
                } catch {
                    bodyWasCancelled.set()
                    throw error
                }
            }
        }
        #expect(bodyWasCancelled.value)
        #expect(failures.stages.isEmpty)
        let runs = try await store.list(RunQuery(source: .heartbeat)).runs
        let run = try #require(runs.first)
        #expect(runs.count == 1)
        #expect(run.status == .timeout)
        #expect(run.errorCode == .timeout)
        #expect((run.durationMs ?? 0) >= 100)
        #expect(run.metadata?["retryable"] == .bool(true))
        #expect(run.violations().isEmpty)
    }
}
