import ContractRuntime
import PropertyTesting
import Testing
@testable import ContractSchema
@testable import ContractSchemaLoader

/// `CodePattern` agrees with Swift's `Regex.wholeMatch` on random patterns of the supported subset and
/// random short codes (only here, with inputs small enough for backtracking to stay cheap).
@Suite struct CodePatternDifferentialTests {
    /// A verdict that differs from Swift's, with everything needed to reproduce it.
    struct Disagreement: Error, CustomStringConvertible {
        var pattern: String
        var code: String
        var ours: Bool
        var swift: Bool
        var description: String {
            "pattern \(pattern.debugDescription), code \(code.debugDescription) "
                + "(scalars \(code.unicodeScalars.map { String($0.value, radix: 16) })): ours \(ours), Swift \(swift)"
        }
    }

    static func compile(_ source: String) throws -> CodePattern {
        do {
            return try CodePattern(source)
        } catch {
            throw Disagreement(pattern: source, code: "(refused: \(error))", ours: false, swift: true)
        }
    }

    /// Swift's `Regex` for `source`; a pattern it refuses is a failure too, since the subset is meant to
    /// be Swift syntax.
    static func swiftRegex(_ source: String) throws -> Regex<AnyRegexOutput> {
        do {
            return try Regex(source)
        } catch {
            throw Disagreement(pattern: source, code: "(Swift refuses the pattern: \(error))", ours: true, swift: false)
        }
    }

    static func check(_ pattern: CodePattern, against regex: Regex<AnyRegexOutput>, code: String) throws {
        let ours = pattern.matches(code)
        let swift = (try regex.wholeMatch(in: code)) != nil
        if ours != swift { throw Disagreement(pattern: pattern.source, code: code, ours: ours, swift: swift) }
        let (_, steps) = pattern.match(code, stepLimit: .max)
        try #require(steps <= (code.unicodeScalars.count + 2) * pattern.instructionCount, "\(pattern.source): \(steps) steps")
    }

    /// `code` without any scalar from U+0300 up that follows an ASCII digit or `_`. Before such a scalar
    /// Swift's `\w` in scalar mode misses the digit or `_` (its slow path tests only Alphabetic:
    /// `\w.` matches `_é` but not `_٣`); `CodePattern` keeps `\w` the same wherever it stands.
    static func avoidingSwiftWordClassQuirk(_ code: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in code.unicodeScalars {
            if scalar.value >= 0x300, let last = out.last, last == "_" || ("0"..."9").contains(last) { continue }
            out.append(scalar)
        }
        return String(out)
    }

    @Test func everyPatternOfTheSubsetMatchesTheCodesSwiftRegexMatchesScalarByScalar() throws {
        Property.check(iterations: 1_500) { random in
            let made = RandomPattern.make(depth: 3, using: &random)
            let source = made.source(using: &random)
            let pattern = try Self.compile(source)
            let regex = try Self.swiftRegex(source).matchingSemantics(.unicodeScalar)
            for _ in 0..<12 {
                var code = made.code(using: &random)
                if source.contains("\\w") || source.contains("\\W") { code = Self.avoidingSwiftWordClassQuirk(code) }
                try Self.check(pattern, against: regex, code: code)
            }
        }
    }

    @Test func onCodesOfOneScalarPerCharacterEveryPatternAgreesWithSwiftRegexDefaultMode() throws {
        // ASCII codes without `\r` (which joins a following `\n` into one Character): what the previous,
        // backtracking check accepted is exactly what this one accepts.
        Property.check(iterations: 800) { random in
            let made = RandomPattern.make(depth: 3, using: &random)
            let source = made.source(using: &random)
            let pattern = try Self.compile(source)
            let regex = try Self.swiftRegex(source)
            for _ in 0..<12 {
                let code = String(String.UnicodeScalarView(made.code(using: &random).unicodeScalars.filter { $0.isASCII && $0 != "\r" }))
                try Self.check(pattern, against: regex, code: code)
            }
        }
    }
}
