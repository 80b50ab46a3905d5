import ContractRunStores
import ContractRuntime
import Foundation

/// Runs as text for people. Every value is escaped (``DisplayText/escaped(_:)``), since stored ids,
/// references and messages may hold terminal control sequences, and columns are padded by display width.
enum RunTable {
    static let columns = ["ID", "SOURCE", "STATUS", "STARTED", "DURATION", "ERROR", "REF"]

    /// One row per run under a header, columns padded to their widest cell; "(no runs)" when empty, or
    /// "(no readable runs)" when the page held only unreadable rows.
    static func render(_ runs: [AgentRun], unreadableCount: Int = 0) -> String {
        guard !runs.isEmpty else { return unreadableCount == 0 ? "(no runs)\n" : "(no readable runs)\n" }
        let rows = [columns] + runs.map { run in
            [run.id, run.source.rawValue, run.status.rawValue, RunTimestamp.text(run.startedAt),
             run.durationMs.map { "\($0) ms" } ?? "-", run.errorCode?.rawValue ?? "-", run.sourceRef ?? "-"]
                .map(DisplayText.escaped)
        }
        let widths = columns.indices.map { column in rows.map { DisplayText.width($0[column]) }.max() ?? 0 }
        return rows.map { row in
            zip(row, widths).enumerated().map { index, cell in
                index == row.count - 1 ? cell.0 : DisplayText.padded(cell.0, toWidth: cell.1)
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
            DisplayText.padded(name, toWidth: width) + "  " + (value.map(DisplayText.escaped) ?? "-")
        }.joined(separator: "\n") + "\n"
    }
}
