// The registry of numeric options, which the options listed in help must match.
@testable import contractgen
import Foundation
import TestSupport
import Testing

/// Every numeric option of every command is range-checked when the arguments are parsed: a value outside
/// the range its help shows, or not a whole number at all, exits 2 naming the option and the range, and
/// the range's ends work. The options are read from the commands' help, so a new one is covered at once.
@Suite struct NumericOptionTests {
    /// One numeric option of one command, with the range its help shows.
    struct Listed: Sendable, Hashable, CustomTestStringConvertible {
        var command: String
        var option: String
        var range: ClosedRange<Int>
        var testDescription: String { "\(command) \(option)" }
    }

    /// The subcommands `contractgen --help` lists; `runs` hands over to the separate contractgen-runs tool.
    static let commands: [String] = {
        let help = (try? CLIRunner.run(["--help"]).stdout) ?? ""
        guard let section = help.components(separatedBy: "SUBCOMMANDS:").last else { return [] }
        return section.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("  "), !line.hasPrefix("   "), let name = line.split(separator: " ").first else { return nil }
            return String(name)
        }.filter { $0 != "runs" && $0 != "See" }
    }()

    /// Every `--option <n>` in each command's OPTIONS help, with the range its text gives ("Accepts A to B.").
    static let listed: [Listed] = commands.flatMap { command -> [Listed] in
        let help = (try? CLIRunner.run([command, "--help"]).stdout) ?? ""
        let options = (help.components(separatedBy: "OPTIONS:").last ?? "").split(whereSeparator: \.isWhitespace).joined(separator: " ")
        // Each option's text runs to the next option.
        let starts = options.matches(of: /--([a-z][a-z-]*) <([a-z.]+)>/)
        return starts.enumerated().compactMap { index, match -> Listed? in
            guard match.output.2 == "n" else { return nil }
            let end = index + 1 < starts.count ? starts[index + 1].range.lowerBound : options.endIndex
            let text = options[match.range.upperBound..<end]
            guard let range = text.firstMatch(of: /Accepts (\d+) to (\d+)\./), let low = Int(range.output.1),
                  let high = Int(range.output.2) else {
                return Listed(command: command, option: "--" + match.output.1, range: 0...0)  // no range shown: fails below
            }
            return Listed(command: command, option: "--" + match.output.1, range: low...high)
        }
    }

    /// A run of `command` with `option` set to `value` that succeeds when the value is accepted.
    private func run(_ command: String, _ option: String, _ value: String) throws -> CLIRunner.Output {
        let valid = #"{"step":"s","result":null,"completed":false,"message":"","status":"pending","error_code":null,"error_message":null}"#
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("numeric-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        switch command {
        case "lint": return try CLIRunner.run(["lint", option, value, "schema/execution.yaml"])
        case "generate": return try CLIRunner.run(["generate", option, value, "schema/execution.yaml", "--output", output])
        case "check": return try CLIRunner.run(["check", option, value])
        case "export": return try CLIRunner.run(["export", "--format", "markdown", option, value, "schema/execution.yaml"])
        case "diff": return try CLIRunner.run(["diff", "schema/execution.yaml", "schema/execution.yaml", option, value])
        case "validate": return try CLIRunner.run(["validate", option, value, "-"], input: Data((valid + "\n").utf8))
        case "conformance": return try CLIRunner.run(["conformance", option, value, "schema/task_pipeline.yaml", "--output", output])
        default: throw Unknown(command: command)
        }
    }

    struct Unknown: Error { var command: String }

    @Test func everyCommandListsItsNumericOptionsAndTheyAreTheRegisteredOnes() {
        #expect(Set(Self.commands) == ["lint", "generate", "check", "validate", "diff", "export", "conformance"])
        #expect(Set(Self.listed.map(\.option)) == Set(NumericOption.all.map(\.name)))
        for listed in Self.listed {
            let registered = NumericOption.all.first { $0.name == listed.option }
            #expect(registered?.range == listed.range, "\(listed.command) \(listed.option) shows \(listed.range)")
        }
        // Every command that reads schemas takes their four limits; validate also takes its own six.
        #expect(Self.listed.filter { $0.command == "validate" }.count == 10)
        for command in ["lint", "generate", "check", "diff", "export"] {
            #expect(Self.listed.filter { $0.command == command }.map(\.option).sorted()
                == ["--max-schema-bytes", "--max-schema-depth", "--max-schema-nodes", "--max-type-depth"], "\(command)")
        }
    }

    @Test(arguments: listed)
    func aValueOutsideTheRangeOrNotAWholeNumberIsAUsageErrorNamingTheRange(_ listed: Listed) throws {
        let values = ["0", "-1", "9223372036854775807", "9223372036854775808", "-9223372036854775809", "abc", "1.5", "",
                      "\(listed.range.lowerBound - 1)", "\(listed.range.upperBound + 1)"]
        // 0 is in range for an option that counts something optional (--mutations, --seed).
        for value in Set(values).sorted() where Int(value).map({ !listed.range.contains($0) }) ?? true {
            let out = try run(listed.command, listed.option, value)
            #expect(out.status == 2, "\(listed) \(value): \(out.stderr)")
            #expect(out.stdout == "")
            let expected = "Error: The value '\(value)' is invalid for '\(listed.option) <n>': \(listed.option) takes a whole number "
                + "from \(listed.range.lowerBound) to \(listed.range.upperBound)"
            #expect(out.stderr.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) == expected,
                    "\(listed) \(value): \(out.stderr)")
        }
    }

    @Test(arguments: listed)
    func theLargestValueInTheRangeWorks(_ listed: Listed) throws {
        let out = try run(listed.command, listed.option, "\(listed.range.upperBound)")
        #expect(out.status == 0, "\(listed): \(out.stdout)\(out.stderr)")
    }

    @Test(arguments: listed)
    func theSmallestValueInTheRangeIsAccepted(_ listed: Listed) throws {
        // A limit of 1 refuses the input (a schema refused by `validate` or `diff` exits 2 too), but
        // the arguments are accepted: the command ran and said why in its own words.
        let out = try run(listed.command, listed.option, "\(listed.range.lowerBound)")
        #expect(!out.stderr.contains("is invalid for") && !out.stderr.contains("Usage:"), "\(listed): \(out.stderr)")
        #expect(out.stderr.contains("1 byte") || out.stderr.contains("1 level") || out.stderr.contains("1 YAML node")
                || out.stdout.contains("more than the limit of 1") || out.stdout.contains("more than 1 ") || out.status == 0,
                "\(listed): \(out.stdout)\(out.stderr)")
    }

    @Test func aValueWithControlCharactersIsShownEscaped() throws {
        let out = try CLIRunner.run(["lint", "--max-schema-depth", "\u{1B}[2J\u{202E}"])
        #expect(out.status == 2)
        #expect(out.stderr.hasPrefix(#"Error: The value '\u{1B}[2J\u{202E}' is invalid for '--max-schema-depth <n>'"#), "\(out.stderr)")
        #expect(!out.stderr.contains("\u{1B}"))
    }
}
