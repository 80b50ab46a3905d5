import Foundation
import RunStoreTestSupport
import Testing

/// Every numeric option of `contractgen runs` is range-checked while the command line is parsed: a value
/// outside the range (or no integer at all) is a usage error that names the range, exit code 2, before
/// any database is opened; the bounds themselves are accepted.
@Suite("contractgen runs numeric options") struct RunsNumericOptionTests {
    struct NumericOption: Sendable, CustomStringConvertible {
        var command: String
        var option: String
        var valueName: String
        /// The end of the message, naming the range.
        var expected: String
        /// The smallest and largest value accepted.
        var bounds: [String]
        /// Values refused: below and above the bounds, the Int limits and past them, and no integers.
        var refused: [String]
        var description: String { option }
    }

    static let options = [
        NumericOption(command: "list", option: "--limit", valueName: "limit", expected: "expected an integer from 1 to 200",
                      bounds: ["1", "200"],
                      refused: ["0", "-1", "201", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
                                "-9223372036854775809", "1.5", "1e3", "abc", " 5", "٣"]),
        NumericOption(command: "sweep", option: "--older-than", valueName: "seconds",
                      expected: "expected a whole number of seconds from 0 to 315360000", bounds: ["0", "315360000"],
                      refused: ["-1", "315360001", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
                                "-9223372036854775809", "1.5", "1e3", "abc", " 5", "٣"]),
    ]

    @Test(arguments: options)
    func aValueOutsideTheRangeIsAUsageErrorNamingTheRange(_ option: NumericOption) throws {
        for value in option.refused {
            let output = try RunsCLI.run([option.command, "--database", "/nonexistent/x.sqlite", "\(option.option)=\(value)"])
            #expect(output.status == 2, "\(option.option)=\(value)")
            #expect(output.stdout == "")
            let firstLine = output.stderr.split(separator: "\n").first.map(String.init)
            #expect(firstLine == "Error: The value '\(value)' is invalid for '\(option.option) <\(option.valueName)>': "
                    + option.expected)
        }
    }

    @Test func theBoundsOfEveryOptionAreAccepted() throws {
        let path = SQLiteFile.newPath()
        defer { SQLiteFile(path: path).remove() }
        #expect(try RunsCLI.run(["init", "--database", path]).status == 0)
        for option in Self.options {
            for value in option.bounds {
                let output = try RunsCLI.run([option.command, "--database", path, "\(option.option)=\(value)"])
                #expect(output.status == 0, "\(option.option)=\(value): \(output.stderr)")
            }
        }
    }

    @Test func theHelpOfEveryOptionNamesItsRangeAndDefault() throws {
        let list = try RunsCLI.run(["list", "--help"]).stdout
        #expect(list.contains("--limit <limit>         How many runs per page (1…200; default 50)."))
        let sweep = try RunsCLI.run(["sweep", "--help"]).stdout
        #expect(sweep.contains("--older-than <seconds>  Close runs running for longer than this many seconds\n"
                               + "                          (0…315360000; default 180)."))
    }
}
