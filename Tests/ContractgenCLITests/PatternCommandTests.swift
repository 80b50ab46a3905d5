import TestSupport
import Foundation
import Testing

/// Error-catalog patterns through the CLI: a pattern that backtracks catastrophically in other
/// engines is answered at once by every command that reads a schema, and a construct outside the
/// linear-time subset is refused with its location.
@Suite struct PatternCommandTests {
    static let backtracking = "Tests/Fixtures/lint/pattern_catastrophic_backtracking.yaml"

    /// The fixture's expected findings, as printed for `path`.
    static func expectedFindings(_ name: String, as path: String) throws -> String {
        let url = CLIRunner.packageRoot.appendingPathComponent("Tests/Fixtures/lint/\(name).expected")
        return try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "\(name).yaml:", with: "\(path):")
    }

    static func temporaryFile(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pattern-\(UUID().uuidString).yaml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    static func schema(pattern: String, codes: [String]) -> String {
        var text = "contract: Demo\nversion: 1.0.0\nerrors:\n  ErrorCode:\n    pattern: '\(pattern)'\n    codes:\n"
        for (index, code) in codes.enumerated() {
            text += "      ? \(code)\n      : { name: code_\(index), category: client, retryable: false }\n"
        }
        return text
    }

    /// The bound on a command's wall-clock time. Its code of 100 `a`s and `!` takes a backtracking matcher about
    /// 2^100 steps, so any bound a test can wait for tells the two apart; it is generous because the command is a
    /// debug build started while the whole suite shares the machine's cores (2 s was once exceeded that way,
    /// at 2.26 s). The step bound itself is proved deterministically in `CodePatternComplexityTests`.
    static let answerBound = Duration.seconds(30)

    @Test func lintAnswersAtOnceForTheIssuesBacktrackingPatternWithTheMismatchFindings() throws {
        let started = ContinuousClock.now
        let out = try CLIRunner.run(["lint", Self.backtracking])
        #expect(ContinuousClock.now - started < Self.answerBound)
        #expect(out.status == 1)
        #expect(out.stdout == "")
        #expect(out.stderr == (try Self.expectedFindings("pattern_catastrophic_backtracking", as: Self.backtracking)))
    }

    /// A command that reads a schema, and the exit status it gives for one with lint errors.
    struct Command: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        var status: Int32
        var testDescription: String { arguments.prefix(3).joined(separator: " ") }
    }

    static let schemaCommands = [
        Command(arguments: ["generate", backtracking, "--output", "/nonexistent-pattern-test"], status: 1),
        Command(arguments: ["check", backtracking, "--output", "/nonexistent-pattern-test"], status: 1),
        Command(arguments: ["export", "--format", "markdown", backtracking, "--output", "/nonexistent-pattern-test"], status: 1),
        Command(arguments: ["export", "--format", "json-schema", backtracking, "--output", "/nonexistent-pattern-test"], status: 1),
        Command(arguments: ["validate", "--schema", backtracking, "/dev/null"], status: 2),
    ]

    @Test(arguments: schemaCommands)
    func everyCommandThatReadsASchemaAnswersAtOnceForABacktrackingPattern(_ command: Command) throws {
        let started = ContinuousClock.now
        let out = try CLIRunner.run(command.arguments)
        #expect(ContinuousClock.now - started < Self.answerBound)
        #expect(out.status == command.status)
        #expect(out.stderr.hasPrefix(try Self.expectedFindings("pattern_catastrophic_backtracking", as: Self.backtracking)))
    }

    @Test func anUnsupportedConstructExitsOneWithItsLocationAndTheSupportedSyntax() throws {
        let file = try Self.temporaryFile(Self.schema(pattern: "E(?=0)[0-9]{3}", codes: ["E001"]))
        defer { try? FileManager.default.removeItem(at: file) }
        let out = try CLIRunner.run(["lint", file.path])
        #expect(out.status == 1)
        #expect(out.stderr == """
            \(file.path):5:16: error: pattern `E(?=0)[0-9]{3}` of error catalog `ErrorCode` uses a lookahead `(?=`, \
            which is not supported: patterns are matched in linear time, without backtracking
            \(file.path):5:14: note: a pattern may use literal characters, `.`, `\\d \\w \\s \\D \\W \\S`, metacharacters \
            escaped with `\\`, classes like `[a-z0-9_]` and `[^...]`, groups `(...)` and `(?:...)`, `|`, the quantifiers \
            `* + ? {n} {n,} {n,m}` (lazy forms too), `^` at the start and `$` at the end; codes are matched one Unicode \
            scalar at a time

            """)
    }

    @Test func aSchemaWithASupportedPatternThatItsCodesMatchLintsClean() throws {
        let file = try Self.temporaryFile(Self.schema(pattern: #"^(?:E|W)\d{3}(?:-[a-z_]+)?$"#, codes: ["E001", "W002-db_down"]))
        defer { try? FileManager.default.removeItem(at: file) }
        let out = try CLIRunner.run(["lint", file.path])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stderr == "1 schema clean\n")
    }

    @Test func lintHelpDescribesThePatternSubsetAndItsLimits() throws {
        let out = try CLIRunner.run(["lint", "--help"])
        #expect(out.status == 0)
        let text = out.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(text.contains("An error catalog's `pattern` is matched in linear time"))
        #expect(text.contains("A pattern may be 1,000 bytes long, repeat at most 1,000 times per count and compile to at most 10,000 instructions."))
    }

    @Test func aLongCodeAgainstALargePatternStopsAtTheSchemasPatternStepLimit() throws {
        // About 100 states stay active per scalar: 200,000 scalars would take 20 million steps.
        let code = String(repeating: "a", count: 200_000)
        let file = try Self.temporaryFile(Self.schema(pattern: ".*(a?){100}b", codes: [code, "E001"]))
        defer { try? FileManager.default.removeItem(at: file) }
        let run = try CLIRunner.measure(["lint", file.path])
        #expect(run.status == 1)
        #expect(run.stderr == "\(file.path):7:9: error: code `\(String(repeating: "a", count: 100))…` and the codes after it "
                    + "were not checked against the pattern `.*(a?){100}b` of error catalog `ErrorCode`: checking patterns "
                    + "reached the limit of 10000000 steps for one schema; shorten the codes or simplify the patterns\n")
        #expect(run.elapsed < .seconds(30), "a guard only: the step limit is what bounds the work")
    }

    @Test func thousandsOfCatalogsWithLargePatternsStopAtTheSchemasPatternStepLimit() throws {
        // 9,001 instructions each: compiling all 5,000 would take 45 million steps.
        let pattern = String(repeating: "[a-z]{1000}", count: 9)
        var text = "contract: Demo\nversion: 1.0.0\nerrors:\n"
        for index in 0..<5_000 {
            text += "  C\(index):\n    pattern: '\(pattern)'\n    codes:\n      E\(index): { name: a, category: client, retryable: false }\n"
        }
        let file = try Self.temporaryFile(text)
        defer { try? FileManager.default.removeItem(at: file) }
        let run = try CLIRunner.measure(["lint", file.path])
        #expect(run.status == 1)
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 5_000)
        // Each checked catalog costs 18,003 steps (9,001 to compile, 9,001 to prepare, 1 to start): 555 fit.
        #expect(lines.filter { $0.contains(": error: code `E") && $0.contains("does not match") }.count == 555)
        #expect(lines.filter { $0.hasSuffix("and its codes were not checked: checking patterns reached the limit of "
                                            + "10000000 steps for one schema; shorten the codes or simplify the patterns") }.count
                    == 4_445)
        #expect(lines.first == "\(file.path):7:7: error: code `E0` does not match the pattern `\(pattern)` of error catalog `C0`")
        #expect(lines.last.map(String.init) == "\(file.path):20001:14: error: pattern `\(pattern)` of error catalog `C4999` and its codes were not "
                    + "checked: checking patterns reached the limit of 10000000 steps for one schema; shorten the codes or "
                    + "simplify the patterns")
        #expect(run.elapsed < .seconds(30), "a guard only: the step limit is what bounds the work")
    }
}
