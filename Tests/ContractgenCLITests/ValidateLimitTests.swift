import TestSupport
import Foundation
import Testing

/// `contractgen validate --max-line-bytes/--max-depth/--max-string-bytes/--max-keys`: each limit is an
/// option, each broken limit is reported with its own message, and the defaults accept ordinary records.
@Suite struct ValidateLimitTests {
    private static let record =
        #"{"step":"hello","result":[[1]],"completed":false,"message":"","status":"pending","error_code":null,"error_message":null}"#

    /// Validates `record` from standard input with `arguments` added.
    private func validate(_ arguments: [String]) throws -> CLIRunner.Output {
        try CLIRunner.run(["validate"] + arguments + ["-"], input: Data((Self.record + "\n").utf8))
    }

    @Test func theDefaultLimitsAcceptAnOrdinaryRecord() throws {
        let out = try validate([])
        #expect(out.status == 0, "\(out.stdout)")
    }

    @Test func aLineLongerThanMaxLineBytesIsTooLong() throws {
        let out = try validate(["--max-line-bytes", "100"])
        #expect(out.status == 1)
        #expect(out.stdout == "<stdin>:1: error: [too_long] the record is \(Self.record.utf8.count) bytes, more than the limit of 100 at $\n")
    }

    @Test func nestingDeeperThanMaxDepthIsTooDeep() throws {
        #expect(try validate(["--max-depth", "3"]).status == 0)
        let out = try validate(["--max-depth", "2"])
        #expect(out.status == 1)
        #expect(out.stdout == "<stdin>:1: error: [too_deep] arrays and objects nest more than 2 levels deep at $.result[0]\n")
    }

    @Test func aStringLongerThanMaxStringBytesIsTooLong() throws {
        #expect(try validate(["--max-string-bytes", "13"]).status == 0)
        let out = try validate(["--max-string-bytes", "4"])
        #expect(out.status == 1)
        #expect(out.stdout == "<stdin>:1: error: [too_long] the string is 5 bytes, more than the limit of 4 at $.step\n")
    }

    @Test func anObjectWithMoreThanMaxKeysIsTooLong() throws {
        #expect(try validate(["--max-keys", "7"]).status == 0)
        let out = try validate(["--max-keys", "3"])
        #expect(out.status == 1)
        #expect(out.stdout == "<stdin>:1: error: [too_long] the object has more than 3 keys at $\n")
    }

    @Test func helpListsEveryLimitWithItsDefault() throws {
        // Help wraps lines; compare with runs of white space folded to one space.
        let help = try CLIRunner.run(["validate", "--help"]).stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for text in ["--max-line-bytes <n> Refuse records (lines) longer than this many bytes (too_long). (default: 67108864)",
                     "--max-depth <n> Refuse records whose arrays and objects nest deeper than this (too_deep). (default: 512)",
                     "--max-string-bytes <n> Refuse strings and keys longer than this many bytes as written, escapes included (too_long). (default: 16777216)",
                     "--max-keys <n> Refuse objects with more keys than this (too_long). (default: 100000)"] {
            #expect(help.contains(text), "\(text)")
        }
    }
}
