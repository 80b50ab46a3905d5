import Foundation

/// A value bound to a SQL parameter.
public enum RunSQLValue: Sendable, Hashable {
    case text(String)
    case integer(Int64)
    case null

    /// `value` as text, or null.
    public static func nullable(_ value: String?) -> RunSQLValue { value.map { .text($0) } ?? .null }
    /// `value` as an integer, or null.
    public static func nullable(_ value: Int64?) -> RunSQLValue { value.map { .integer($0) } ?? .null }
}

/// A SQL statement with its parameters, in the placeholder style of one database.
public struct RunSQLStatement: Sendable, Hashable {
    /// The SQL text.
    public var sql: String
    /// The parameters, in placeholder order.
    public var binds: [RunSQLValue]
}

/// The statements both SQL stores run against `agent_runs`, so their guarantees come from one text:
/// the finish guard is `WHERE id = ? AND finished_at IS NULL AND status = 'running'`.
public struct AgentRunsSQL: Sendable {
    /// How parameters are written.
    public enum Placeholder: Sendable {
        /// `?` (SQLite).
        case questionMark
        /// `$1`, `$2`, … (PostgreSQL).
        case dollarNumbered
    }

    /// The placeholder style.
    public var placeholder: Placeholder

    /// Statements with `placeholder` parameters.
    public init(placeholder: Placeholder) {
        self.placeholder = placeholder
    }

    private struct Builder {
        var placeholder: Placeholder
        var binds: [RunSQLValue]

        /// A builder with room for `capacity` parameters (the most any statement here binds, so the
        /// list is allocated once).
        init(placeholder: Placeholder, capacity: Int = 12) {
            self.placeholder = placeholder
            binds = []
            binds.reserveCapacity(capacity)
        }

        mutating func bind(_ value: RunSQLValue) -> String {
            binds.append(value)
            return placeholder == .questionMark ? "?" : "$\(binds.count)"
        }
    }

    /// What a write statement returns for the row it wrote.
    public enum Returning: Sendable {
        /// Every column: the stored run.
        case run
        /// Only `id`: enough to tell whether the row was written, when the caller knows the run already.
        case id

        var columns: String { self == .run ? AgentRunsSchema.columns : "id" }
    }

    /// `INSERT` of a new run; returns no row when the id exists (`ON CONFLICT (id) DO NOTHING`). With
    /// `returning` nil the statement has neither clause, and an existing id fails with the database's
    /// primary-key error instead. Only the columns that are not NULL are listed (the others default to
    /// NULL).
    public func insert(_ record: AgentRunRecord, returning: Returning? = .run) -> RunSQLStatement {
        var b = Builder(placeholder: placeholder)
        var columns: [String] = []
        var values: [String] = []
        columns.reserveCapacity(11)
        values.reserveCapacity(11)
        func add(_ column: String, _ value: RunSQLValue) {
            guard value != .null else { return }
            columns.append(column)
            values.append(b.bind(value))
        }
        add("id", .text(record.id))
        add("source", .text(record.source))
        add("source_ref", .nullable(record.sourceRef))
        add("session_id", .nullable(record.sessionID))
        add("status", .text(record.status))
        add("started_at", .text(record.startedAt))
        add("finished_at", .nullable(record.finishedAt))
        add("duration_ms", .nullable(record.durationMs))
        add("error_code", .nullable(record.errorCode))
        add("error_message", .nullable(record.errorMessage))
        add("metadata", .nullable(record.metadata))
        var sql = "INSERT INTO agent_runs (\(columns.joined(separator: ", "))) VALUES (\(values.joined(separator: ", ")))"
        if let returning { sql += " ON CONFLICT (id) DO NOTHING RETURNING \(returning.columns)" }
        return RunSQLStatement(sql: sql, binds: b.binds)
    }

    /// Moves a queued run to running, returning the row when it moved (nothing with `returning` nil).
    public func markRunning(id: String, returning: Returning? = .run) -> RunSQLStatement {
        var b = Builder(placeholder: placeholder, capacity: 1)
        var sql = "UPDATE agent_runs SET status = 'running' WHERE id = \(b.bind(.text(id))) AND status = 'queued'"
        if let returning { sql += " RETURNING \(returning.columns)" }
        return RunSQLStatement(sql: sql, binds: b.binds)
    }

    /// The guarded finish: writes only while `finished_at IS NULL` (and the run is running), returning the
    /// row when this statement wrote it. `finished_at` never precedes `started_at`: when the caller knows
    /// the run's `startedAt` the later of the two is bound, otherwise SQL compares with the stored one.
    /// A running run has no error code, message or finish time (the `AgentRun` rules), so only the
    /// columns the completion sets are written; metadata is kept when the completion carries none.
    public func finish(id: String, with completion: RunCompletion, startedAt: Date? = nil,
                       returning: Returning = .run) throws -> RunSQLStatement {
        var b = Builder(placeholder: placeholder)
        var sets: [String] = []
        sets.reserveCapacity(6)
        sets.append("status = \(b.bind(.text(completion.status.rawValue)))")
        if let startedAt {
            sets.append("finished_at = \(b.bind(.text(RunTimestamp.text(max(completion.finishedAt, startedAt)))))")
        } else {
            let finishedAt = RunTimestamp.text(completion.finishedAt)
            sets.append("finished_at = CASE WHEN started_at > \(b.bind(.text(finishedAt))) THEN started_at "
                        + "ELSE \(b.bind(.text(finishedAt))) END")
        }
        sets.append("duration_ms = \(b.bind(.integer(max(0, completion.durationMs))))")
        if let code = completion.errorCode {
            sets.append("error_code = \(b.bind(.text(code.rawValue)))")
            sets.append("error_message = \(b.bind(.text(completion.errorMessage ?? code.defaultMessage)))")
        }
        if let metadata = try completion.metadata.map({ try $0.jsonString() }) {
            sets.append("metadata = \(b.bind(.text(metadata)))")
        }
        let sql = "UPDATE agent_runs SET \(sets.joined(separator: ", ")) "
            + "WHERE id = \(b.bind(.text(id))) AND finished_at IS NULL AND status = 'running' "
            + "RETURNING \(returning.columns)"
        return RunSQLStatement(sql: sql, binds: b.binds)
    }

    /// The run with `id`.
    public func select(id: String) -> RunSQLStatement {
        var b = Builder(placeholder: placeholder)
        return RunSQLStatement(sql: "SELECT \(AgentRunsSchema.columns) FROM agent_runs WHERE id = \(b.bind(.text(id)))",
                               binds: b.binds)
    }

    /// One page for `query`, newest first, fetching one row more than the page so the caller knows
    /// whether another page follows (``RunPage/init(rowsPlusOne:limit:)``).
    public func list(_ query: RunQuery) -> RunSQLStatement {
        var b = Builder(placeholder: placeholder)
        var conditions: [String] = []
        if let source = query.source { conditions.append("source = \(b.bind(.text(source.rawValue)))") }
        if let session = query.sessionID { conditions.append("session_id = \(b.bind(.text(session)))") }
        if let status = query.status { conditions.append("status = \(b.bind(.text(status.rawValue)))") }
        if let before = query.startedBefore {
            conditions.append("started_at < \(b.bind(.text(RunTimestamp.text(before))))")
        }
        if let after = query.startedAfter {
            conditions.append("started_at >= \(b.bind(.text(RunTimestamp.text(after))))")
        }
        if let cursor = query.cursor {
            let started = cursor.startedAtText
            conditions.append("(started_at < \(b.bind(.text(started))) OR (started_at = \(b.bind(.text(started))) "
                + "AND id < \(b.bind(.text(cursor.id)))))")
        }
        let filter = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        let sql = "SELECT \(AgentRunsSchema.columns) FROM agent_runs\(filter) ORDER BY started_at DESC, id DESC "
            + "LIMIT \(b.bind(.integer(Int64(query.effectiveLimit + 1))))"
        return RunSQLStatement(sql: sql, binds: b.binds)
    }

    /// Runs still running that started before `cutoff`, the candidates of a stale sweep.
    public func staleCandidates(startedBefore cutoff: Date) -> RunSQLStatement {
        var b = Builder(placeholder: placeholder)
        let sql = "SELECT \(AgentRunsSchema.columns) FROM agent_runs WHERE status = 'running' AND finished_at IS NULL "
            + "AND started_at < \(b.bind(.text(RunTimestamp.text(cutoff)))) ORDER BY id"
        return RunSQLStatement(sql: sql, binds: b.binds)
    }
}

extension RunStore {
    /// The stale sweep every SQL store shares: each candidate is finished through the store's guarded
    /// ``finish(id:with:)``, so a run that finishes meanwhile keeps its own outcome. A candidate row that
    /// holds no valid run is left as it is and reported.
    public func sweepCandidates(_ candidates: [StoredRun], now: Date) async throws -> RunSweep {
        var sweep = RunSweep(swept: [])
        for candidate in candidates {
            switch candidate.content {
            case .success(let run):
                let result = try await finish(id: run.id, with: .stale(for: run, now: now))
                if result.didFinish { sweep.swept.append(result.run) }
            case .failure(let unreadable):
                sweep.unreadable.append(unreadable)
            }
        }
        return sweep
    }

    /// ``RunStore/start(_:)`` for a SQL store: the INSERT and the UPDATE to running, each returning
    /// only the id; `write` runs a statement and returns how many rows it returned.
    public func sqlStart(_ run: AgentRun, sql: AgentRunsSQL,
                         write: (RunSQLStatement) async throws -> Int) async throws -> AgentRun {
        try RunStoreError.checkNew(run)
        guard try await write(sql.insert(AgentRunRecord(run), returning: .id)) == 1 else {
            throw RunStoreError.duplicateID(run.id)
        }
        guard try await write(sql.markRunning(id: run.id, returning: .id)) == 1 else {
            guard let stored = try await get(id: run.id) else { throw RunStoreError.notFound(run.id) }
            throw RunStoreError.refusedMove(from: stored.status, to: .running)
        }
        return run.startedRunning()
    }

    /// ``RunStore/finish(_:with:)`` for a SQL store: the guarded UPDATE returns only the id, and the
    /// finished run is `run` with the completion applied, as the UPDATE wrote it.
    public func sqlFinish(_ run: AgentRun, with completion: RunCompletion, sql: AgentRunsSQL,
                          write: (RunSQLStatement) async throws -> Int) async throws -> RunFinishResult {
        try completion.validate()
        if try await write(sql.finish(id: run.id, with: completion, startedAt: run.startedAt, returning: .id)) == 1 {
            return RunFinishResult(run: completion.applied(to: run), didFinish: true)
        }
        return try unfinishedResult(id: run.id, stored: try await get(id: run.id), completion: completion)
    }

    /// What a SQL store's finish returns when its guarded UPDATE wrote nothing: the stored terminal run,
    /// or the reason there is none.
    public func unfinishedResult(id: String, stored: AgentRun?, completion: RunCompletion) throws -> RunFinishResult {
        guard let stored else { throw RunStoreError.notFound(id) }
        guard stored.finishedAt != nil else { throw RunStoreError.refusedMove(from: stored.status, to: completion.status) }
        return RunFinishResult(run: stored, didFinish: false)
    }
}

extension AgentRun {
    /// This queued run as a store's start leaves it: running, its start time at the stored precision.
    public func startedRunning() -> AgentRun {
        var running = self
        running.startedAt = RunTimestamp.normalized(startedAt)
        running.status = .running
        return running
    }
}
