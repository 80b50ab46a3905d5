@testable import ContractCodegen
import Testing

/// Long generated lines break only where Swift allows, outside string literals, and mean the same.
@Suite struct SwiftLineWrapperTests {
    let wrapper = SwiftLineWrapper(width: 40)

    /// The lines joined back with single spaces (a continuation's indentation is only layout).
    func joined(_ lines: [String]) -> String {
        lines.map { $0.drop { $0 == " " } }.joined(separator: " ")
            .replacingOccurrences(of: "( ", with: "(").replacingOccurrences(of: "[ ", with: "[")
    }

    @Test func aLineThatFitsIsLeftAlone() {
        #expect(wrapper.wrap("let a = f(x, y)", indentation: 4) == ["let a = f(x, y)"])
    }

    @Test func argumentsAreAlignedAfterTheOutermostBracketWithSeveral() {
        let line = "self.value = try read(alpha(1, 2), beta: gamma, delta: epsilon, zeta: eta)"
        let lines = SwiftLineWrapper(width: 60).wrap(line, indentation: 0)
        #expect(lines == ["self.value = try read(alpha(1, 2), beta: gamma,",
                          "                      delta: epsilon, zeta: eta)"])
        #expect(joined(lines) == line)
    }

    @Test func argumentsGoOneLevelDeeperWhenTheBracketIsFarRight() {
        let line = "self.value = try read(alpha(1, 2), beta: gamma, delta: epsilon)"
        #expect(wrapper.wrap(line, indentation: 0) == ["self.value = try read(alpha(1, 2),",
                                                       "        beta: gamma, delta: epsilon)"])
    }

    @Test func aConditionBreaksBeforeEachTopLevelLogicalOperator() {
        let line = "if first.isEmpty && second(a, b) || third.isEmpty {"
        let lines = wrapper.wrap(line, indentation: 0)
        #expect(lines == ["if first.isEmpty", "    && second(a, b)", "    || third.isEmpty {"])
        #expect(joined(lines) == line)
    }

    @Test func commasBracketsAndOperatorsInsideStringLiteralsAreNotBreaks() {
        let line = #"call("a, b && c || (d, [e", "f\", g", x)"#
        let lines = SwiftLineWrapper(width: 30).wrap(line, indentation: 0)
        #expect(lines == [#"call("a, b && c || (d, [e","#, #"     "f\", g", x)"#])
        #expect(joined(lines) == line)
    }

    @Test func commasInsideAClosureAreNotBreaks() {
        let line = "let pairs = values.map { ($0, $1) }.filter { $0.0 != $0.1 }"
        #expect(wrapper.wrap(line, indentation: 0) == [line])
    }

    @Test func commentsAreNotTouched() {
        let line = "// a comment, with commas, that is much longer than forty columns"
        #expect(wrapper.wrap(line, indentation: 0) == [line])
    }

    @Test func aLineWithNoBreakStaysWholeAndNeverLosesCharacters() {
        let line = "let x = averyveryveryveryveryverylongidentifier.another"
        #expect(wrapper.wrap(line, indentation: 8) == [line])
        for width in [10, 20, 40, 80] {
            let text = "if a(b, c(d, e), [f, g]) && h(\"i, j\") || k {"
            let lines = SwiftLineWrapper(width: width).wrap(text, indentation: 4)
            #expect(joined(lines) == text, "width \(width): \(lines)")
        }
    }
}
