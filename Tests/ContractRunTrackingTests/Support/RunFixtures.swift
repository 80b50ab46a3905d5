import ContractRunTracking
import ContractRuntime
import Foundation

/// Runs and completions for tests.
enum RunFixtures {
    /// A fixed start time, so ordering tests do not depend on the clock.
    static let epoch = Date(timeIntervalSince1970: 1_772_000_000)

    static func queued(_ id: String, source: RunSource = .skill, sessionID: String? = "session-1",
                       startedAt: Date = epoch, metadata: JSONValue? = nil) -> AgentRun {
        AgentRun(id: id, source: source, sourceRef: source == .skill ? "pptx" : nil, sessionId: sessionID,
                 status: .queued, startedAt: startedAt, finishedAt: nil, durationMs: nil, errorCode: nil,
                 errorMessage: nil, metadata: metadata)
    }

    /// Creates `run` in `store` and marks it running.
    @discardableResult
    static func running(_ run: AgentRun, in store: any RunStore) async throws -> AgentRun {
        try await store.create(run)
        return try await store.markRunning(id: run.id)
    }

    static func success(after run: AgentRun, seconds: TimeInterval = 1) -> RunCompletion {
        .success(finishedAt: run.startedAt.addingTimeInterval(seconds), durationMs: Int64(seconds * 1000))
    }

    static func failure(_ code: RunErrorCode, after run: AgentRun, seconds: TimeInterval = 1) -> RunCompletion {
        .failure(NormalizedError(code: code, detail: "test"), finishedAt: run.startedAt.addingTimeInterval(seconds),
                 durationMs: Int64(seconds * 1000))
    }
}
