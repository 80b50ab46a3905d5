import Foundation

/// Which runs ``RunStore/list(_:)`` returns: every filter that is set must match.
public struct RunQuery: Sendable, Hashable {
    /// The default page size.
    public static let defaultLimit = 50
    /// The page sizes a store honours; a limit outside is clamped into it.
    public static let limitRange = 1...200

    /// Only runs from this entry point.
    public var source: RunSource?
    /// Only runs of this session.
    public var sessionID: String?
    /// Only runs in this status.
    public var status: AgentRunStatus?
    /// Only runs that started strictly before this time.
    public var startedBefore: Date?
    /// Only runs that started at or after this time.
    public var startedAfter: Date?
    /// The requested page size; see ``effectiveLimit``.
    public var limit: Int
    /// Where the page starts: the ``RunPage/nextCursor`` of the previous page, or nil for the first page.
    public var cursor: RunCursor?

    /// Creates a query.
    public init(source: RunSource? = nil, sessionID: String? = nil, status: AgentRunStatus? = nil,
                startedBefore: Date? = nil, startedAfter: Date? = nil, limit: Int = RunQuery.defaultLimit,
                cursor: RunCursor? = nil) {
        self.source = source
        self.sessionID = sessionID
        self.status = status
        self.startedBefore = startedBefore
        self.startedAfter = startedAfter
        self.limit = limit
        self.cursor = cursor
    }

    /// ``limit`` clamped to ``limitRange`` (1…200).
    public var effectiveLimit: Int {
        min(max(limit, Self.limitRange.lowerBound), Self.limitRange.upperBound)
    }

    /// Whether `run` passes every filter and lies after the cursor (the in-memory form of the SQL query).
    public func matches(_ run: AgentRun) -> Bool {
        if let source, run.source != source { return false }
        if let sessionID, run.sessionId != sessionID { return false }
        if let status, run.status != status { return false }
        let started = RunTimestamp.text(run.startedAt)
        if let startedBefore, !(started < RunTimestamp.text(startedBefore)) { return false }
        if let startedAfter, !(started >= RunTimestamp.text(startedAfter)) { return false }
        if let cursor, !cursor.precedes(startedAtText: started, id: run.id) { return false }
        return true
    }
}

/// One page of ``RunStore/list(_:)``.
public struct RunPage: Sendable, Hashable {
    /// The runs, newest first.
    public var runs: [AgentRun]
    /// The cursor for the next page; nil when this page is the last.
    public var nextCursor: RunCursor?

    /// Creates a page.
    public init(runs: [AgentRun], nextCursor: RunCursor?) {
        self.runs = runs
        self.nextCursor = nextCursor
    }

    /// The page for `rows` fetched with one row more than `limit`: the extra row only says another page exists.
    public init(rowsPlusOne rows: [AgentRun], limit: Int) {
        let page = Array(rows.prefix(limit))
        self.init(runs: page, nextCursor: rows.count > limit ? page.last.map(RunCursor.init(after:)) : nil)
    }
}

/// A position in the newest-first order: the page continues with runs older than this one (keyset
/// pagination, so rows inserted meanwhile neither repeat nor shift a page).
public struct RunCursor: Sendable, Hashable, CustomStringConvertible {
    /// The last returned run's `started_at`, as stored (``RunTimestamp/text(_:)``).
    public var startedAtText: String
    /// The last returned run's id, which breaks ties between equal start times.
    public var id: String

    /// The cursor after `run`.
    public init(after run: AgentRun) {
        self.startedAtText = RunTimestamp.text(run.startedAt)
        self.id = run.id
    }

    /// Reads a cursor from its ``token``; nil for text that is not one.
    public init?(token: String) {
        guard let data = Data(base64Encoded: token), let text = String(data: data, encoding: .utf8),
              let separator = text.firstIndex(of: "|") else { return nil }
        let started = String(text[..<separator])
        guard RunTimestamp.date(started) != nil else { return nil }
        self.startedAtText = started
        self.id = String(text[text.index(after: separator)...])
    }

    /// The opaque text to hand to clients and read back with ``init(token:)``.
    public var token: String { Data("\(startedAtText)|\(id)".utf8).base64EncodedString() }

    /// Whether a run at (`startedAtText`, `id`) comes after this cursor in newest-first order.
    public func precedes(startedAtText other: String, id otherID: String) -> Bool {
        other < startedAtText || (other == startedAtText && otherID < id)
    }

    /// The token.
    public var description: String { token }
}
