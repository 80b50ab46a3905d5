import TestSupport
import Foundation
import Testing

@Suite struct ExportCommandTests {
    private func temporaryDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("export-\(UUID().uuidString)")
    }

    @Test func jsonSchemaExportWritesOneDocumentPerModel() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = try CLIRunner.run(["export", "--format", "json-schema", "schema/execution_feed.yaml", "--output", dir.path])
        #expect(out.status == 0, "\(out.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(files == ["ExecutionUpdate.schema.json", "ExecutionUpdateData.schema.json"])
        let data = try Data(contentsOf: dir.appendingPathComponent("ExecutionUpdate.schema.json"))
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(document["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
    }

    @Test func markdownExportWritesOnePagePerSchema() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = try CLIRunner.run(["export", "--format", "markdown", "schema/execution.yaml", "schema/task_pipeline.yaml", "--output", dir.path])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["execution.md", "task_pipeline.md"])
    }

    @Test func withoutOutputTheDocumentGoesToStandardOutput() throws {
        let out = try CLIRunner.run(["export", "--format", "markdown"])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.hasPrefix("# Execution\n\nVersion 1.1.0\n"))
        #expect(out.stdout.contains("```mermaid\nstateDiagram-v2\n    [*] --> pending\n"))
    }

    @Test func aSchemaWithErrorsExportsNothingAndExitsOne() throws {
        let out = try CLIRunner.run(["export", "--format", "markdown", "Tests/Fixtures/lint/lifecycle_unreachable_state.yaml"])
        #expect(out.status == 1)
        #expect(out.stdout == "")
    }

    @Test func anUnknownFormatIsAUsageErrorWithExitTwo() throws {
        let out = try CLIRunner.run(["export", "--format", "yaml"])
        #expect(out.status == 2)
    }

    /// Two schemas whose exports share a file name (the same schema file name, or models of the same
    /// name) are refused before the output directory is even created.
    @Test(arguments: [("markdown", "execution.md"), ("json-schema", "TaskStepResult.schema.json")])
    func exportsThatWouldWriteOneFileAreRefusedAndNothingIsWritten(format: String, file: String) throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = try CLIRunner.run(["export", "--format", format, "schema/execution.yaml", "Tests/Fixtures/collide/Execution.yaml",
                                     "--output", dir.path])
        #expect(out.status == 2)
        #expect(out.stderr.contains("`schema/execution.yaml` and `Tests/Fixtures/collide/Execution.yaml` would all write"), "\(out.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.path))
    }
}
