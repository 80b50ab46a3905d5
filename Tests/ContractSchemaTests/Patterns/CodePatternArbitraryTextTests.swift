import PropertyTesting
import Testing
@testable import ContractSchema
@testable import ContractSchemaLoader

/// Any text at all, as a pattern: compiling never traps, a refusal points inside the pattern, and an
/// accepted pattern matches any code within the step bound.
@Suite struct CodePatternArbitraryTextTests {
    static let alphabet: [Unicode.Scalar] = Array(#"()[]{}*+?|\^$.-,:=!<>'#&~PpkdDwWsSbBxuQE0123456789a"#.unicodeScalars)
        + [" ", "\n", "\r", "é", "\u{301}", "🇫", "🇷"]

    @Test func arbitraryTextNeverTrapsAndEveryRefusalPointsInsideThePattern() {
        Property.check(iterations: 3_000) { random in
            let text = String(String.UnicodeScalarView(random.list(0...24) { $0.pick(Self.alphabet) }))
            let length = text.unicodeScalars.count
            do {
                let pattern = try CodePattern(text)
                let code = String(String.UnicodeScalarView(random.list(0...16) { $0.pick(Self.alphabet) }))
                let (_, steps) = pattern.match(code, stepLimit: .max)
                try #require(steps <= (code.unicodeScalars.count + 2) * pattern.instructionCount, "\(text.debugDescription)")
            } catch let error as CodePatternError {
                try #require((0..<max(length, 1)).contains(error.offset), "\(text.debugDescription): \(error)")
            }
        }
    }
}
