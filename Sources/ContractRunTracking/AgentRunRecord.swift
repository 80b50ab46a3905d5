import ContractRuntime
import Foundation

/// An `AgentRun` as the column values of one `agent_runs` row: TEXT times (``RunTimestamp``), TEXT
/// JSON metadata and raw enum values. The SQL stores bind and read these, so both map rows alike.
public struct AgentRunRecord: Sendable, Hashable {
    public var id: String
    public var source: String
    public var sourceRef: String?
    public var sessionID: String?
    public var status: String
    public var startedAt: String
    public var finishedAt: String?
    public var durationMs: Int64?
    public var errorCode: String?
    public var errorMessage: String?
    public var metadata: String?

    /// Creates a record from column values read from a row.
    public init(id: String, source: String, sourceRef: String?, sessionID: String?, status: String, startedAt: String,
                finishedAt: String?, durationMs: Int64?, errorCode: String?, errorMessage: String?, metadata: String?) {
        self.id = id
        self.source = source
        self.sourceRef = sourceRef
        self.sessionID = sessionID
        self.status = status
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.durationMs = durationMs
        self.errorCode = errorCode
        self.errorMessage = errorMessage
        self.metadata = metadata
    }

    /// The columns for `run`. Throws when its metadata cannot be written as JSON.
    public init(_ run: AgentRun) throws {
        self.init(id: run.id, source: run.source.rawValue, sourceRef: run.sourceRef, sessionID: run.sessionId,
                  status: run.status.rawValue, startedAt: RunTimestamp.text(run.startedAt),
                  finishedAt: run.finishedAt.map(RunTimestamp.text), durationMs: run.durationMs,
                  errorCode: run.errorCode?.rawValue, errorMessage: run.errorMessage,
                  metadata: try run.metadata.map { try $0.jsonString() })
    }

    /// The run in one result row, read through `text` (a column's TEXT value, or nil for NULL); throws
    /// ``RunStoreError/corruptRow(id:reason:)`` when a required column is NULL or a value is no run's.
    public static func run(text: (String) throws -> String?, durationMs: Int64?) throws -> AgentRun {
        let id = try text("id") ?? ""
        guard let source = try text("source"), let status = try text("status"), let started = try text("started_at") else {
            throw RunStoreError.corruptRow(id: id, reason: "a required column is null")
        }
        return try AgentRunRecord(id: id, source: source, sourceRef: try text("source_ref"),
                                  sessionID: try text("session_id"), status: status, startedAt: started,
                                  finishedAt: try text("finished_at"), durationMs: durationMs,
                                  errorCode: try text("error_code"), errorMessage: try text("error_message"),
                                  metadata: try text("metadata")).run()
    }

    /// The run these columns hold; throws ``RunStoreError/corruptRow(id:reason:)`` for values no run has.
    public func run() throws -> AgentRun {
        func corrupt(_ reason: String) -> RunStoreError { .corruptRow(id: id, reason: reason) }
        guard let source = RunSource(rawValue: source) else { throw corrupt("unknown source '\(source)'") }
        guard let status = AgentRunStatus(rawValue: status) else { throw corrupt("unknown status '\(status)'") }
        guard let started = RunTimestamp.date(startedAt) else { throw corrupt("bad started_at '\(startedAt)'") }
        var finished: Date?
        if let finishedAt {
            guard let date = RunTimestamp.date(finishedAt) else { throw corrupt("bad finished_at '\(finishedAt)'") }
            finished = date
        }
        var code: RunErrorCode?
        if let errorCode {
            guard let value = RunErrorCode(rawValue: errorCode) else { throw corrupt("unknown error_code '\(errorCode)'") }
            code = value
        }
        var json: JSONValue?
        if let metadata {
            do { json = try JSONValue(jsonString: metadata) } catch { throw corrupt("bad metadata: \(error)") }
        }
        return AgentRun(id: id, source: source, sourceRef: sourceRef, sessionId: sessionID, status: status,
                        startedAt: started, finishedAt: finished, durationMs: durationMs, errorCode: code,
                        errorMessage: errorMessage, metadata: json)
    }
}
