import ContractRunStores
import ContractRuntime

/// Stored rows that hold no valid run, as `list` and `sweep` report them.
enum UnreadableRunReport {
    /// One `error:` line per row for standard error, escaped: ids and problems quote stored values.
    static func lines(_ rows: [UnreadableRun]) -> String {
        rows.map { "error: \(DisplayText.escaped($0.description))\n" }.joined()
    }

    /// `[{"id":…,"problems":[…]}, …]`; `id` is null for a row whose id is unreadable.
    static func json(_ rows: [UnreadableRun]) throws -> String {
        try JSONValue.array(rows.map { row in
            .object(["id": row.id.map(JSONValue.string) ?? .null, "problems": .array(row.problems.map(JSONValue.string))])
        }).jsonString()
    }
}
