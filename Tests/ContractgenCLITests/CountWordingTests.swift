import Foundation
import TestSupport
import Testing

/// Counts in every summary agree with their noun: 0 records, 1 record, 2 records.
@Suite struct CountWordingTests {
    private static let record =
        #"{"step":"s","result":null,"completed":false,"message":"","status":"pending","error_code":null,"error_message":null}"#

    @Test(arguments: [(0, "0 records, 0 valid, 0 invalid, "), (1, "1 record, 1 valid, 0 invalid, "), (2, "2 records, 2 valid, 0 invalid, ")])
    func theValidateSummaryCountsRecords(_ count: Int, _ summary: String) throws {
        let input = String(repeating: Self.record + "\n", count: count)
        let out = try CLIRunner.run(["validate", "-"], input: Data(input.utf8))
        #expect(out.status == 0)
        #expect(out.stderr.hasPrefix(summary), "\(out.stderr)")
    }

    @Test(arguments: [(["schema/execution.yaml"], "1 schema clean\n"),
                      (["schema/execution.yaml", "schema/agent_run.yaml"], "2 schemas clean\n")])
    func theLintSummaryCountsSchemas(_ files: [String], _ summary: String) throws {
        let out = try CLIRunner.run(["lint"] + files)
        #expect(out.status == 0)
        #expect(out.stderr == summary)
    }

    @Test func theCheckSummaryCountsOneSchema() throws {
        let out = try CLIRunner.run(["check", "schema/execution.yaml"])
        #expect(out.status == 0, "\(out.stdout)")
        #expect(out.stderr == "generated code is up to date (1 schema)\n")
    }

    @Test(arguments: [(1, "1 change"), (2, "2 changes")])
    func theDiffSummaryCountsChanges(_ count: Int, _ phrase: String) throws {
        var text = try String(contentsOf: CLIRunner.packageRoot.appendingPathComponent("schema/execution.yaml"), encoding: .utf8)
        // Each added legacy value is one compatible change.
        let legacy = ["legacy: { success: completed, error: failed, ok: completed }",
                      "legacy: { success: completed, error: failed, ok: completed, bad: failed }"][count - 1]
        text = text.replacingOccurrences(of: "legacy: { success: completed, error: failed }", with: legacy)
            .replacingOccurrences(of: "version: 1.1.0", with: "version: 1.1.1")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("changed-\(UUID().uuidString).yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let out = try CLIRunner.run(["diff", "schema/execution.yaml", path])
        #expect(out.status == 0, "\(out.stdout)\(out.stderr)")
        #expect(out.stdout.hasPrefix("Execution 1.1.0 → 1.1.1: \(phrase) (0 breaking, \(count) compatible)\n"), "\(out.stdout)")
    }
}
