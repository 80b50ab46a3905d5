import Foundation
import TestSupport
import Testing

/// Commands run without a schema in a directory that has no `schema/execution.yaml`, as in a service's
/// own repository: `validate` and `export` use the contract built into contractgen and say so; `lint`,
/// `generate` and `check` say which file to name.
@Suite struct DefaultSchemaTests {
    private static let record =
        #"{"step":"s","result":null,"completed":false,"message":"","status":"pending","error_code":null,"error_message":null}"#

    /// Runs `arguments` in a fresh empty directory.
    private func runElsewhere(_ arguments: [String], input: Data? = nil) throws -> CLIRunner.Output {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("service-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        return try CLIRunner.run(arguments, input: input, in: directory)
    }

    @Test func validateUsesTheBuiltInContractAndSaysSoInTheSummary() throws {
        let out = try runElsewhere(["validate", "-"], input: Data((Self.record + "\n").utf8))
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout == "")
        #expect(out.stderr.hasPrefix("1 record, 1 valid, 0 invalid, "))
        #expect(out.stderr.hasSuffix(" MB/s; contract Execution 1.1.0 (built-in), model TaskStepResult\n"), "\(out.stderr)")
    }

    @Test func validateFindsTheSameProblemsWithTheBuiltInContract() throws {
        let invalid = Self.record.replacingOccurrences(of: #""status":"pending""#, with: #""status":"failed""#)
        let out = try runElsewhere(["validate", "-"], input: Data((invalid + "\n").utf8))
        #expect(out.status == 1)
        #expect(out.stdout == "<stdin>:1: error: [rule:unsuccessful_has_error_code] A failed, timed-out or cancelled result must carry an error code at $\n")
    }

    @Test func validateInThisRepositoryNamesTheSchemaFile() throws {
        let out = try CLIRunner.run(["validate", "-"], input: Data((Self.record + "\n").utf8))
        #expect(out.status == 0)
        #expect(out.stderr.hasSuffix(" MB/s; contract Execution 1.1.0 from schema/execution.yaml, model TaskStepResult\n"), "\(out.stderr)")
    }

    @Test func validateWithASchemaNamesIt() throws {
        let run = #"{"id":"r1","source":"skill","source_ref":"pptx","session_id":null,"status":"running","started_at":"2026-02-20T10:00:00Z","finished_at":null,"duration_ms":null,"error_code":null,"error_message":null,"metadata":null}"#
        let out = try CLIRunner.run(["validate", "--schema", "schema/agent_run.yaml", "--model", "AgentRun", "-"], input: Data(run.utf8))
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stderr.hasSuffix(" MB/s; contract AgentRuns 1.0.0 from schema/agent_run.yaml, model AgentRun\n"), "\(out.stderr)")
    }

    @Test(arguments: [
        (["lint"], "contractgen lint path/to/contract.yaml"),
        (["generate", "--output", "out"],
         "contractgen generate path/to/contract.yaml --output DIR, or list the schemas in contractgen.yaml"),
        (["check"], "contractgen check path/to/contract.yaml --output DIR, or list the schemas in contractgen.yaml"),
    ])
    func aCommandOnSchemaFilesSaysWhichFileToName(_ arguments: [String], _ example: String) throws {
        let out = try runElsewhere(arguments)
        #expect(out.status == 2)
        #expect(out.stdout == "")
        #expect(out.stderr.hasPrefix("error: no schema named, and the default schema/execution.yaml is not in /"), "\(out.stderr)")
        #expect(out.stderr.hasSuffix("; name the schema: \(example)\n"), "\(out.stderr)")
    }

    @Test func exportUsesTheBuiltInContractAndSaysSo() throws {
        let out = try runElsewhere(["export", "--format", "markdown"])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stderr == "note: schema/execution.yaml is not in this directory; using the built-in contract Execution 1.1.0\n")
        let inRepository = try CLIRunner.run(["export", "--format", "markdown", "schema/execution.yaml"])
        #expect(out.stdout == inRepository.stdout)
    }

    @Test func findingsAboutTheBuiltInContractSaySo() throws {
        let out = try runElsewhere(["validate", "--max-schema-bytes", "100", "-"], input: Data())
        #expect(out.status == 2)
        let size = BundledSize.execution
        #expect(out.stderr == """
            note: schema/execution.yaml is not in this directory; these findings are about the built-in copy
            schema/execution.yaml:1:1: error: schema file is \(size) bytes; the limit is 100 bytes (raise it with --max-schema-bytes)

            """)
    }

    @Test func aMissingSchemaNamedWithSchemaIsAnUnreadableInput() throws {
        let out = try runElsewhere(["validate", "--schema", "contract.yaml", "-"], input: Data())
        #expect(out.status == 2)
        #expect(out.stderr == "error: cannot read contract.yaml: no such file or not readable\n")
    }
}

/// The size of the built-in contract: that of the repository's file, which a test holds it equal to.
private enum BundledSize {
    static let execution = (try? FileManager.default.attributesOfItem(
        atPath: CLIRunner.packageRoot.appendingPathComponent("schema/execution.yaml").path)[.size] as? Int) ?? -1
}
