import TestSupport
import Foundation
import Testing

/// `--max-schema-bytes`, `--max-schema-depth` and `--max-schema-nodes`: each lowers its own limit and is
/// reported with its own message; hostile schema files are refused fast and in bounded memory.
@Suite struct SchemaLimitTests {
    /// A limit option, a value low enough that `schema/execution.yaml` breaks it, and the message it gives.
    struct Limit: Sendable, CustomTestStringConvertible {
        var option: String
        var value: String
        var message: String
        var testDescription: String { option }
    }

    static let limits = [
        Limit(option: "--max-schema-bytes", value: "100",
              message: "schema/execution.yaml:1:1: error: schema file is BYTES bytes; the limit is 100 bytes (raise it with --max-schema-bytes)"),
        Limit(option: "--max-schema-depth", value: "2",
              message: "error: nesting is deeper than the limit of 2 levels (raise it with --max-schema-depth)"),
        Limit(option: "--max-schema-nodes", value: "10",
              message: "error: the file holds more than the limit of 10 YAML nodes (raise it with --max-schema-nodes)"),
    ]

    @Test(arguments: limits)
    func eachLimitOptionLowersItsOwnLimitAndNamesItInTheMessage(_ limit: Limit) throws {
        let size = try FileManager.default.attributesOfItem(atPath: CLIRunner.packageRoot.appendingPathComponent("schema/execution.yaml").path)[.size]
        let out = try CLIRunner.run(["lint", limit.option, limit.value, "schema/execution.yaml"])
        #expect(out.status == 1)
        let lines = out.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(out.stderr)")
        #expect(lines.first?.contains(limit.message.replacingOccurrences(of: "BYTES", with: "\(size ?? 0)")) == true, "\(out.stderr)")
    }

    @Test func generateAndCheckTakeTheSameLimits() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("limits-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        for command in ["generate", "check"] {
            let out = try CLIRunner.run([command, "--max-schema-nodes", "10", "--output", output])
            #expect(out.status == 1, "\(command): \(out.stderr)")
            #expect(out.stderr.contains("the file holds more than the limit of 10 YAML nodes"), "\(command): \(out.stderr)")
        }
    }

    /// The peak memory of linting the default schema: what any run costs before its input.
    private static func baselineMemory() throws -> Int {
        let run = try CLIRunner.measure(["lint", CLIRunner.packageRoot.appendingPathComponent("schema/execution.yaml").path])
        #expect(run.status == 0, "\(run.stderr)")
        return run.peakMemory
    }

    @Test func aHundredMegabyteSchemaIsRefusedInUnderASecondWithoutBeingRead() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("huge-\(UUID().uuidString).yaml").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data("contract: Huge\n".utf8)))
        defer { try? FileManager.default.removeItem(atPath: path) }
        // Sparse: 100 MB long without taking disk space; reading it would still take 100 MB of memory.
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 100_000_000)
        try handle.close()
        let baseline = try Self.baselineMemory()
        let run = try CLIRunner.measure(["lint", path])
        #expect(run.status == 1)
        #expect(run.stderr == "\(path):1:1: error: schema file is 100000000 bytes; the limit is 4194304 bytes (raise it with --max-schema-bytes)\n")
        #expect(run.elapsed < .seconds(1))
        #expect(run.peakMemory < baseline + 32 << 20, "peak \(run.peakMemory >> 20) MiB, baseline \(baseline >> 20) MiB")
    }

    @Test func aBillionLaughsSchemaIsRefusedInUnderASecondInBoundedMemory() throws {
        // Ten levels of nine references each: 10^9 strings if aliases were expanded.
        var text = "lol0: &lol0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            text += "lol\(level): &lol\(level) [" + Array(repeating: "*lol\(level - 1)", count: 9).joined(separator: ", ") + "]\n"
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("laughs-\(UUID().uuidString).yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let baseline = try Self.baselineMemory()
        let run = try CLIRunner.measure(["lint", path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("\(path):2:14: error: aliases (`*name`) are not allowed in schemas; write the value out"), "\(run.stderr)")
        #expect(run.elapsed < .seconds(1))
        #expect(run.peakMemory < baseline + 32 << 20, "peak \(run.peakMemory >> 20) MiB, baseline \(baseline >> 20) MiB")
    }

    /// `--max-type-depth` takes 1 to 32: past 32 levels the Swift compiler's time on the generated code
    /// grows sharply. Out of range is a usage error naming the range; at 32 a 32-deep type lints.
    @Test(arguments: ["0", "-1", "33", "9223372036854775807"])
    func aTypeDepthOutsideOneToThirtyTwoIsAUsageError(value: String) throws {
        let out = try CLIRunner.run(["lint", "--max-type-depth", value])
        #expect(out.status == 2)
        #expect(out.stderr.contains("--max-type-depth"), "\(out.stderr)")
        #expect(out.stderr.contains("32"), "\(out.stderr)")
    }

    @Test func theTypeDepthLimitIsRaisedAndReportedByTheCommandLine() throws {
        var type = "int"
        for level in 0..<32 { type = (level % 2 == 0 ? "list<" : "map<") + type + ">" }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("depth-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("deep.yaml")
        try Data("contract: Deep\nversion: 1.0.0\nmodels:\n  D:\n    fields:\n      v: { type: \"\(type)\" }\n".utf8).write(to: file)
        let refused = try CLIRunner.run(["lint", file.path])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("deep.yaml:6:18: error: the type of field `v` nests `list<…>` and `map<…>` more than the limit of 8 levels"))
        let accepted = try CLIRunner.run(["lint", "--max-type-depth", "32", file.path])
        #expect(accepted.status == 0, "\(accepted.stderr)")
    }
}
