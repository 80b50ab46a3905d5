import Foundation
import Testing
@testable import ContractSchema
@testable import ContractSchemaLoader

/// Indentation mistakes on the bundled schemas: each gives one finding naming the cause, never a cascade.
@Suite struct IndentationMistakeTests {
    /// `text` with line `number` (1-based) moved `by` columns (negative: to the left, removing spaces).
    static func shifting(line number: Int, by columns: Int, in text: String) -> String? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let line = lines[number - 1]
        let indentation = line.prefix { $0 == " " }.count
        guard !line.trimmingCharacters(in: .whitespaces).isEmpty, !line.hasPrefix("#") else { return nil }
        if columns < 0 {
            guard indentation >= -columns else { return nil }
            lines[number - 1] = String(line.dropFirst(-columns))
        } else {
            lines[number - 1] = String(repeating: " ", count: columns) + line
        }
        return lines.joined(separator: "\n")
    }

    /// `text` with the block that starts at line `number` (the line and those below it indented more) moved.
    static func shifting(blockAt number: Int, by columns: Int, in text: String) -> String? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let indentation: (String) -> Int = { $0.prefix { $0 == " " }.count }
        let owner = indentation(lines[number - 1])
        var end = number
        while end < lines.count, lines[end].trimmingCharacters(in: .whitespaces).isEmpty || indentation(lines[end]) > owner {
            end += 1
        }
        guard end > number else { return nil }
        var result = text
        for line in (number...end).reversed() where !lines[line - 1].trimmingCharacters(in: .whitespaces).isEmpty {
            guard let shifted = shifting(line: line, by: columns, in: result) else { return nil }
            result = shifted
        }
        return result
    }

    @Test(arguments: SeedContractTests.seeds)
    func movingAnyBlockOfASeedSchemaGivesAtMostOneError(name: String) throws {
        let path = Fixtures.packageRoot.appendingPathComponent("schema/\(name).yaml").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let count = text.split(separator: "\n", omittingEmptySubsequences: false).count
        var failures: [String] = []
        for line in 1...count {
            for columns in [-2, 2] {
                guard let shifted = Self.shifting(blockAt: line, by: columns, in: text) else { continue }
                let diagnostics = SchemaLoader().load(text: shifted, file: "\(name).yaml").diagnostics
                if diagnostics.count > 1 {
                    failures.append("block at line \(line) by \(columns):\n" + DiagnosticRenderer.render(diagnostics))
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.count) shifts gave more than one finding:\n\(failures.joined(separator: "\n"))")
    }

    @Test(arguments: SeedContractTests.seeds)
    func movingAnyOneLineOfASeedSchemaGivesAtMostOneError(name: String) throws {
        let path = Fixtures.packageRoot.appendingPathComponent("schema/\(name).yaml").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let count = text.split(separator: "\n", omittingEmptySubsequences: false).count
        var failures: [String] = []
        for line in 1...count {
            for columns in [-2, -1, 1, 2] {
                guard let shifted = Self.shifting(line: line, by: columns, in: text) else { continue }
                let diagnostics = SchemaLoader().load(text: shifted, file: "\(name).yaml").diagnostics
                if diagnostics.count > 1 {
                    failures.append("line \(line) by \(columns):\n" + DiagnosticRenderer.render(diagnostics))
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.count) shifts gave more than one finding:\n\(failures.joined(separator: "\n"))")
    }

    /// A lifecycle with `count` states followed by `count` states written at the lifecycle's own indentation.
    private static func outdentedStates(_ count: Int) -> String {
        "contract: P\nversion: 1.0.0\nlifecycles:\n  S:\n    initial: s0\n    states:\n"
            + (0..<count).map { "      s\($0): {doc: x}\n" }.joined()
            + (0..<count).map { "    t\($0): {doc: y}\n" }.joined()
    }

    /// Seconds to load `text`: the fastest of two runs, so that other tests running meanwhile count less.
    private static func secondsToLoad(_ text: String) -> Double {
        (0..<2).map { _ in
            let start = ContinuousClock.now
            _ = SchemaLoader().load(text: text, file: "t.yaml")
            let elapsed = ContinuousClock.now - start
            return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        }.min() ?? 0
    }

    /// A state with `count` keys it does not take, each with no value, after one it does.
    private static func unknownKeysInAState(_ count: Int) -> String {
        "contract: P\nversion: 1.0.0\nlifecycles:\n  S:\n    initial: a\n    states:\n      a:\n        doc: x\n"
            + (0..<count).map { "        k\($0):\n" }.joined()
    }

    // Four times the entries: about four times the time when linear, sixteen when quadratic.
    @Test func aLongRunOfOutDentedEntriesIsRecoveredInLinearTime() {
        let small = Self.secondsToLoad(Self.outdentedStates(2_000))
        let large = Self.secondsToLoad(Self.outdentedStates(8_000))
        #expect(large < small * 9, "2,000 entries: \(small) s, 8,000 entries: \(large) s")
    }

    @Test func aLongRunOfUnknownKeysWithoutValuesIsReadInLinearTime() {
        let small = Self.secondsToLoad(Self.unknownKeysInAState(2_000))
        let large = Self.secondsToLoad(Self.unknownKeysInAState(8_000))
        #expect(large < small * 9, "2,000 keys: \(small) s, 8,000 keys: \(large) s")
    }

    @Test func everyOutDentedEntryOfALongRunIsMovedAndReportedOnce() {
        let result = SchemaLoader().load(text: Self.outdentedStates(500), file: "t.yaml")
        let moved = result.diagnostics.filter { $0.message.contains("is it indented too little?") }
        #expect(moved.map(\.message) == ["`t0` is not a key of lifecycle `S`; is it indented too little? Among the states of "
            + "lifecycle `S` it would line up with `s499` at line 506"])
        #expect(result.contract?.lifecycles.first?.states.count == 1_000)
    }
}
