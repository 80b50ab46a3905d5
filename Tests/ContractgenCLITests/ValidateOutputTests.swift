import Foundation
import TestSupport
import Testing

/// What `validate` prints for lines that are not records, for input holding control characters, and
/// for records nested as deep as `--max-depth` allows.
@Suite struct ValidateOutputTests {
    private func temporaryFile(named name: String = "records-\(UUID().uuidString).jsonl", _ bytes: [UInt8]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func linesThatAreNotOneJSONValueAreJSONErrorsAndOnlyCompleteValuesAreNotObjects() throws {
        let lines = ["nope", "nullx", "not json at all", "trux", "42abc", "[1]", #""x""#, "42", "[1] x"]
        let out = try CLIRunner.run(["validate", "-"], input: Data(lines.map { $0 + "\n" }.joined().utf8))
        #expect(out.status == 1)
        #expect(out.stdout == """
            <stdin>:1: error: [malformed_json] unexpected 'o'; expected the literal null at $
            <stdin>:2: error: [malformed_json] unexpected 'x' after the literal null at $
            <stdin>:3: error: [malformed_json] unexpected 'o'; expected the literal null at $
            <stdin>:4: error: [malformed_json] unexpected 'x'; expected the literal true at $
            <stdin>:5: error: [malformed_json] unexpected 'a' after the number 42 at $
            <stdin>:6: error: [not_an_object] expected a TaskStepResult object, found an array at $
            <stdin>:7: error: [not_an_object] expected a TaskStepResult object, found a string at $
            <stdin>:8: error: [not_an_object] expected a TaskStepResult object, found a number at $
            <stdin>:9: error: [trailing_data] unexpected 'x' after the top-level value at $

            """)
    }

    @Test func jsonFindingsGiveTheOffsetOfTheFirstBadByte() throws {
        let out = try CLIRunner.run(["validate", "--format", "json", "-"], input: Data("nullx\n".utf8))
        #expect(out.stdout == #"{"file":"<stdin>","line":1,"category":"malformed_json","message":"unexpected 'x' after the literal null","path":"$","offset":4}"# + "\n")
    }

    @Test func controlCharactersInFileNamesKeysAndSummaryAreEscaped() throws {
        // DEL, a C1 control and a right-to-left override in a key; an escape sequence in the file name.
        let path = try temporaryFile(named: "rec\u{1B}[31m-\(UUID().uuidString).jsonl", Array("{\"\u{202E}x\u{7F}\u{9B}\":1}\n".utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let out = try CLIRunner.run(["validate", path])
        #expect(out.status == 1)
        let shown = path.replacingOccurrences(of: "\u{1B}", with: "\\u{1B}")
        #expect(out.stdout == "\(shown):1: error: [unknown_field] unknown key \"\\u{202E}x\\u{7F}\\u{9B}\" in TaskStepResult "
            + "at $[\"\\u{202E}x\\u{7F}\\u{9B}\"]\n")
        #expect(!out.stderr.contains("\u{1B}"))
    }

    @Test func anUnreadableFileWithControlCharactersInItsNameIsShownEscaped() throws {
        let out = try CLIRunner.run(["validate", "no\u{1B}]0;title\u{7}.jsonl"])
        #expect(out.status == 2)
        #expect(out.stderr.hasPrefix("error: cannot read no\\u{1B}]0;title\\u{7}.jsonl: No such file or directory\n"), "\(out.stderr)")
    }

    @Test func aModelNameWithControlCharactersIsShownEscaped() throws {
        let out = try CLIRunner.run(["validate", "--model", "Task\u{1B}[8m", "-"], input: Data())
        #expect(out.status == 2)
        #expect(out.stderr.contains("no model `Task\\u{1B}[8m`"), "\(out.stderr)")
        #expect(!out.stderr.contains("\u{1B}"))
    }

    @Test func aRecursiveModelNestedToTheLargestMaxDepthIsValidated() throws {
        let schema = try temporaryFile(named: "tree-\(UUID().uuidString).yaml", Array("""
            contract: Tree
            version: 1.0.0
            models:
              Node:
                fields:
                  children: { type: list<Node> }

            """.utf8))
        defer { try? FileManager.default.removeItem(atPath: schema) }
        // Each level is an object and its list: 10,000 levels of JSON in all, the most --max-depth allows.
        let levels = 5_000
        let record = String(repeating: #"{"children":["#, count: levels - 1) + #"{"children":[]}"# + String(repeating: "]}", count: levels - 1)
        // On the command's own thread and on the threads of --jobs, each with a large stack.
        for jobs in ["1", "2"] {
            let start = ContinuousClock.now
            let out = try CLIRunner.run(["validate", "--jobs", jobs, "--schema", schema, "--max-depth", "10000", "-"],
                                        input: Data((record + "\n" + record + "\n").utf8))
            #expect(out.status == 0, "--jobs \(jobs): \(out.stdout.prefix(300))\(out.stderr.prefix(300))")
            #expect(ContinuousClock.now - start < .seconds(20))
            let deeper = try CLIRunner.run(["validate", "--jobs", jobs, "--schema", schema, "--max-depth", "10000", "-"],
                                           input: Data((#"{"children":["# + record + "]}\n").utf8))
            #expect(deeper.status == 1)
            #expect(deeper.stdout.hasPrefix("<stdin>:1: error: [too_deep] arrays and objects nest more than 10000 levels deep at $.children[0]"),
                    "\(deeper.stdout.prefix(200))")
        }
    }
}
