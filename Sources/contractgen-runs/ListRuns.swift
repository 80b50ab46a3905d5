import ArgumentParser
import ContractRunStores
import ContractRuntime
import Foundation

struct ListRuns: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List runs, newest first, one page at a time.",
        discussion: """
        Filters combine (every one given must match). Times are RFC 3339, e.g. 2026-11-29T10:30:00Z. \
        When more runs match than fit on the page, the table is followed (on standard error) by the \
        --cursor value that fetches the next page; in JSON it is "next_cursor".

        Reads only: the database is opened read-only and must hold the current agent_runs table \
        (see `contractgen runs init`). A row that holds no valid run is reported by id with its \
        problems (on standard error; in JSON under "unreadable") and the command exits with 1; the \
        other runs are listed all the same.
        """
    )

    @OptionGroup var options: DatabaseOptions

    @Option(help: "Only runs from this source.")
    var source: RunSource?

    @Option(help: "Only runs of this session id.")
    var session: String?

    @Option(help: "Only runs in this status.")
    var status: AgentRunStatus?

    @Option(help: ArgumentHelp("Only runs that started before this time.", valueName: "time"))
    var startedBefore: String?

    @Option(help: ArgumentHelp("Only runs that started at or after this time.", valueName: "time"))
    var startedAfter: String?

    @Option(help: ArgumentHelp("How many runs per page (\(RunQuery.limitRange.lowerBound)…"
                               + "\(RunQuery.limitRange.upperBound); default \(RunQuery.defaultLimit))."),
            transform: IntegerArgument.inRange(RunQuery.limitRange))
    var limit: Int = RunQuery.defaultLimit

    @Option(help: "Continue after the page that printed this cursor.")
    var cursor: String?

    func validate() throws {
        if let cursor, RunCursor(token: cursor) == nil {
            throw ValidationError("--cursor '\(cursor)' is not a cursor printed by `contractgen runs list`")
        }
        _ = try time(startedBefore, option: "--started-before")
        _ = try time(startedAfter, option: "--started-after")
    }

    func run() async throws {
        let query = RunQuery(source: source, sessionID: session, status: status,
                             startedBefore: try time(startedBefore, option: "--started-before"),
                             startedAfter: try time(startedAfter, option: "--started-after"),
                             limit: limit, cursor: cursor.flatMap(RunCursor.init(token:)))
        let page = try await options.withStore(access: .readOnly) { try await $0.list(query) }
        switch options.format {
        case .json:
            let runs = try page.runs.map { try $0.jsonString() }
            let next = try page.nextCursor.map { try JSONValue.string($0.token).jsonString() } ?? "null"
            standardOutput("{\"runs\":[\(runs.joined(separator: ","))],"
                           + "\"unreadable\":\(try UnreadableRunReport.json(page.unreadable)),\"next_cursor\":\(next)}\n")
        case .table:
            standardOutput(RunTable.render(page.runs, unreadableCount: page.unreadable.count))
            standardError(UnreadableRunReport.lines(page.unreadable))
            if let next = page.nextCursor {
                standardError("more runs: add --cursor \(next.token)\n")
            }
        }
        if !page.unreadable.isEmpty { throw ExitCode(1) }
    }

    private func time(_ text: String?, option: String) throws -> Date? {
        guard let text else { return nil }
        guard let date = RunTimestamp.date(text) else {
            throw ValidationError("\(option) '\(text)' is not an RFC 3339 time such as 2026-11-29T10:30:00Z")
        }
        return date
    }
}
