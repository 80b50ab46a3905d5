import PropertyTesting
import Testing
@testable import ContractSchema
@testable import ContractSchemaLoader

/// Random well-typed rules survive writing and parsing unchanged and type-check to the tree they were
/// built as; the reference evaluator never traps, whatever the expression and the values.
@Suite struct RulePropertyTests {
    /// A rule text the parser refused, with the text itself so a failure shows it.
    struct Unparsable: Error, CustomStringConvertible {
        var text: String
        var error: RuleSyntaxError
        var description: String { "cannot parse `\(text)`: \(error)" }
    }

    static func parse(_ text: String) throws -> RuleExpression {
        switch RuleParser.parse(text) {
        case .success(let expression): return expression
        case .failure(let error): throw Unparsable(text: text, error: error)
        }
    }

    @Test func wellTypedRulesParseBackToTheSameTreeWhateverTheSpacingAndParentheses() {
        Property.check(iterations: 400) { random in
            let rule = RandomRule(scope: RandomRule.scope(using: &random)).condition(depth: 4, using: &random)
            for text in [RandomRule.source(of: rule, using: &random), RuleRendering.render(rule)] {
                let parsed = try Self.parse(text)
                try #require(parsed.shape == rule.unresolved.shape, "\(text)")
            }
        }
    }

    @Test func wellTypedRulesTypeCheckWithoutProblemsToTheResolvedTree() {
        Property.check(iterations: 400) { random in
            let scope = RandomRule.scope(using: &random)
            let rule = RandomRule(scope: scope).condition(depth: 4, using: &random)
            let text = RandomRule.source(of: rule, using: &random)
            let (resolved, problems) = RuleTypeChecker.check(try Self.parse(text), in: scope)
            try #require(problems.isEmpty, "\(text): \(problems)")
            try #require(resolved.shape == rule.shape, "\(text)")
        }
    }

    @Test func theEvaluatorNeverTrapsOnAnyExpressionWithAnyValues() {
        Property.check(iterations: 2_000) { random in
            let expression = RandomRule.arbitrary(depth: 4, using: &random)
            var values: [String: RuleValue] = [:]
            for name in ["field_0", "field_1", "field_2", "missing", "red"] { values[name] = RandomRule.anyValue(using: &random) }
            _ = RuleEvaluator.evaluate(expression) { values[$0] ?? .null }
        }
    }

    @Test func negationImplicationAndNotInMeanWhatTheyAreDefinedAs() {
        Property.check(iterations: 500) { random in
            let scope = RandomRule.scope(using: &random)
            let rules = RandomRule(scope: scope)
            let a = rules.condition(depth: 2, using: &random), b = rules.condition(depth: 2, using: &random)
            var values: [String: RuleValue] = [:]
            for (name, operand) in scope.fields { values[name] = RandomRule.value(for: operand, using: &random) }
            func holds(_ kind: RuleExpression.Kind) -> Bool { RuleEvaluator.evaluate(.node(kind)) { values[$0] ?? .null } }
            let (x, y) = (holds(a.kind), holds(b.kind))
            try #require(holds(.not(a)) == !x)
            try #require(holds(.binary(.implies, a, b)) == (!x || y))
            try #require(holds(.binary(.and, a, b)) == (x && y) && holds(.binary(.or, a, b)) == (x || y))
            try #require(holds(.binary(.notEqual, a, b)) == !holds(.binary(.equal, a, b)))
            if case .membership(let subject, let items, let negated) = a.kind {
                try #require(holds(.membership(subject, items, negated: !negated)) == !x)
            }
        }
    }

    @Test func orderingIsAntisymmetricAndConsistentWithEqualityForEveryPairOfValues() {
        Property.check(iterations: 3_000) { random in
            let a = RandomRule.anyValue(using: &random), b = RandomRule.anyValue(using: &random)
            let forward = RuleEvaluator.compare(a, b), backward = RuleEvaluator.compare(b, a)
            try #require(forward == backward.map(\.reversed), "\(a) vs \(b)")
            if forward != nil {
                try #require((forward == .equal) == RuleEvaluator.equals(a, b), "\(a) vs \(b)")
            }
            try #require(RuleEvaluator.equals(a, b) == RuleEvaluator.equals(b, a), "\(a) vs \(b)")
        }
    }

    #if arch(x86_64) || arch(i386)
    /// Float80 holds every Int64 and every Double exactly, so it is an independent oracle for the exact
    /// int-against-double comparison.
    @Test func anIntAndADoubleCompareExactlyAsFloat80Does() {
        Property.check(iterations: 5_000) { random in
            let i = RandomRule.int(using: &random)
            let d = random.chance(0.5) ? Double(i) + random.pick([-1, 0, 0.5, 1, 1024, 2048]) : RandomRule.finiteDouble(using: &random)
            let exact: NumericOrder = Float80(i) < Float80(d) ? .less : (Float80(i) == Float80(d) ? .equal : .greater)
            try #require(NumericOrder(i, d) == exact, "\(i) vs \(d)")
            try #require(RuleEvaluator.compare(.int(i), .double(d)) == exact, "\(i) vs \(d)")
        }
    }
    #endif
}
