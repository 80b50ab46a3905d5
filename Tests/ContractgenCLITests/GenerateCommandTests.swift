import TestSupport
import Foundation
import Testing

@Suite struct GenerateCommandTests {
    private func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("contractgen-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func theCheckedInGeneratedCodeIsUpToDate() throws {
        let out = try CLIRunner.run(["check"])
        #expect(out.status == 0, "\(out.stdout)\(out.stderr)")
        #expect(out.stderr == "generated code is up to date (1 schema)\n")
    }

    @Test func generateWritesOneFilePerSchemaAndKeepsUnchangedFiles() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let first = try CLIRunner.run(["generate", "schema/execution.yaml", "schema/task_pipeline.yaml", "--output", dir.path])
        #expect(first.status == 0, "\(first.stderr)")
        let file = dir.appendingPathComponent("execution.swift")
        let checkedIn = try Data(contentsOf: CLIRunner.packageRoot.appendingPathComponent(
            "Sources/ExecutionContracts/Generated/execution.swift"))
        #expect(try Data(contentsOf: file) == checkedIn)
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("task_pipeline.swift").path))

        let stamp = Date(timeIntervalSince1970: 1_000_000)
        try FileManager.default.setAttributes([.modificationDate: stamp], ofItemAtPath: file.path)
        let second = try CLIRunner.run(["generate", "schema/execution.yaml", "--output", dir.path])
        #expect(second.status == 0)
        #expect(second.stderr.contains("is up to date"))
        let modified = try FileManager.default.attributesOfItem(atPath: file.path)[.modificationDate] as? Date
        #expect(modified == stamp, "an unchanged file must not be rewritten")
    }

    @Test func aByteOrderMarkBeforeTheSchemaChangesNothingInTheGeneratedCode() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("schema"), withIntermediateDirectories: true)
        let schema = try Data(contentsOf: CLIRunner.packageRoot.appendingPathComponent("schema/execution.yaml"))
        try (Data([0xEF, 0xBB, 0xBF]) + schema).write(to: dir.appendingPathComponent("schema/execution.yaml"))
        let out = try CLIRunner.run(["generate", "schema/execution.yaml", "--output", "out"], in: dir)
        #expect(out.status == 0, "\(out.stderr)")
        let checkedIn = try Data(contentsOf: CLIRunner.packageRoot.appendingPathComponent(
            "Sources/ExecutionContracts/Generated/execution.swift"))
        #expect(try Data(contentsOf: dir.appendingPathComponent("out/execution.swift")) == checkedIn)
    }

    @Test func generatingTwiceGivesTheSameBytes() throws {
        let a = try temporaryDirectory(), b = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: a); try? FileManager.default.removeItem(at: b) }
        for dir in [a, b] {
            let out = try CLIRunner.run(["generate", "schema/agent_run.yaml", "--output", dir.path, "--access", "internal"])
            #expect(out.status == 0, "\(out.stderr)")
        }
        let left = try Data(contentsOf: a.appendingPathComponent("agent_run.swift"))
        let right = try Data(contentsOf: b.appendingPathComponent("agent_run.swift"))
        #expect(!left.isEmpty)
        #expect(left == right)
    }

    @Test func checkReportsAOneCharacterSchemaChangeWithAUnifiedDiff() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let schema = try String(contentsOf: CLIRunner.packageRoot.appendingPathComponent("schema/execution.yaml"), encoding: .utf8)
        let schemaPath = dir.appendingPathComponent("execution.yaml").path
        try schema.write(toFile: schemaPath, atomically: true, encoding: .utf8)
        let generated = dir.appendingPathComponent("Generated")
        #expect(try CLIRunner.run(["generate", schemaPath, "--output", generated.path]).status == 0)
        #expect(try CLIRunner.run(["check", schemaPath, "--output", generated.path]).status == 0)

        // One character: the user message of E001 gains an exclamation mark.
        let changed = schema.replacingOccurrences(of: "\"The input is invalid.\"", with: "\"The input is invalid!\"")
        #expect(changed != schema)
        try changed.write(toFile: schemaPath, atomically: true, encoding: .utf8)
        let out = try CLIRunner.run(["check", schemaPath, "--output", generated.path])
        #expect(out.status == 1)
        #expect(out.stdout.contains("-        case .validationError: \"The input is invalid.\""))
        #expect(out.stdout.contains("+        case .validationError: \"The input is invalid!\""))
        #expect(out.stdout.hasPrefix("--- \(generated.path)/execution.swift\n+++ "))
        #expect(out.stdout.contains("\n@@ -"))
        #expect(out.stderr.contains("error: \(generated.path)/execution.swift is stale"))
    }

    @Test func checkReportsAMissingGeneratedFile() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = try CLIRunner.run(["check", "schema/execution.yaml", "--output", dir.path])
        #expect(out.status == 1)
        #expect(out.stderr.contains("execution.swift is missing"))
    }

    @Test func generateRefusesASchemaWithErrorsAndWritesNothing() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = try CLIRunner.run(["generate", "Tests/Fixtures/lint/lifecycle_unreachable_state.yaml", "--output", dir.path])
        #expect(out.status == 1)
        #expect(out.stderr.contains("error: state `archived` is unreachable"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    @Test func anInvalidAccessLevelIsAUsageError() throws {
        let out = try CLIRunner.run(["generate", "--output", "/tmp/x", "--access", "open"])
        #expect(out.status == 2)
        #expect(out.stderr.contains("--access"))
    }
}
