import TestSupport
import Foundation
import Testing

/// `contractgen conformance`: the files it writes, standard output, and its exit codes.
@Suite struct ConformanceCommandTests {
    private func temporaryDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("conformance-\(UUID().uuidString)")
    }

    @Test func itWritesOneFileNamedAfterEachSchema() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = try CLIRunner.run(["conformance", "schema/execution.yaml", "schema/task_pipeline.yaml", "--output", dir.path])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["execution.json", "task_pipeline.json"])
        #expect(out.stdout == "")
    }

    @Test func theFileHoldsTheVectorsCheckedInWhenGivenTheSameMutations() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = try CLIRunner.run(["conformance", "schema/task_pipeline.yaml", "--mutations", "100", "--output", dir.path])
        #expect(out.status == 0, "\(out.stderr)")
        let written = try String(contentsOf: dir.appendingPathComponent("task_pipeline.json"), encoding: .utf8)
        let checkedIn = try String(contentsOf: CLIRunner.packageRoot.appendingPathComponent("conformance/vectors/task_pipeline.json"),
                                   encoding: .utf8)
        #expect(written == checkedIn)
    }

    @Test func withoutOutputTheVectorsGoToStandardOutput() throws {
        let out = try CLIRunner.run(["conformance", "schema/execution.yaml"])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.hasPrefix("{\n  \"format\": \"contractgen-conformance/1\",\n  \"schema\": \"execution.yaml\",\n"))
        #expect(!out.stdout.contains("\"mutations\""))
    }

    @Test func aSchemaWithErrorsWritesNothingAndExitsOne() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = try CLIRunner.run(["conformance", "Tests/Fixtures/lint/lifecycle_unreachable_state.yaml", "--output", dir.path])
        #expect(out.status == 1)
        #expect(!FileManager.default.fileExists(atPath: dir.path))
    }

    @Test func anUnreadableSchemaOrAnOutputThatIsAFileExitsTwo() throws {
        let missing = try CLIRunner.run(["conformance", "no/such/schema.yaml"])
        #expect(missing.status == 2)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("conformance-file-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data("x".utf8).write(to: file)
        let out = try CLIRunner.run(["conformance", "schema/execution.yaml", "--output", file.path])
        #expect(out.status == 2)
        #expect(out.stderr.contains("error: cannot create output directory"))
    }

    @Test func twoSchemasOfTheSameFileNameAreRefusedWithOneOutputDirectory() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = try CLIRunner.run(["conformance", "Tests/Fixtures/collide/execution.yaml", "Tests/Fixtures/collide/execution.yml",
                                     "--output", dir.path])
        #expect(out.status == 2)
        #expect(out.stderr.contains("would all write `execution.json`"))
    }

    @Test func theJSONSuiteIsWrittenAsItsOwnFileEqualToTheCheckedInOne() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = try CLIRunner.run(["conformance", "schema/execution.yaml", "--json-suite", "Tests/Fixtures/json/suite",
                                     "--output", dir.path])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["execution.json", "json_suite.json"])
        let written = try String(contentsOf: dir.appendingPathComponent("json_suite.json"), encoding: .utf8)
        let checkedIn = try String(contentsOf: CLIRunner.packageRoot.appendingPathComponent("conformance/vectors/json_suite.json"),
                                   encoding: .utf8)
        #expect(written == checkedIn)
    }

    @Test func aJSONSuiteDirectoryThatCannotBeReadExitsTwo() throws {
        let out = try CLIRunner.run(["conformance", "schema/execution.yaml", "--json-suite", "no/such/dir"])
        #expect(out.status == 2)
        #expect(out.stderr.hasSuffix("error: cannot read the directory no/such/dir\n"))
        #expect(out.stdout == "")
    }
}
