import ContractSchema
import Foundation
import Testing

/// Golden files for exported documents under `Tests/Fixtures/export/` (re-record with `RECORD_FIXTURES=1`).
enum ExportFixtures {
    static let directory = Golden.packageRoot.appendingPathComponent("Tests/Fixtures/export")

    /// The four contracts under `schema/`, by file name.
    static let seedSchemas = ["execution.yaml", "agent_run.yaml", "execution_feed.yaml", "task_pipeline.yaml"]

    static var isRecording: Bool { ProcessInfo.processInfo.environment["RECORD_FIXTURES"] == "1" }

    /// Compares `actual` with `Tests/Fixtures/export/relativePath`, or rewrites it when recording.
    static func check(_ actual: String, against relativePath: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(relativePath)
        if isRecording {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing Tests/Fixtures/export/\(relativePath); record it with RECORD_FIXTURES=1", sourceLocation: sourceLocation)
            return
        }
        if let diff = Golden.diff(expected: expected, actual: actual) {
            Issue.record("Tests/Fixtures/export/\(relativePath) differs (- expected, + actual); re-record with RECORD_FIXTURES=1 if intended:\n\(diff)",
                         sourceLocation: sourceLocation)
        }
    }
}
