import ContractRuntime
import Foundation
import Synchronization

/// A ``RunStore`` in memory, for tests and for services that do not persist runs. Every operation runs
/// under one lock, so the finish guard is a compare-and-set like the SQL stores' `finished_at IS NULL`.
public final class InMemoryRunStore: RunStore {
    private let runs = Mutex<[String: AgentRun]>([:])

    /// An empty store.
    public init() {}

    public func create(_ run: AgentRun) async throws {
        try RunStoreError.checkNew(run)
        var stored = run
        stored.startedAt = RunTimestamp.normalized(run.startedAt)
        try runs.withLock { runs in
            guard runs[run.id] == nil else { throw RunStoreError.duplicateID(run.id) }
            runs[run.id] = stored
        }
    }

    public func markRunning(id: String) async throws -> AgentRun {
        try runs.withLock { runs in
            guard var run = runs[id] else { throw RunStoreError.notFound(id) }
            guard run.status == .queued else { throw RunStoreError.refusedMove(from: run.status, to: .running) }
            run.status = .running
            runs[id] = run
            return run
        }
    }

    public func finish(id: String, with completion: RunCompletion) async throws -> RunFinishResult {
        try runs.withLock { runs in
            guard let run = runs[id] else { throw RunStoreError.notFound(id) }
            if run.finishedAt != nil { return RunFinishResult(run: run, didFinish: false) }
            guard run.status == .running else { throw RunStoreError.refusedMove(from: run.status, to: completion.status) }
            try completion.check(on: run)
            let finished = completion.applied(to: run)
            runs[id] = finished
            return RunFinishResult(run: finished, didFinish: true)
        }
    }

    public func get(id: String) async throws -> AgentRun? {
        runs.withLock { $0[id] }
    }

    public func list(_ query: RunQuery) async throws -> RunPage {
        let limit = query.effectiveLimit
        let matching = runs.withLock { runs in runs.values.filter(query.matches) }
        let sorted = matching.sorted { a, b in
            let (ta, tb) = (RunTimestamp.text(a.startedAt), RunTimestamp.text(b.startedAt))
            return ta != tb ? ta > tb : a.id > b.id
        }
        return RunPage(rowsPlusOne: sorted.prefix(limit + 1).map(StoredRun.init(run:)), limit: limit)
    }

    public func sweepStale(olderThan threshold: Duration, now: Date) async throws -> RunSweep {
        let cutoff = RunTimestamp.text(RunStoreDefaults.staleCutoff(olderThan: threshold, now: now))
        return try runs.withLock { runs in
            var swept: [AgentRun] = []
            for (id, run) in runs where run.status == .running && RunTimestamp.text(run.startedAt) < cutoff {
                let finished = try RunCompletion.stale(for: run, now: now).checkedApplied(to: run)
                runs[id] = finished
                swept.append(finished)
            }
            return RunSweep(swept: swept.sorted { $0.id < $1.id })
        }
    }
}

extension Duration {
    /// The duration in seconds as a `TimeInterval`.
    var timeInterval: TimeInterval {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }

    /// The duration in whole milliseconds, never negative; saturates at `Int64.max` instead of
    /// overflowing for durations beyond 292 million years.
    var wholeMilliseconds: Int64 {
        let (seconds, attoseconds) = components
        guard seconds >= 0 else { return 0 }
        let (milliseconds, overflow) = seconds.multipliedReportingOverflow(by: 1000)
        guard !overflow else { return .max }
        let (total, overflowAgain) = milliseconds.addingReportingOverflow(attoseconds / 1_000_000_000_000_000)
        return overflowAgain ? .max : total
    }
}

extension RunCompletion {
    /// How the stale sweep ends `run`: status `timeout` with the `stale_run` code (the code's status in
    /// the catalog; the code, unlike `timeout`, tells that no tracker saw the run end), its duration the
    /// wall-clock time since it started.
    public static func stale(for run: AgentRun, now: Date) -> RunCompletion {
        let elapsed = now.timeIntervalSince(run.startedAt)
        return .failure(NormalizedError(code: .staleRun, detail: "run left running since \(RunTimestamp.text(run.startedAt))"),
                        finishedAt: now, durationMs: Int64(max(0, (elapsed * 1000).rounded(.down))))
    }

    /// ``applied(to:)`` after ``check(on:)``.
    public func checkedApplied(to run: AgentRun) throws -> AgentRun {
        try check(on: run)
        return applied(to: run)
    }
}
