import ContractRunTracking
import ContractRuntime
import Foundation
import Testing

@Suite struct RunUpdatesTests {
    @Test func aRunsUpdatesArriveInOrderAsExecutionUpdateMessages() async throws {
        let tracker = RunTracker(store: InMemoryRunStore(), configuration: RunTrackerConfiguration(makeRunID: { "run-1" }))
        let updates = tracker.updates()
        try await tracker.withRun(source: .skill, sourceRef: "pptx") {}
        var iterator = updates.makeAsyncIterator()
        var statuses: [AgentRunStatus] = []
        var messages: [ExecutionUpdate] = []
        for _ in 0..<3 {
            let update = try #require(await iterator.next())
            statuses.append(update.run.status)
            messages.append(update.message)
        }
        #expect(statuses == [.queued, .running, .success])
        #expect(messages.map(\.data.status) == [.pending, .running, .succeeded])
        #expect(messages.map { $0.data.startedAt == nil } == [true, false, false])
        for message in messages {
            #expect(message.type == .executionUpdate)
            #expect(message.data.id == ExecutionUpdate.feedID(forRunID: "run-1"))
            #expect(message.data.executionType == ExecutionType(rawValue: "skill"))
            #expect(message.violations().isEmpty)
            // Every message survives the strict wire round trip.
            #expect(try ExecutionUpdate(jsonString: message.jsonString()).jsonString() == message.jsonString())
        }
        #expect(updates.droppedCount == 0)
    }

    @Test func unsuccessfulRunsAreFailedExecutionsCarryingTheUserMessage() throws {
        for status in [AgentRunStatus.error, .timeout, .canceled] {
            let code: RunErrorCode = status == .timeout ? .timeout : status == .canceled ? .canceled : .permissionDenied
            let run = AgentRun(id: "r", source: .chat, sourceRef: nil, sessionId: nil, status: status,
                               startedAt: RunFixtures.epoch, finishedAt: RunFixtures.epoch, durationMs: 0,
                               errorCode: code, errorMessage: code.defaultMessage, metadata: nil)
            let message = ExecutionUpdate(run: run)
            #expect(message.data.status == .failed)
            #expect(message.data.error == code.defaultMessage)
            #expect(message.violations().isEmpty)
        }
    }

    @Test func feedIDsArePositiveAndStable() {
        #expect(ExecutionUpdate.feedID(forRunID: "run-1") == ExecutionUpdate.feedID(forRunID: "run-1"))
        #expect(ExecutionUpdate.feedID(forRunID: "run-1") != ExecutionUpdate.feedID(forRunID: "run-2"))
        for id in ["", "a", UUID().uuidString] { #expect(ExecutionUpdate.feedID(forRunID: id) > 0) }
    }

    @Test func aSlowSubscriberLosesTheOldestUpdatesAndCountsThem() async throws {
        let tracker = RunTracker(store: InMemoryRunStore())
        let slow = tracker.updates(bufferSize: 4)
        for _ in 0..<5 { try await tracker.withRun(source: .chat) {} }   // 15 updates
        #expect(slow.droppedCount == 11)
        var iterator = slow.makeAsyncIterator()
        var kept: [AgentRunStatus] = []
        for _ in 0..<4 { kept.append(try #require(await iterator.next()).run.status) }
        // The newest four: the last run's running and success, after the fourth run's last two.
        #expect(kept == [.success, .queued, .running, .success])
    }

    @Test func everySubscriberGetsEveryUpdate() async throws {
        let tracker = RunTracker(store: InMemoryRunStore())
        let first = tracker.updates()
        let second = tracker.updates()
        try await tracker.withRun(source: .chat) {}
        var a = first.makeAsyncIterator()
        var b = second.makeAsyncIterator()
        for _ in 0..<3 { #expect(await a.next() == (await b.next())) }
    }
}
