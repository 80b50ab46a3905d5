import ContractRuntime
import Foundation

/// A value read from one column of an `agent_runs` row, before it is known to be what the column holds.
public enum RunColumnValue: Sendable, Hashable {
    /// SQL NULL.
    case null
    /// Text.
    case text(String)
    /// A 64-bit integer.
    case integer(Int64)
    /// A value of another kind (an SQLite REAL or BLOB), described for messages: "the real number 1.5".
    case other(String)
}

/// One `agent_runs` row as a store read it: where it stands in the list order, and the run it holds or
/// why it holds none. Reading checks every column, so one bad row is reported on its own and the
/// others are still read.
public struct StoredRun: Sendable, Hashable {
    /// The row's `started_at` and `id` as stored: the cursor of a page that ends with this row.
    public var position: RunCursor
    /// The run, or the row's problems.
    public var content: Result<AgentRun, UnreadableRun>

    /// A row that holds `run`.
    public init(run: AgentRun) {
        position = RunCursor(after: run)
        content = .success(run)
    }

    /// Reads a row through `column`, which returns the value of the named column.
    public init(reading column: (String) -> RunColumnValue) {
        self = withoutActuallyEscaping(column) { column in Self.read(RowReader(column: column)) }
    }

    private static func read(_ reader: RowReader) -> StoredRun {
        var reader = reader
        let column = reader.column
        let id = reader.text("id", required: true)
        let source = reader.enumValue("source", required: true, RunSource.self)
        let sourceRef = reader.text("source_ref")
        let sessionID = reader.text("session_id")
        let status = reader.enumValue("status", required: true, AgentRunStatus.self)
        let startedAt = reader.timestamp("started_at", required: true)
        let finishedAt = reader.timestamp("finished_at")
        let durationMs = reader.integer("duration_ms")
        let errorCode = reader.enumValue("error_code", RunErrorCode.self)
        let errorMessage = reader.text("error_message")
        let metadata = reader.json("metadata")
        let position = RunCursor(startedAtText: reader.positionText(column("started_at")),
                                 id: reader.positionText(column("id")))
        guard reader.problems.isEmpty, let id, let source, let status, let startedAt else {
            return StoredRun(position: position, content: .failure(UnreadableRun(id: id, problems: reader.problems)))
        }
        let run = AgentRun(id: id, source: source, sourceRef: sourceRef, sessionId: sessionID, status: status,
                           startedAt: startedAt, finishedAt: finishedAt, durationMs: durationMs, errorCode: errorCode,
                           errorMessage: errorMessage, metadata: metadata)
        let broken = run.violations()
        guard broken.isEmpty else {
            let problems = broken.map { "breaks rule \($0.ruleID): \($0.message)" }
            return StoredRun(position: position, content: .failure(UnreadableRun(id: id, problems: problems)))
        }
        return StoredRun(position: position, content: .success(run))
    }

    private init(position: RunCursor, content: Result<AgentRun, UnreadableRun>) {
        self.position = position
        self.content = content
    }

    /// The run; throws ``RunStoreError/unreadable(_:)`` for a row that holds none.
    public func get() throws -> AgentRun {
        switch content {
        case .success(let run): return run
        case .failure(let unreadable): throw RunStoreError.unreadable(unreadable)
        }
    }
}

/// Reads the columns of one row, collecting a sentence for every value that is not what its column holds.
private struct RowReader {
    let column: (String) -> RunColumnValue
    var problems: [String] = []

    /// Longer values are cut in messages, so a hostile row cannot flood the output.
    static let quotedLimit = 64

    mutating func text(_ name: String, required: Bool = false) -> String? {
        switch column(name) {
        case .null:
            if required { problems.append("\(name) is NULL") }
            return nil
        case .text(let text):
            return text
        case .integer(let number):
            problems.append("\(name) is the integer \(number), not text")
        case .other(let description):
            problems.append("\(name) is \(description), not text")
        }
        return nil
    }

    mutating func enumValue<T: RawRepresentable & CaseIterable>(_ name: String, required: Bool = false,
                                                                _: T.Type) -> T? where T.RawValue == String {
        guard let text = text(name, required: required) else { return nil }
        guard let value = T(rawValue: text) else {
            let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
            problems.append("\(name) \(Self.quoted(text)) is not one of \(allowed)")
            return nil
        }
        return value
    }

    mutating func timestamp(_ name: String, required: Bool = false) -> Date? {
        guard let text = text(name, required: required) else { return nil }
        guard let date = RunTimestamp.date(text) else {
            problems.append("\(name) \(Self.quoted(text)) is not an RFC 3339 time")
            return nil
        }
        return date
    }

    mutating func integer(_ name: String) -> Int64? {
        switch column(name) {
        case .null:
            return nil
        case .integer(let number):
            return number
        case .text(let text):
            problems.append("\(name) \(Self.quoted(text)) is not an integer")
        case .other(let description):
            problems.append("\(name) is \(description), not an integer")
        }
        return nil
    }

    mutating func json(_ name: String) -> JSONValue? {
        guard let text = text(name) else { return nil }
        do {
            return try JSONValue(jsonString: text)
        } catch {
            problems.append("\(name) is not JSON: \(error)")
            return nil
        }
    }

    /// A value's text for the row's place in the list order, whatever its kind.
    func positionText(_ value: RunColumnValue) -> String {
        switch value {
        case .text(let text): text
        case .integer(let number): String(number)
        case .null, .other: ""
        }
    }

    /// `'text'`, cut after ``quotedLimit`` characters.
    static func quoted(_ text: String) -> String {
        text.count <= quotedLimit ? "'\(text)'" : "'\(text.prefix(quotedLimit))…'"
    }
}
