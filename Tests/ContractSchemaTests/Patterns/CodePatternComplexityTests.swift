import Foundation
import Testing
@testable import ContractSchema
@testable import ContractSchemaLoader

/// Patterns that make a backtracking matcher take exponential (or high polynomial) time finish in
/// linear time here: the step count is at most (scalars + 2) × program size, whatever the pattern.
@Suite struct CodePatternComplexityTests {
    /// A pathological pattern and a long code it does not match (the worst case for backtracking).
    struct Case: Sendable, CustomTestStringConvertible {
        var pattern: String
        var code: String
        var testDescription: String { "\(pattern) on \(code.unicodeScalars.count) scalars" }
    }

    static let letters = String(repeating: "a", count: 10_000)

    static let pathological: [Case] = [
        Case(pattern: "(a+)+$", code: letters + "!"),
        Case(pattern: "(a|a)*$", code: letters + "!"),
        Case(pattern: "(a*)*b", code: letters),
        Case(pattern: "(a|aa)+$", code: letters + "!"),
        Case(pattern: "((a+)+)+", code: letters + "!"),
        Case(pattern: "(.*a){20}", code: letters.replacingOccurrences(of: "a", with: "b") + "a"),
        Case(pattern: #"(\w+\s?)+$"#, code: String(repeating: "word ", count: 2_000) + "!"),
        Case(pattern: "((a{1,10}){1,10}){1,10}", code: letters + "!"),
        Case(pattern: "(a?){30}a{30}", code: String(repeating: "a", count: 29)),
        Case(pattern: "(x+x+)+y", code: String(repeating: "x", count: 10_000)),
        Case(pattern: "(.*){1,32}[bc]", code: letters),
        Case(pattern: "^(([a-z])+.)+[A-Z]([a-z])+$", code: letters + "!"),
    ]

    @Test(arguments: pathological)
    func aPathologicalPatternTakesAtMostLengthTimesProgramSizeSteps(_ c: Case) throws {
        let pattern = try CodePattern(c.pattern)
        let (verdict, steps) = pattern.match(c.code, stepLimit: .max)
        #expect(verdict == .noMatch)
        #expect(steps <= (c.code.unicodeScalars.count + 2) * pattern.instructionCount)
    }

    @Test(arguments: pathological)
    func aPathologicalPatternAnswersWellUnderTwoSecondsOnAThousandScalarCode(_ c: Case) throws {
        // A guard only: the step bound above is the proof. A thousand scalars keep it meaningful on a busy
        // machine, and are already far beyond what backtracking finishes (it doubles per scalar on `(a+)+$`).
        let code = c.code.unicodeScalars.count > 1_000 ? String(c.code.prefix(999)) + String(c.code.last!) : c.code
        let started = ContinuousClock.now
        #expect(try !CodePattern(c.pattern).matches(code))
        #expect(ContinuousClock.now - started < .seconds(2))
    }

    @Test func stepsGrowLinearlyWithTheCodesLength() throws {
        let pattern = try CodePattern("(a+)+$")
        let (_, short) = pattern.match(String(repeating: "a", count: 1_000) + "!", stepLimit: .max)
        let (_, long) = pattern.match(String(repeating: "a", count: 10_000) + "!", stepLimit: .max)
        #expect(long <= 11 * short)
        #expect(long >= 9 * short)
    }

    @Test func matchingStopsOnceItPassesTheStepLimit() throws {
        let pattern = try CodePattern(".*(a?){50}b")
        let code = String(repeating: "a", count: 100_000)
        let (verdict, steps) = pattern.match(code, stepLimit: 10_000)
        #expect(verdict == .stepLimitReached)
        #expect(steps <= 10_000 + pattern.instructionCount)
    }

    @Test func aMatchThatFitsTheStepLimitIsNotCutShort() throws {
        let pattern = try CodePattern("E[0-9]{3}")
        let (_, needed) = pattern.match("E001", stepLimit: .max)
        #expect(pattern.match("E001", stepLimit: needed).verdict == .match)
        #expect(pattern.match("E0x1", stepLimit: needed).verdict == .noMatch)
    }

    @Test func matchingGivesUpAsSoonAsNoStateIsLeft() throws {
        let pattern = try CodePattern("E[0-9]{3}")
        let (verdict, steps) = pattern.match("X" + String(repeating: "0", count: 100_000), stepLimit: .max)
        #expect(verdict == .noMatch)
        #expect(steps <= 3 * pattern.instructionCount)
    }
}

/// Compiling is linear in the pattern too: a class repeated by a count is prepared once.
@Suite struct CodePatternCompileCostTests {
    @Test func aLongClassRepeatedAThousandTimesCompilesToOneSharedSet() throws {
        let members = (0..<300).map { String(Character(Unicode.Scalar(0x4E00 + $0 * 2)!)) }.joined()
        let pattern = try CodePattern("[" + members + "]{1000}")
        #expect(pattern.instructionCount == 1_001)
        #expect(pattern.program.sets.count == 1)
        #expect(pattern.matches(String(repeating: "\u{4E00}", count: 1_000)))
    }
}
