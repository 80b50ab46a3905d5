import ContractRuntime
import Foundation

/// An `AgentRun` as the column values of one `agent_runs` row: TEXT times (``RunTimestamp``), TEXT
/// JSON metadata and raw enum values. The SQL stores bind these, so both write rows alike; rows are read
/// back through ``StoredRun/init(reading:)``.
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

    /// Creates a record from column values.
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
}
