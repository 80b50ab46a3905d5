import Testing
@testable import ContractSchema
@testable import ContractSchemaLoader

private let taskStatus = RuleType.enumeration(name: "TaskStatus",
                                              values: ["pending", "running", "completed", "cancelled", "timed_out", "failed"])

private let taskStepResult = RuleScope(modelName: "TaskStepResult", fields: [
    ("step", RuleOperand(type: .string, isNullable: false)),
    ("completed", RuleOperand(type: .bool, isNullable: false)),
    ("status", RuleOperand(type: taskStatus, isNullable: false)),
    ("error_code", RuleOperand(type: .enumeration(name: "ErrorCode", values: ["E001", "E002", "E003"]), isNullable: true)),
    ("error_message", RuleOperand(type: .string, isNullable: true)),
])

/// Parses and resolves `text` against TaskStepResult, then evaluates it over `values`.
private func holds(_ text: String, _ values: [String: RuleValue]) throws -> Bool {
    let (resolved, problems) = RuleTypeChecker.check(try RuleParser.parse(text).get(), in: taskStepResult)
    #expect(problems == [])
    return RuleEvaluator.evaluate(resolved) { values[$0] ?? .null }
}

/// Evaluates `text` without type-checking; bare names read `values`.
private func evaluate(_ text: String, _ values: [String: RuleValue] = [:]) throws -> Bool {
    RuleEvaluator.evaluate(try RuleParser.parse(text).get()) { values[$0] ?? .null }
}

@Suite struct RuleEvaluatorTests {
    // MARK: Truth tables

    @Test(arguments: [(false, false), (false, true), (true, false), (true, true)])
    func andIsTrueOnlyWhenBothAre(a: Bool, b: Bool) throws {
        #expect(try evaluate("a and b", ["a": .bool(a), "b": .bool(b)]) == (a && b))
    }

    @Test(arguments: [(false, false), (false, true), (true, false), (true, true)])
    func orIsTrueWhenEitherIs(a: Bool, b: Bool) throws {
        #expect(try evaluate("a or b", ["a": .bool(a), "b": .bool(b)]) == (a || b))
    }

    @Test(arguments: [(false, false, true), (false, true, true), (true, false, false), (true, true, true)])
    func impliesIsFalseOnlyWhenThePremiseHoldsAndTheConclusionDoesNot(a: Bool, b: Bool, expected: Bool) throws {
        #expect(try evaluate("a implies b", ["a": .bool(a), "b": .bool(b)]) == expected)
    }

    @Test(arguments: [false, true])
    func notNegates(a: Bool) throws {
        #expect(try evaluate("not a", ["a": .bool(a)]) == !a)
    }

    @Test func andAndOrShortCircuitLeftToRight() {
        var reads: [String] = []
        let e = RuleExpression(.binary(.or, RuleExpression(.binary(.and, RuleExpression(.field("a"), span: 0..<1),
                                                                       RuleExpression(.field("b"), span: 0..<1)), span: 0..<1),
                                       RuleExpression(.field("c"), span: 0..<1)), span: 0..<1)
        let result = RuleEvaluator.evaluate(e) { name in
            reads.append(name)
            return .bool(name == "c")
        }
        #expect(result)
        #expect(reads == ["a", "c"])
    }

    // MARK: Equality

    @Test func nullEqualsNull() throws {
        #expect(try evaluate("x == null", ["x": .null]))
        #expect(try !evaluate("x != null", ["x": .null]))
    }

    @Test func aValueNeverEqualsNull() throws {
        #expect(try !evaluate("x == null", ["x": .int(0)]))
        #expect(try evaluate("x != null", ["x": .string("")]))
        #expect(try !evaluate("x == y", ["x": .int(1), "y": .null]))
    }

    @Test func presentJsonListMapOrModelValuesAreNotNull() throws {
        #expect(try evaluate("x != null", ["x": .other]))
        #expect(try !evaluate("x == null", ["x": .other]))
    }

    @Test func intsAndDoublesCompareByValue() throws {
        #expect(try evaluate("x == 1.0", ["x": .int(1)]))
        #expect(try !evaluate("x == 1.5", ["x": .int(1)]))
        #expect(try evaluate("x != 1", ["x": .double(1.25)]))
    }

    @Test func intsAndDoublesCompareExactlyBeyondTwoToThe53() throws {
        // 2^53 + 1 rounds to 2^53 as a double, but the numbers differ.
        let big: Int64 = 9_007_199_254_740_993
        #expect(try !evaluate("x == 9007199254740992.0", ["x": .int(big)]))
        #expect(try evaluate("x > 9007199254740992.0", ["x": .int(big)]))
        #expect(try evaluate("x < 1e19", ["x": .int(.max)]))
        #expect(try evaluate("x > -1e19", ["x": .int(.min)]))
        #expect(try evaluate("x == -9223372036854775808.0", ["x": .int(.min)]))
    }

    @Test func enumValuesCompareByWireValue() throws {
        #expect(try holds("status == running", ["status": .enumValue("running")]))
        #expect(try !holds("status == running", ["status": .enumValue("pending")]))
    }

    @Test func stringsCompareExactly() throws {
        #expect(try evaluate("x == 'a'", ["x": .string("a")]))
        #expect(try !evaluate("x == 'a'", ["x": .string("A")]))
    }

    @Test func valuesOfDifferentKindsAreUnequal() throws {
        #expect(try !evaluate("x == 'running'", ["x": .enumValue("running")]))
        #expect(try !evaluate("x == 1", ["x": .bool(true)]))
    }

    // MARK: Ordering

    @Test func orderingComparesNumbers() throws {
        let values: [String: RuleValue] = ["i": .int(2), "d": .double(2.5)]
        #expect(try evaluate("i < d and i <= 2 and d > i and d >= 2.5", values))
        #expect(try !evaluate("i > d", values))
        #expect(try !evaluate("i < 2", values))
    }

    @Test func orderingComparesTimestamps() throws {
        let values: [String: RuleValue] = ["a": .timestamp(100), "b": .timestamp(200)]
        #expect(try evaluate("a < b and a <= a and b >= a", values))
        #expect(try !evaluate("a > b", values))
    }

    @Test(arguments: ["<", "<=", ">", ">="])
    func anOrderingWithANullOperandIsFalse(op: String) throws {
        #expect(try !evaluate("x \(op) 1", ["x": .null]))
        #expect(try !evaluate("1 \(op) x", ["x": .null]))
        #expect(try !evaluate("x \(op) y", ["x": .null, "y": .null]))
    }

    // MARK: Membership

    @Test func inIsTrueWhenTheValueEqualsAnItem() throws {
        #expect(try evaluate("x in [1, 2, 3]", ["x": .int(2)]))
        #expect(try !evaluate("x in [1, 2, 3]", ["x": .int(4)]))
        #expect(try evaluate("x in [1.5, 2]", ["x": .int(2)]))
    }

    @Test func notInIsTheNegationOfIn() throws {
        #expect(try !evaluate("x not in [1, 2]", ["x": .int(2)]))
        #expect(try evaluate("x not in [1, 2]", ["x": .int(4)]))
    }

    @Test func nullIsNeverInAList() throws {
        #expect(try !evaluate("x in ['a', 'b']", ["x": .null]))
        #expect(try evaluate("x not in ['a', 'b']", ["x": .null]))
    }

    // MARK: The TaskStepResult rules

    @Test(arguments: [
        (true, "completed", true), (false, "running", true), (true, "running", false), (false, "completed", false),
    ])
    func completedIffStatusCompleted(completed: Bool, status: String, valid: Bool) throws {
        #expect(try holds("completed == (status == completed)", ["completed": .bool(completed), "status": .enumValue(status)]) == valid)
    }

    @Test(arguments: [
        (RuleValue.null, RuleValue.null, true),
        (.enumValue("E003"), .string("boom"), true),
        (.enumValue("E003"), .null, false),
        (.null, .string("boom"), false),
    ])
    func errorCodeIffErrorMessage(code: RuleValue, message: RuleValue, valid: Bool) throws {
        #expect(try holds("(error_code == null) == (error_message == null)", ["error_code": code, "error_message": message]) == valid)
    }

    @Test(arguments: [
        ("failed", RuleValue.enumValue("E003"), true), ("failed", .null, false), ("timed_out", .null, false),
        ("cancelled", .null, false), ("completed", .null, true), ("running", .enumValue("E001"), true),
    ])
    func unsuccessfulHasErrorCode(status: String, code: RuleValue, valid: Bool) throws {
        #expect(try holds("status in [failed, timed_out, cancelled] implies error_code != null",
                          ["status": .enumValue(status), "error_code": code]) == valid)
    }
}
