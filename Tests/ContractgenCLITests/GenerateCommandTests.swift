import TestSupport
import Foundation
import Testing

@Suite struct GenerateCommandTests {
    private func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("contractgen-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Without arguments, `check` reads the repository's contractgen.yaml: the four bundled contracts and the
    /// field-types fixture in Swift, and the four bundled contracts in TypeScript and in Python.
    @Test func theCheckedInGeneratedCodeIsUpToDate() throws {
        let out = try CLIRunner.run(["check"])
        #expect(out.status == 0, "\(out.stdout)\(out.stderr)")
        #expect(out.stderr == "generated code is up to date (13 schemas)\n")
    }

    /// A package's own contractgen.yaml: `generate` writes every entry, `check` then passes, and a stale
    /// entry fails `check` with its diff; a mistake in the manifest is a located finding.
    @Test func aManifestListsWhatGenerateWritesAndCheckChecks() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fm = FileManager.default
        try fm.createDirectory(at: dir.appendingPathComponent("schema"), withIntermediateDirectories: true)
        for name in ["execution", "task_pipeline"] {
            try fm.copyItem(at: CLIRunner.packageRoot.appendingPathComponent("schema/\(name).yaml"),
                            to: dir.appendingPathComponent("schema/\(name).yaml"))
        }
        try Data("""
            generated:
              - { schema: schema/execution.yaml, output: Sources/A/Generated }
              - { schema: schema/task_pipeline.yaml, output: Sources/B/Generated, access: package }

            """.utf8).write(to: dir.appendingPathComponent("contractgen.yaml"))
        let generate = try CLIRunner.run(["generate"], in: dir)
        #expect(generate.status == 0, "\(generate.stderr)")
        #expect(generate.stderr == "wrote Sources/A/Generated/execution.swift\nwrote Sources/B/Generated/task_pipeline.swift\n")
        let pipeline = try String(contentsOf: dir.appendingPathComponent("Sources/B/Generated/task_pipeline.swift"), encoding: .utf8)
        #expect(pipeline.contains("package enum SubTaskStatus"))
        #expect(pipeline.contains("swift run contractgen generate schema/task_pipeline.yaml --output Sources/B/Generated --access package"))
        #expect(try CLIRunner.run(["check"], in: dir).stderr == "generated code is up to date (2 schemas)\n")

        try Data("// edited\n".utf8).write(to: dir.appendingPathComponent("Sources/A/Generated/execution.swift"))
        let stale = try CLIRunner.run(["check"], in: dir)
        #expect(stale.status == 1)
        #expect(stale.stderr.contains("error: Sources/A/Generated/execution.swift is stale; regenerate it from schema/execution.yaml"))

        try Data("generated:\n  - { schema: schema/execution.yaml, ouput: X }\n".utf8).write(to: dir.appendingPathComponent("contractgen.yaml"))
        let broken = try CLIRunner.run(["check"], in: dir)
        #expect(broken.status == 1)
        #expect(broken.stderr == "contractgen.yaml:2:38: error: unknown key `ouput` in an entry of `generated`; did you mean `output`?\n")
    }

    @Test func generateWritesOneFilePerSchemaAndKeepsUnchangedFiles() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let first = try CLIRunner.run(["generate", "schema/execution.yaml", "schema/task_pipeline.yaml", "--output", dir.path])
        #expect(first.status == 0, "\(first.stderr)")
        let file = dir.appendingPathComponent("execution.swift")
        let checkedIn = try String(contentsOf: CLIRunner.packageRoot.appendingPathComponent(
            "Sources/ExecutionContracts/Generated/execution.swift"), encoding: .utf8)
        // The same code; only the regenerate command names the other output directory.
        let expected = checkedIn.replacingOccurrences(of: "--output Sources/ExecutionContracts/Generated\n",
                                                      with: "--output \(dir.path)\n")
        #expect(expected != checkedIn)
        #expect(try String(contentsOf: file, encoding: .utf8) == expected)
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
        // The same schema at the same path in two directories, one copy after a byte-order mark.
        let schema = try Data(contentsOf: CLIRunner.packageRoot.appendingPathComponent("schema/execution.yaml"))
        var generated: [Data] = []
        for prefix in [Data(), Data([0xEF, 0xBB, 0xBF])] {
            let dir = try temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: dir) }
            try FileManager.default.createDirectory(at: dir.appendingPathComponent("schema"), withIntermediateDirectories: true)
            try (prefix + schema).write(to: dir.appendingPathComponent("schema/execution.yaml"))
            let out = try CLIRunner.run(["generate", "schema/execution.yaml", "--output", "out"], in: dir)
            #expect(out.status == 0, "\(out.stderr)")
            generated.append(try Data(contentsOf: dir.appendingPathComponent("out/execution.swift")))
        }
        #expect(generated[0] == generated[1])
        #expect(!generated[0].isEmpty)
    }

    @Test func generatingTwiceGivesTheSameBytes() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var outputs: [Data] = []
        for _ in 0..<2 {
            let out = try CLIRunner.run(["generate", "schema/agent_run.yaml", "--output", dir.path, "--access", "internal"])
            #expect(out.status == 0, "\(out.stderr)")
            let file = dir.appendingPathComponent("agent_run.swift")
            outputs.append(try Data(contentsOf: file))
            try FileManager.default.removeItem(at: file)
        }
        #expect(!outputs[0].isEmpty)
        #expect(outputs[0] == outputs[1])
    }

    /// However the schema and output paths are spelled, the header names them from the package root, so
    /// `check` agrees with `generate` (`./schema/execution.yaml` used to be called stale).
    @Test(arguments: [
        ["./schema/execution.yaml"], ["schema/../schema/execution.yaml"], ["schema//execution.yaml"],
        ["\(CLIRunner.packageRoot.path)/schema/execution.yaml"],
        ["schema/execution.yaml", "--output", "./Sources/ExecutionContracts/Generated/"],
        ["schema/execution.yaml", "--output", "\(CLIRunner.packageRoot.path)/Sources/ExecutionContracts/Generated"],
    ])
    func checkAcceptsTheCheckedInCodeHoweverThePathsAreSpelled(arguments: [String]) throws {
        let out = try CLIRunner.run(["check"] + arguments)
        #expect(out.status == 0, "\(out.stdout)\(out.stderr)")
        #expect(out.stderr == "generated code is up to date (1 schema)\n")
    }

    /// The header's regenerate command, pasted from the package root, reproduces the file exactly.
    @Test(arguments: ["Sources/ExecutionContracts/Generated/execution.swift", "Sources/ContractRunTracking/Generated/agent_run.swift",
                      "Sources/ContractRunTracking/Generated/execution_feed.swift",
                      "Tests/GeneratedCodeTests/Generated/task_pipeline.swift",
                      "Tests/GeneratedCodeTests/Generated/field_types.swift", "packages/typescript/src/execution.ts",
                      "packages/typescript/src/agent_run.ts", "packages/typescript/src/execution_feed.ts",
                      "packages/typescript/src/task_pipeline.ts"])
    func theHeadersRegenerateCommandWorksAsWritten(file: String) throws {
        let text = try String(contentsOf: CLIRunner.packageRoot.appendingPathComponent(file), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[1] == "// Regenerate it from the package root after changing the schema:")
        let prefix = "//   swift run contractgen "
        #expect(lines[2].hasPrefix(prefix))
        // A long command goes on over comment lines ending in ` \`, as a shell reads it pasted.
        var command = String(lines[2].dropFirst(prefix.count))
        var next = 3
        while command.hasSuffix(" \\") {
            let continuation = lines[next].dropFirst("//".count).drop { $0 == " " }
            #expect(lines[next].count <= 120 && lines[next].hasPrefix("//     ") && !continuation.isEmpty)
            command = command.dropLast(2) + " " + continuation
            next += 1
        }
        #expect(lines[..<next].allSatisfy { $0.count <= 120 })
        let arguments = command.split(separator: " ").map(String.init)
        // Run as `check` (which reads the same arguments) so the test cannot rewrite checked-in files.
        #expect(arguments.first == "generate")
        let out = try CLIRunner.run(["check"] + arguments.dropFirst())
        #expect(out.status == 0, "\(arguments): \(out.stdout)\(out.stderr)")
    }

    /// Two schemas that would write one file are refused before anything is written, whatever makes the
    /// names collide (directory, `.yml` against `.yaml`, letter case, the same file spelled twice).
    @Test(arguments: [
        (["schema/execution.yaml", "Tests/Fixtures/collide/execution.yaml"],
         "`schema/execution.yaml` and `Tests/Fixtures/collide/execution.yaml` would all be written to"),
        (["schema/execution.yaml", "Tests/Fixtures/collide/execution.yml"],
         "`schema/execution.yaml` and `Tests/Fixtures/collide/execution.yml` would all be written to"),
        (["schema/execution.yaml", "Tests/Fixtures/collide/Execution.yaml"],
         "`schema/execution.yaml` and `Tests/Fixtures/collide/Execution.yaml` would all be written to"),
        (["schema/execution.yaml", "./schema/execution.yaml"], "the schema `./schema/execution.yaml` is named more than once"),
    ])
    func twoSchemasForOneOutputFileAreRefusedAndNothingIsWritten(schemas: [String], message: String) throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for command in ["generate", "check"] {
            let out = try CLIRunner.run([command] + schemas + ["--output", dir.path])
            #expect(out.status == 2, "\(command): \(out.stderr)")
            #expect(out.stderr.contains(message), "\(out.stderr)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
        }
    }

    @Test func namingSchemasWithoutOutputSaysWhereToWrite() throws {
        let out = try CLIRunner.run(["generate", "schema/agent_run.yaml"])
        #expect(out.status == 2)
        #expect(out.stderr.contains("""
            --output DIR is required: the directory to write agent_run.swift into, for example \
            `--output Sources/MyTarget/Generated`.
            """), "\(out.stderr)")
    }

    @Test func withoutArgumentsGenerateWritesWhatTheManifestListsWhereCheckReadsIt() throws {
        let out = try CLIRunner.run(["generate"])
        #expect(out.status == 0, "\(out.stderr)")
        // Each language's entries share one output directory: their modules, then the runtime beside them once.
        func listing(_ directory: String, runtime: String, suffix: String) throws -> String {
            let files = try FileManager.default.contentsOfDirectory(
                atPath: CLIRunner.packageRoot.appendingPathComponent("\(directory)/\(runtime)").path)
                .filter { $0.hasSuffix(suffix) }.sorted()
            let modules = ["execution", "agent_run", "execution_feed", "task_pipeline"].map { "\(directory)/\($0)\(suffix)" }
            return (modules + files.map { "\(directory)/\(runtime)/\($0)" }).map { "\($0) is up to date\n" }.joined()
        }
        let typescript = try listing("packages/typescript/src", runtime: "runtime", suffix: ".ts")
        let python = try listing("packages/python/execution_contracts", runtime: "_runtime", suffix: ".py")
        #expect(out.stderr == """
            Sources/ExecutionContracts/Generated/execution.swift is up to date
            Sources/ContractRunTracking/Generated/agent_run.swift is up to date
            Sources/ContractRunTracking/Generated/execution_feed.swift is up to date
            Tests/GeneratedCodeTests/Generated/task_pipeline.swift is up to date
            Tests/GeneratedCodeTests/Generated/field_types.swift is up to date

            """ + typescript + python)
    }

    /// A language the generator does not write is a usage error (exit 2) naming the three it does, and nothing is
    /// written; language names are exact.
    @Test(arguments: ["cobol", "Python", "TypeScript", "ts", "", "swift "])
    func anUnknownLanguageIsAUsageErrorListingTheLanguages(language: String) throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for command in ["generate", "check"] {
            let out = try CLIRunner.run([command, "schema/execution.yaml", "--language", language, "--output", dir.path])
            #expect(out.status == 2, "\(command) \(language): \(out.stderr)")
            #expect(out.stderr.contains("Please provide one of 'swift', 'typescript' or 'python'."), "\(out.stderr)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
        }
    }

    /// `--language typescript` writes the module and, beside it, the runtime it imports; the module is the one the
    /// package checks in.
    @Test func generateInTypeScriptWritesTheModuleAndItsRuntime() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = try CLIRunner.run(["generate", "schema/execution_feed.yaml", "--language", "typescript", "--output", dir.path])
        #expect(out.status == 0, "\(out.stderr)")
        let module = try String(contentsOf: dir.appendingPathComponent("execution_feed.ts"), encoding: .utf8)
        let checkedIn = try String(contentsOf: CLIRunner.packageRoot.appendingPathComponent("packages/typescript/src/execution_feed.ts"),
                                   encoding: .utf8)
        // Only the header's regenerate command (its --output) differs: compare from the imports on.
        let body = { (text: String) in text.range(of: "\nimport ").map { String(text[$0.lowerBound...]) } }
        #expect(body(module) != nil)
        #expect(body(module) == body(checkedIn))
        for name in ["index.ts", "parse-record.ts", "rule-operators.ts"] {
            #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("runtime/\(name)").path), "\(name)")
        }
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

    @Test func generatingPythonWritesTheModuleAndTheRuntimeBesideIt() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = try CLIRunner.run(["generate", "schema/agent_run.yaml", "--output", dir.path, "--language", "python"])
        #expect(out.status == 0, "\(out.stderr)")
        let module = try String(contentsOf: dir.appendingPathComponent("agent_run.py"), encoding: .utf8)
        #expect(module.contains("class AgentRunStatus(str, enum.Enum):"))
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("_runtime/__init__.py").path))
        let check = try CLIRunner.run(["check", "schema/agent_run.yaml", "--output", dir.path, "--language", "python"])
        #expect(check.status == 0, "\(check.stderr)")
    }
}
