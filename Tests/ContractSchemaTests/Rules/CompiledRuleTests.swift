@testable import ContractSchema
@testable import ContractSchemaLoader
import Testing

/// `RuleEvaluator.Compiled` (what `contractgen validate` runs per record) must agree with the reference
/// interpreter, `RuleEvaluator.evaluate`, on every expression and value.
@Suite struct CompiledRuleTests {
    static let expressions = [
        "a and b", "a or b", "a implies b", "not a", "a", "x == null", "x != null", "x == y", "x != y",
        "x < y", "x <= y", "x > y", "x >= y", "x in [1, 2.5, null]", "x not in [1, \"s\", true]",
        "x == 1.0", "(a and not b) or x < 3", "a == (x == y)", "z == null", "not (x in [y, 3])",
    ]
    static let names = ["a", "b", "x", "y"]
    static let values: [RuleValue] = [
        .null, .bool(true), .bool(false), .int(1), .int(3), .int(.max), .double(1.0), .double(2.5),
        .double(.nan), .double(9_223_372_036_854_775_807.0), .string("s"), .enumValue("s"), .other, .timestamp(1),
    ]

    @Test func compiledRulesAgreeWithTheReferenceInterpreterOnEveryValue() throws {
        var state: UInt64 = 0x5EED
        func next() -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int(truncatingIfNeeded: (z ^ (z >> 31)) >> 1)
        }
        for text in Self.expressions {
            let expression = try RuleParser.parse(text).get()
            // `z` is not a field: both read it as null.
            let compiled = RuleEvaluator.Compiled(expression) { Self.names.firstIndex(of: $0) }
            for _ in 0..<1_500 {
                let assignment = Self.names.map { _ in Self.values[next() % Self.values.count] }
                let reference = RuleEvaluator.evaluate(expression) { name in
                    Self.names.firstIndex(of: name).map { assignment[$0] } ?? .null
                }
                let fast = assignment.withUnsafeBufferPointer { compiled.evaluate($0) }
                #expect(fast == reference, "\(text) with \(assignment)")
            }
        }
    }
}
