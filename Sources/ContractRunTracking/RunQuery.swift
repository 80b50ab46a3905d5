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
    /// The rows of this page that hold no valid run (only a SQL store can have them), in list order.
    public var unreadable: [UnreadableRun]
    /// The cursor for the next page; nil when this page is the last.
    public var nextCursor: RunCursor?

    /// Creates a page.
    public init(runs: [AgentRun], unreadable: [UnreadableRun] = [], nextCursor: RunCursor?) {
        self.runs = runs
        self.unreadable = unreadable
        self.nextCursor = nextCursor
    }

    /// The page for `rows` fetched with one row more than `limit`: the extra row only says another page
    /// exists. Unreadable rows count towards the limit and may end a page, so paging passes them too.
    public init(rowsPlusOne rows: [StoredRun], limit: Int) {
        let page = rows.prefix(limit)
        var runs: [AgentRun] = []
        var unreadable: [UnreadableRun] = []
        runs.reserveCapacity(page.count)
        for row in page {
            switch row.content {
            case .success(let run): runs.append(run)
            case .failure(let problem): unreadable.append(problem)
            }
        }
        self.init(runs: runs, unreadable: unreadable, nextCursor: rows.count > limit ? page.last?.position : nil)
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
        self.init(startedAtText: RunTimestamp.text(run.startedAt), id: run.id)
    }

    /// The cursor after the row with these `started_at` and `id` values, as stored.
    public init(startedAtText: String, id: String) {
        self.startedAtText = startedAtText
        self.id = id
    }

    /// Reads a cursor from its ``token``; nil for text that is not one. The time is not required to be
    /// RFC 3339: a page may end with a stored row whose `started_at` is unreadable.
    public init?(token: String) {
        guard let data = Data(base64Encoded: token), let text = String(data: data, encoding: .utf8),
              let separator = text.firstIndex(of: "|"),
              let started = String(text[..<separator]).removingPercentEncoding else { return nil }
        self.init(startedAtText: started, id: String(text[text.index(after: separator)...]))
    }

    /// The opaque text to hand to clients and read back with ``init(token:)``: `STARTED|ID` in base64,
    /// with `%` and `|` percent-encoded in the time (a stored time that is no RFC 3339 may hold them).
    public var token: String {
        let started = startedAtText.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "|", with: "%7C")
        return Data("\(started)|\(id)".utf8).base64EncodedString()
    }

    /// Whether a run at (`startedAtText`, `id`) comes after this cursor in newest-first order.
    public func precedes(startedAtText other: String, id otherID: String) -> Bool {
        other < startedAtText || (other == startedAtText && otherID < id)
    }

    /// The token.
    public var description: String { token }
}
