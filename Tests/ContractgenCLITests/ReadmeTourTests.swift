import Foundation
import TestSupport
import Testing

/// The README's quick tour of contractgen runs as written, from the repository root, in order: each
/// line exits 0, or the status its comment names (`# exit 1: …`).
@Suite struct ReadmeTourTests {
    /// The tour's command lines: arguments after `contractgen`, and the exit status expected.
    static func tour() throws -> [(arguments: [String], status: Int32)] {
        let readme = try String(contentsOf: CLIRunner.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let blocks = readme.components(separatedBy: "```sh\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
        let block = try #require(blocks.first { $0.contains("contractgen lint schema/execution.yaml") })
        return block.split(separator: "\n").map { line in
            let parts = line.components(separatedBy: " #")
            let comment = parts.dropFirst().joined(separator: " #").trimmingCharacters(in: .whitespaces)
            let status: Int32 = comment.hasPrefix("exit ") ? Int32(comment.dropFirst(5).prefix { $0.isNumber }) ?? -1 : 0
            return (parts[0].split(separator: " ").map(String.init), status)
        }
    }

    @Test func everyLineOfTheTourRunsAsWritten() throws {
        defer { try? FileManager.default.removeItem(atPath: "/tmp/contracts-tour") }
        let tour = try Self.tour()
        #expect(tour.count >= 6)
        for (arguments, status) in tour {
            #expect(arguments.first == "contractgen")
            let out = try CLIRunner.run(Array(arguments.dropFirst()))
            #expect(out.status == status, "\(arguments.joined(separator: " ")): \(out.stderr)")
        }
    }
}
