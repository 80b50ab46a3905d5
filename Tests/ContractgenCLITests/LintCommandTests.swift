import TestSupport
import Foundation
import Testing

@Suite struct LintCommandTests {
    @Test func lintingTheSeedContractsExitsZero() throws {
        let out = try CLIRunner.run(["lint", "schema/execution.yaml", "schema/agent_run.yaml", "schema/execution_feed.yaml",
                                     "schema/task_pipeline.yaml"])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stderr == "4 schemas clean\n")
    }

    @Test func withoutArgumentsLintReadsTheDefaultSchema() throws {
        let out = try CLIRunner.run(["lint"])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stderr == "1 schema clean\n")
    }

    @Test(arguments: ["lifecycle_unreachable_state", "key_typo_top_level", "yaml_duplicate_key", "rule_unknown_field",
                      "indent_transitions_line_inside_state", "indent_state_closes_its_block", "syntax_unclosed_bracket",
                      "yaml_utf16le_bom", "yaml_bom_mid_file", "cascade_unknown_lifecycle_key", "suggest_type_from_another_language"])
    func lintPrintsTheFixtureDiagnosticsAndExitsOne(name: String) throws {
        let path = "Tests/Fixtures/lint/\(name).yaml"
        guard let expected = try? String(contentsOfFile: CLIRunner.packageRoot.appendingPathComponent(
            "Tests/Fixtures/lint/\(name).expected").path, encoding: .utf8) else {
            Issue.record("missing fixture \(name)")
            return
        }
        let out = try CLIRunner.run(["lint", path])
        #expect(out.status == 1)
        #expect(out.stdout == "")
        #expect(out.stderr == expected.replacingOccurrences(of: "\(name).yaml:", with: "\(path):"))
    }

    @Test func aSchemaThatStartsWithAByteOrderMarkLintsClean() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lint-bom-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let schema = try Data(contentsOf: CLIRunner.packageRoot.appendingPathComponent("schema/execution.yaml"))
        let path = dir.appendingPathComponent("execution.yaml").path
        try (Data([0xEF, 0xBB, 0xBF]) + schema).write(to: URL(fileURLWithPath: path))
        let out = try CLIRunner.run(["lint", path])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stderr == "1 schema clean\n")
    }

    @Test func aMissingFileExitsTwo() throws {
        let out = try CLIRunner.run(["lint", "no/such/schema.yaml"])
        #expect(out.status == 2)
        #expect(out.stderr == "error: cannot read no/such/schema.yaml: no such file or not readable\n")
    }

    @Test func anUnknownOptionIsAUsageErrorWithExitTwo() throws {
        let out = try CLIRunner.run(["lint", "--no-such-option"])
        #expect(out.status == 2)
        #expect(out.stderr.contains("Unknown option '--no-such-option'"))
    }

    @Test func helpDescribesEverySubcommand() throws {
        let out = try CLIRunner.run(["--help"])
        #expect(out.status == 0)
        #expect(out.stdout.contains("lint"))
        let lint = try CLIRunner.run(["lint", "--help"])
        #expect(lint.stdout.contains("Exit codes: 0 no errors"))
    }

    /// Diagnostics quote the schema and name the file; neither may carry a control character or a
    /// bidirectional override to the terminal.
    @Test(arguments: ["\u{1B}]0;pwned\u{07}", "\u{9B}31m", "\r", "\u{202E}", "\u{7F}"])
    func diagnosticsEscapeControlCharactersQuotedFromTheSchemaAndItsName(control: String) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lint-escape-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("s\(control).yaml")
        let escapedKey = control.unicodeScalars.map { "\\u" + String(repeating: "0", count: 4 - String($0.value, radix: 16).count)
            + String($0.value, radix: 16) }.joined()
        try Data("contract: X\nversion: 1.0.0\n\"k\(escapedKey)\": 1\n".utf8).write(to: file)
        let out = try CLIRunner.run(["lint", file.path])
        #expect(out.status == 1)
        #expect(!out.stderr.unicodeScalars.contains { $0 != "\n" && DisplayTextProbe.isControl($0) }, "\(out.stderr.debugDescription)")
        let shown = control.unicodeScalars.map { scalar in
            scalar == "\r" ? "\\r" : DisplayTextProbe.isControl(scalar)
                ? "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}" : String(scalar)
        }.joined()
        #expect(out.stderr.contains("/s\(shown).yaml:3:1: error: unknown key `k\(shown)`"), "\(out.stderr.debugDescription)")
    }
}

/// The characters no human-readable output may print raw (the tests' own copy of the rule, so a change to
/// the library's rule cannot make them pass by accident).
enum DisplayTextProbe {
    static func isControl(_ s: Unicode.Scalar) -> Bool {
        (0...0x1F).contains(s.value) || (0x7F...0x9F).contains(s.value) || (0x202A...0x202E).contains(s.value)
            || (0x2066...0x2069).contains(s.value) || [0x061C, 0x200E, 0x200F, 0x2028, 0x2029].contains(s.value)
    }
}
