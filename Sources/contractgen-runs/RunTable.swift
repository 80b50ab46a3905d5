import ContractRunStores
import ContractRuntime
import Foundation

/// Runs as text for people.
enum RunTable {
    static let columns = ["ID", "SOURCE", "STATUS", "STARTED", "DURATION", "ERROR", "REF"]

    /// One row per run under a header, columns padded to their widest cell; "(no runs)" when empty.
    static func render(_ runs: [AgentRun]) -> String {
        guard !runs.isEmpty else { return "(no runs)\n" }
        let rows = [columns] + runs.map { run in
            [run.id, run.source.rawValue, run.status.rawValue, RunTimestamp.text(run.startedAt),
             run.durationMs.map { "\($0) ms" } ?? "-", run.errorCode?.rawValue ?? "-", run.sourceRef ?? "-"]
        }
        let widths = columns.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            zip(row, widths).enumerated().map { index, cell in
                index == row.count - 1 ? cell.0 : cell.0.padding(toLength: cell.1, withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    /// Every field of `run`, one per line.
    static func details(_ run: AgentRun) throws -> String {
        let fields: [(String, String?)] = [
            ("id", run.id), ("source", run.source.rawValue), ("source_ref", run.sourceRef),
            ("session_id", run.sessionId), ("status", run.status.rawValue),
            ("started_at", RunTimestamp.text(run.startedAt)), ("finished_at", run.finishedAt.map(RunTimestamp.text)),
            ("duration_ms", run.durationMs.map(String.init)), ("error_code", run.errorCode?.rawValue),
            ("error_message", run.errorMessage), ("metadata", try run.metadata.map { try $0.jsonString() }),
        ]
        let width = fields.map(\.0.count).max() ?? 0
        return fields.map { name, value in
            name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + (value ?? "-")
        }.joined(separator: "\n") + "\n"
    }
}
