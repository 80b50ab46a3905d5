import ContractRunTracking
import ContractRuntime
import ExecutionContracts
import Testing

/// TrackedStatus under contention: of many concurrent finishes exactly one wins and every other one
/// sees its outcome. Run under ThreadSanitizer with
/// `swift test --sanitize=thread --filter TrackedStatusConcurrencyTests`.
@Suite struct TrackedStatusConcurrencyTests {
    static let attempts = 1_000

    @Test func aThousandConcurrentFinishesHaveExactlyOneWinner() async throws {
        let status = TrackedStatus(TaskStatus.running)
        let terminals: [TaskStatus] = [.completed, .failed, .timedOut, .cancelled]
        let results = try await withThrowingTaskGroup(of: FinishResult<TaskStatus>.self) { group in
            for attempt in 0..<Self.attempts {
                group.addTask { try status.finish(terminals[attempt % terminals.count]) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == Self.attempts)
        let winners = results.filter(\.didFinish)
        try #require(winners.count == 1)
        let outcome = winners[0].status
        #expect(results.allSatisfy { $0 == .finished(outcome) || $0 == .alreadyFinished(existing: outcome) })
        #expect(results.filter { $0 == .alreadyFinished(existing: outcome) }.count == Self.attempts - 1)
        #expect(status.current == outcome)
    }

    @Test func finishesRacingTheStartOfARunNeverLoseTheFirstOutcome() async throws {
        let status = TrackedStatus<AgentRunStatus>()
        let terminals: [AgentRunStatus] = [.success, .error, .timeout, .canceled]
        // Half the tasks try to start the run, half to finish it: finishing before the start is refused.
        let results = await withTaskGroup(of: FinishResult<AgentRunStatus>?.self) { group in
            for attempt in 0..<Self.attempts {
                group.addTask {
                    if attempt.isMultiple(of: 2) {
                        _ = try? status.advance(to: .running)
                        return nil
                    }
                    return try? status.finish(terminals[attempt / 2 % terminals.count])
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        let finishes = results.compactMap { $0 }
        let winners = finishes.filter(\.didFinish)
        #expect(winners.count <= 1)
        if let outcome = winners.first?.status {
            #expect(finishes.allSatisfy { $0.status == outcome })
            #expect(status.current == outcome)
        }
    }

    @Test func aThousandConcurrentStartsHaveExactlyOneWinner() async {
        let status = TrackedStatus<TaskStatus>()
        let started = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<Self.attempts {
                group.addTask { (try? status.advance(to: .running)) != nil }
            }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(started == 1)
        #expect(status.current == .running)
    }
}
