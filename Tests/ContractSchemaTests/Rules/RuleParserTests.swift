import Testing
@testable import ContractSchema
@testable import ContractSchemaLoader

/// The parsed tree as an S-expression without spans, so precedence is visible at a glance.
private func tree(_ text: String) -> String {
    switch RuleParser.parse(text) {
    case .success(let e): return sexpr(e)
    case .failure(let error): return "error: \(error)"
    }
}

private func sexpr(_ e: RuleExpression) -> String {
    switch e.kind {
    case .name(let n): return n
    case .field(let n): return "field:\(n)"
    case .enumValue(let t, let v): return "\(t).\(v)"
    case .null: return "null"
    case .bool(let b): return String(b)
    case .int(let i): return "int:\(i)"
    case .double(let d): return "double:\(d)"
    case .string(let s): return "str:\(s)"
    case .not(let x): return "(not \(sexpr(x)))"
    case .binary(let op, let l, let r): return "(\(op.rawValue) \(sexpr(l)) \(sexpr(r)))"
    case .membership(let x, let items, let negated):
        return "(\(negated ? "not-in" : "in") \(sexpr(x)) [\(items.map(sexpr).joined(separator: " "))])"
    }
}

private func syntaxError(_ text: String, maxLength: Int = 4096, maxDepth: Int = 64) -> RuleSyntaxError? {
    if case .failure(let error) = RuleParser.parse(text, maxLength: maxLength, maxDepth: maxDepth) { return error }
    return nil
}

@Suite struct RuleParserTests {
    // MARK: Operands

    @Test func anIdentifierParsesAsAnUnresolvedName() {
        #expect(tree("error_code") == "error_code")
        #expect(tree("_x9") == "_x9")
    }

    @Test func keywordsParseAsLiterals() {
        #expect(tree("null") == "null")
        #expect(tree("true") == "true")
        #expect(tree("false") == "false")
    }

    @Test func integersMayBeNegativeAndSpanTheFullInt64Range() {
        #expect(tree("42") == "int:42")
        #expect(tree("-7") == "int:-7")
        #expect(tree("9223372036854775807") == "int:9223372036854775807")
        #expect(tree("-9223372036854775808") == "int:-9223372036854775808")
    }

    @Test func doublesUseAFractionOrAnExponent() {
        #expect(tree("1.5") == "double:1.5")
        #expect(tree("-0.25") == "double:-0.25")
        #expect(tree("1e3") == "double:1000.0")
        #expect(tree("2.5E-1") == "double:0.25")
    }

    @Test func stringsUseEitherQuoteAndThreeEscapes() {
        #expect(tree("'it\\'s'") == "str:it's")
        #expect(tree("\"say \\\"hi\\\"\"") == "str:say \"hi\"")
        #expect(tree("'a\\\\b'") == "str:a\\b")
        #expect(tree("'double \" inside single'") == "str:double \" inside single")
    }

    @Test func aNegativeNumberCanFollowAComparisonWithoutSpace() {
        #expect(tree("x==-1") == "(== x int:-1)")
    }

    // MARK: Precedence

    @Test func andBindsTighterThanOr() {
        #expect(tree("a or b and c") == "(or a (and b c))")
        #expect(tree("a and b or c") == "(or (and a b) c)")
    }

    @Test func orBindsTighterThanImplies() {
        #expect(tree("a or b implies c or d") == "(implies (or a b) (or c d))")
    }

    @Test func impliesIsRightAssociative() {
        #expect(tree("a implies b implies c") == "(implies a (implies b c))")
    }

    @Test func andAndOrAreLeftAssociative() {
        #expect(tree("a and b and c") == "(and (and a b) c)")
        #expect(tree("a or b or c") == "(or (or a b) c)")
    }

    @Test func notBindsLooserThanComparisonsAndTighterThanAnd() {
        #expect(tree("not a == b") == "(not (== a b))")
        #expect(tree("not a and b") == "(and (not a) b)")
        #expect(tree("not not a") == "(not (not a))")
        #expect(tree("not x in [a]") == "(not (in x [a]))")
    }

    @Test func comparisonsBindTighterThanAnd() {
        #expect(tree("a == b and c != d") == "(and (== a b) (!= c d))")
        #expect(tree("a < 1 or b >= 2.5") == "(or (< a int:1) (>= b double:2.5))")
        #expect(tree("a <= b") == "(<= a b)")
        #expect(tree("a > b") == "(> a b)")
    }

    @Test func parenthesesOverridePrecedence() {
        #expect(tree("(a or b) and c") == "(and (or a b) c)")
        #expect(tree("completed == (status == completed)") == "(== completed (== status completed))")
    }

    @Test func theThreeTaskStepResultRulesParse() {
        #expect(tree("completed == (status == completed)") == "(== completed (== status completed))")
        #expect(tree("(error_code == null) == (error_message == null)") == "(== (== error_code null) (== error_message null))")
        #expect(tree("status in [failed, timed_out, cancelled] implies error_code != null")
            == "(implies (in status [failed timed_out cancelled]) (!= error_code null))")
    }

    @Test func membershipAcceptsLiteralsNamesAndATrailingComma() {
        #expect(tree("x in ['a', 1, -2.5, true, null, v,]") == "(in x [str:a int:1 double:-2.5 true null v])")
        #expect(tree("x not in [a]") == "(not-in x [a])")
        #expect(tree("x in []") == "(in x [])")
    }

    // MARK: Spans

    @Test func spansCountUnicodeScalarsAndIncludeParentheses() throws {
        let e = try RuleParser.parse("'é🙂' == (x)").get()
        #expect(e.span == 0..<11)
        guard case .binary(_, let l, let r) = e.kind else { Issue.record("not binary"); return }
        #expect(l.span == 0..<4)
        #expect(r.span == 8..<11)
    }

    @Test func membershipSpansFromTheSubjectToTheClosingBracket() throws {
        let e = try RuleParser.parse("  s not in [a, b] ").get()
        #expect(e.span == 2..<17)
        guard case .membership(_, let items, _) = e.kind else { Issue.record("not membership"); return }
        #expect(items.map(\.span) == [12..<13, 15..<16])
    }

    // MARK: Errors

    @Test func emptyTextIsAnError() {
        #expect(syntaxError("") == RuleSyntaxError(span: 0..<0, message: "the rule is empty"))
        #expect(syntaxError("  \n ") == RuleSyntaxError(span: 0..<4, message: "the rule is empty"))
    }

    @Test func aMissingOperandAtTheEndPointsAtTheOperator() {
        #expect(syntaxError("a and") == RuleSyntaxError(span: 2..<5, message: "expected an expression after `and`"))
        #expect(syntaxError("a ==") == RuleSyntaxError(span: 2..<4, message: "expected an expression after `==`"))
        #expect(syntaxError("not") == RuleSyntaxError(span: 0..<3, message: "expected an expression after `not`"))
    }

    @Test func aMissingOperandBeforeAnotherTokenPointsAtThatToken() {
        #expect(syntaxError("a or )") == RuleSyntaxError(span: 5..<6, message: "expected an expression after `or`"))
        #expect(syntaxError("a implies and b") == RuleSyntaxError(span: 10..<13, message: "expected an expression after `implies`"))
        #expect(syntaxError("()") == RuleSyntaxError(span: 1..<2, message: "expected an expression after `(`"))
    }

    @Test func anOperatorAtTheStartIsMissingItsLeftOperand() {
        #expect(syntaxError("and b") == RuleSyntaxError(span: 0..<3, message: "expected an expression before `and`"))
        #expect(syntaxError("== b") == RuleSyntaxError(span: 0..<2, message: "expected an expression before `==`"))
    }

    @Test func aStrayClosingParenthesisIsUnexpected() {
        #expect(syntaxError(")") == RuleSyntaxError(span: 0..<1, message: "unexpected `)`"))
        #expect(syntaxError("a == b)") == RuleSyntaxError(span: 6..<7, message: "unexpected `)`; no `(` is open"))
    }

    @Test func textAfterACompleteExpressionIsAnError() {
        #expect(syntaxError("a b") == RuleSyntaxError(span: 2..<3, message: "unexpected text after the end of the expression"))
        #expect(syntaxError("a == 1 2") == RuleSyntaxError(span: 7..<8, message: "unexpected text after the end of the expression"))
    }

    @Test func aCallIsRejectedWithAReason() {
        #expect(syntaxError("len(tags) > 0") == RuleSyntaxError(span: 3..<4, message: "unexpected `(`; rules have no function calls"))
    }

    @Test func anUnclosedParenthesisPointsAtTheOpeningOne() {
        #expect(syntaxError("x and (a or b") == RuleSyntaxError(span: 6..<7, message: "expected `)` to close the parenthesis opened here"))
    }

    @Test func aStrayTokenInsideParenthesesIsNamed() {
        #expect(syntaxError("(a b)") == RuleSyntaxError(span: 3..<4, message: "expected `)`, found `b`"))
    }

    @Test func comparisonsCannotBeChained() {
        let message = "comparisons cannot be chained; add parentheses"
        #expect(syntaxError("a == b == c") == RuleSyntaxError(span: 7..<9, message: message))
        #expect(syntaxError("0 < x < 10") == RuleSyntaxError(span: 6..<7, message: message))
        #expect(syntaxError("x in [a] == b") == RuleSyntaxError(span: 9..<11, message: message))
        #expect(syntaxError("a == b in [c]") == RuleSyntaxError(span: 7..<9, message: message))
        #expect(syntaxError("a == b not in [c]") == RuleSyntaxError(span: 7..<10, message: message))
    }

    @Test func anUnterminatedStringSpansToTheEnd() {
        #expect(syntaxError("s == 'abc") == RuleSyntaxError(span: 5..<9, message: "unterminated string literal"))
        #expect(syntaxError("s == \"ab\\\"") == RuleSyntaxError(span: 5..<10, message: "unterminated string literal"))
        #expect(syntaxError("s == 'ab\\") == RuleSyntaxError(span: 5..<9, message: "unterminated string literal"))
    }

    @Test func anUnknownEscapeIsAnError() {
        #expect(syntaxError("s == 'a\\nb'") == RuleSyntaxError(
            span: 7..<9, message: "unknown escape `\\n` in a string literal; only `\\\\`, `\\'` and `\\\"` are allowed"))
    }

    @Test func operatorsFromOtherLanguagesGetTheRightSpelling() {
        #expect(syntaxError("a && b") == RuleSyntaxError(span: 2..<4, message: "use `and` instead of `&&`"))
        #expect(syntaxError("a || b") == RuleSyntaxError(span: 2..<4, message: "use `or` instead of `||`"))
        #expect(syntaxError("!a") == RuleSyntaxError(span: 0..<1, message: "use `not` instead of `!`"))
        #expect(syntaxError("a = b") == RuleSyntaxError(span: 2..<3, message: "use `==` instead of `=`"))
        #expect(syntaxError("a => b") == RuleSyntaxError(span: 2..<4, message: "use `implies` instead of `=>`"))
        #expect(syntaxError("a -> b") == RuleSyntaxError(span: 2..<4, message: "use `implies` instead of `->`"))
        #expect(syntaxError("a <> b") == RuleSyntaxError(span: 2..<4, message: "use `!=` instead of `<>`"))
        #expect(syntaxError("a === b") == RuleSyntaxError(span: 2..<5, message: "use `==` instead of `===`"))
    }

    @Test func anUnclosedListPointsAtItsOpeningBracket() {
        #expect(syntaxError("x in [a, b") == RuleSyntaxError(span: 5..<6, message: "expected `]` to close the list started here"))
        #expect(syntaxError("x in [a,") == RuleSyntaxError(span: 5..<6, message: "expected `]` to close the list started here"))
    }

    @Test func listItemsMustBeSeparatedByCommas() {
        #expect(syntaxError("x in [a b]") == RuleSyntaxError(span: 8..<9, message: "expected `,` or `]` after a list item, found `b`"))
    }

    @Test func listItemsMustBeValues() {
        #expect(syntaxError("x in [(a)]") == RuleSyntaxError(
            span: 6..<7, message: "expected a value after `[`, found `(`; list items are literals or enum values"))
        #expect(syntaxError("x in [a,,b]") == RuleSyntaxError(
            span: 8..<9, message: "expected a value after `,`, found `,`; list items are literals or enum values"))
    }

    @Test func inMustBeFollowedByAList() {
        #expect(syntaxError("x in (a, b)") == RuleSyntaxError(span: 5..<6, message: "expected `[` after `in`, as in `x in [a, b]`"))
        #expect(syntaxError("x in") == RuleSyntaxError(span: 2..<4, message: "expected `[` after `in`, as in `x in [a, b]`"))
    }

    @Test func notAfterAnOperandMustStartNotIn() {
        #expect(syntaxError("x not [a]") == RuleSyntaxError(span: 2..<5, message: "expected `in` after `not`"))
    }

    @Test func notAfterAComparisonNeedsParentheses() {
        #expect(syntaxError("a == not b") == RuleSyntaxError(span: 5..<8, message: "`not` binds looser than comparisons; write `(not ...)` here"))
        #expect(tree("a == (not b)") == "(== a (not b))")
    }

    @Test func aListOutsideMembershipIsAnError() {
        #expect(syntaxError("[a] == x") == RuleSyntaxError(span: 0..<1, message: "a list can only follow `in` or `not in`"))
    }

    @Test func integersThatOverflowInt64AreErrors() {
        #expect(syntaxError("x == 9223372036854775808") == RuleSyntaxError(
            span: 5..<24, message: "`9223372036854775808` does not fit in a 64-bit integer"))
    }

    @Test func doublesMustBeFinite() {
        #expect(syntaxError("x < 1e999") == RuleSyntaxError(span: 4..<9, message: "`1e999` is too large for a double"))
    }

    @Test func malformedNumbersAreErrors() {
        #expect(syntaxError("x == 12abc") == RuleSyntaxError(span: 5..<10, message: "`12abc` is not a valid number"))
        #expect(syntaxError("x == 1.") == RuleSyntaxError(span: 5..<7, message: "`1.` is not a valid number"))
        #expect(syntaxError("x == 1.2.3") == RuleSyntaxError(span: 5..<10, message: "`1.2.3` is not a valid number"))
        #expect(syntaxError("x == 1e+") == RuleSyntaxError(span: 5..<8, message: "`1e+` is not a valid number; the exponent needs digits"))
        #expect(syntaxError("x == 0x1F") == RuleSyntaxError(span: 5..<9, message: "`0x1F` is not a valid number"))
        #expect(syntaxError("x == .5") == RuleSyntaxError(span: 5..<7, message: "`.5` is not a valid number; write `0.5`"))
    }

    @Test func unexpectedCharactersAreNamed() {
        #expect(syntaxError("a @ b") == RuleSyntaxError(span: 2..<3, message: "unexpected character `@`"))
        #expect(syntaxError("a.b") == RuleSyntaxError(span: 1..<2, message: "unexpected `.`; a rule can only name fields of its own model"))
        #expect(syntaxError("x - 1") == RuleSyntaxError(
            span: 2..<3, message: "unexpected `-`; rules have no arithmetic, and `-` may only start a negative number"))
        #expect(syntaxError("s == \u{201C}a\u{201D}") == RuleSyntaxError(span: 5..<6, message: "unexpected `\u{201C}`; quote strings with ' or \""))
    }

    @Test func theFirstErrorInTextOrderIsReported() {
        // The `)` is wrong before the lexer ever reaches `&&`.
        #expect(syntaxError("(a and ) && b") == RuleSyntaxError(span: 7..<8, message: "expected an expression after `and`"))
    }

    // MARK: Limits

    @Test func textLongerThanTheLimitIsAnError() {
        let text = String(repeating: "a", count: 4097)
        #expect(syntaxError(text) == RuleSyntaxError(span: 4096..<4097, message: "the rule is 4097 characters long; the limit is 4096"))
        #expect(syntaxError(String(repeating: "a", count: 4096)) == nil)
    }

    @Test func tenThousandNestedParenthesesAreAnErrorNotACrash() {
        let text = String(repeating: "(", count: 10_000) + "a" + String(repeating: ")", count: 10_000)
        let error = RuleParser.parse(text, maxLength: 100_000)
        #expect(error == .failure(RuleSyntaxError(span: 64..<65, message: "the rule nests more than 64 levels deep; split it into smaller rules")))
    }

    @Test func nestingExactlyAtTheLimitIsAccepted() {
        let depth = 64
        let text = String(repeating: "(", count: depth) + "a" + String(repeating: ")", count: depth)
        #expect(tree(text) == "a")
    }

    @Test func tenThousandNotsAreAnErrorNotACrash() {
        let text = String(repeating: "not ", count: 10_000) + "a"
        #expect(syntaxError(text, maxLength: 100_000)?.message == "the rule nests more than 64 levels deep; split it into smaller rules")
    }

    @Test func longOperatorChainsCountTowardTheDepthLimit() {
        // Each `and` is a node of the tree, and later passes recurse over the tree.
        let text = (0...64).map { "a\($0)" }.joined(separator: " and ")
        #expect(syntaxError(text)?.message == "the rule nests more than 64 levels deep; split it into smaller rules")
        let shorter = (0..<64).map { "a\($0)" }.joined(separator: " and ")
        #expect(syntaxError(shorter) == nil)
    }

    @Test func aLongImpliesChainIsParsedWithoutRecursion() {
        let text = (0...5_000).map { "a\($0)" }.joined(separator: " implies ")
        #expect(syntaxError(text, maxLength: 100_000)?.message == "the rule nests more than 64 levels deep; split it into smaller rules")
    }

    @Test func renderingKeepsTheParenthesesAroundAComparisonComparedAgain() throws {
        for text in ["(a == b) == c", "(x in [1, 2]) != flag", "a == (b == c)", "(a < b) == (c >= d)"] {
            let rendered = RuleRendering.render(try RuleParser.parse(text).get())
            #expect(rendered == text)
        }
    }
}
