@testable import ContractSchema
@testable import ContractSchemaLoader
import ContractRuntime
import Testing

/// `RuleEvaluator.Compiled` (what `contractgen validate` runs per record) must agree with the reference
/// interpreter, `RuleEvaluator.evaluate`, on every expression and value.
@Suite struct CompiledRuleTests {
    static let expressions = [
        "a and b", "a or b", "a implies b", "not a", "a", "x == null", "x != null", "x == y", "x != y",
        "x < y", "x <= y", "x > y", "x >= y", "x in [1, 2.5, null]", "x not in [1, \"s\", true]",
        "x == 1.0", "(a and not b) or x < 3", "a == (x == y)", "z == null", "not (x in [y, 3])",
        // The shapes compiled to steps of their own, each operand order.
        "null == x", "null != x", "x == \"s\"", "\"s\" != x", "(x == null) == (y == null)",
        "(x == null) != (a and b)", "x in [1, \"s\", null, z]", "x not in [true]", "3 in [x, y]", "x in []",
        "a == true", "true == a", "(x in [1]) == (not b)", "(x == y) == (x != y)", "a == b",
        "(x == y) == a", "x != (a and b)", "(not a) != y", "z == (a or b)",
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
                // The program read out of it, as `contractgen validate` evaluates rules.
                let program = compiled.program
                #expect(assignment.withUnsafeBufferPointer { program.evaluate($0) } == reference, "\(text) with \(assignment)")
            }
        }
    }

    /// Random expressions over fields, a name that is not a field and constants of every kind, nested up to
    /// four deep, each evaluated on random values by both.
    @Test func compiledRulesAgreeWithTheReferenceInterpreterOnRandomExpressions() throws {
        var generator = SplitMix64(seed: 0x5EED_0301)
        let leaves = ["a", "b", "x", "y", "z", "null", "true", "false", "1", "3", "2.5", "\"s\""]
        var compared = 0
        for _ in 0..<2_000 {
            let text = Self.randomExpression(depth: 4, leaves: leaves, using: &generator)
            guard case .success(let parsed) = RuleParser.parse(text) else { continue }
            let compiled = RuleEvaluator.Compiled(parsed) { Self.names.firstIndex(of: $0) }
            for _ in 0..<20 {
                let assignment = Self.names.map { _ in Self.values.randomElement(using: &generator)! }
                let reference = RuleEvaluator.evaluate(parsed) { name in
                    Self.names.firstIndex(of: name).map { assignment[$0] } ?? .null
                }
                let fast = assignment.withUnsafeBufferPointer { compiled.evaluate($0) }
                #expect(fast == reference, "\(text) with \(assignment)")
                // The program read out of it, as `contractgen validate` evaluates rules.
                let program = compiled.program
                #expect(assignment.withUnsafeBufferPointer { program.evaluate($0) } == reference, "\(text) with \(assignment)")
            }
            compared += 1
        }
        #expect(compared > 1_500, "only \(compared) random expressions parsed")
    }

    /// `fieldsReadByValue` leaves out exactly the fields a rule only tests against null, which
    /// `contractgen validate` then does not copy out of the line.
    @Test(arguments: [
        ("x == null", []), ("null != x", []), ("(x == null) == (y == null)", []), ("x != null implies y == null", []),
        ("x == \"s\"", ["x"]), ("x in [1, 2]", ["x"]), ("x not in [y, 3]", ["x", "y"]), ("x < 3", ["x"]),
        ("a", ["a"]), ("not a", ["a"]), ("a == (x == null)", ["a"]), ("x == y", ["x", "y"]),
        ("x == null or x == \"s\"", ["x"]), ("(x == null) != (a and b)", ["a", "b"]), ("z == null", []),
    ] as [(String, [String])])
    func theFieldsWhoseValuesARuleReads(text: String, read: [String]) throws {
        let compiled = RuleEvaluator.Compiled(try RuleParser.parse(text).get()) { Self.names.firstIndex(of: $0) }
        #expect(compiled.fieldsReadByValue == Set(read.compactMap { Self.names.firstIndex(of: $0) }), "\(text)")
    }

    /// The class of that claim: on every expression, fixed and random, a field outside `fieldsReadByValue`
    /// that holds `.other` in place of any value but null gives the same result.
    @Test func aFieldWhoseValueNoRuleReadsMayHoldOtherInPlaceOfAnyValueButNull() throws {
        var generator = SplitMix64(seed: 0x5EED_0302)
        let leaves = ["a", "b", "x", "y", "null", "true", "1", "\"s\""]
        var unread = 0
        for text in Self.expressions + (0..<2_000).map({ _ in Self.randomExpression(depth: 4, leaves: leaves, using: &generator) }) {
            guard case .success(let parsed) = RuleParser.parse(text) else { continue }
            let compiled = RuleEvaluator.Compiled(parsed) { Self.names.firstIndex(of: $0) }
            let notRead = Self.names.indices.filter { !compiled.fieldsReadByValue.contains($0) }
            let words = Set(text.split { !$0.isLetter }.map(String.init))
            unread += notRead.filter { words.contains(Self.names[$0]) }.count
            for _ in 0..<20 where !notRead.isEmpty {
                let assignment = Self.names.map { _ in Self.values.randomElement(using: &generator)! }
                var blurred = assignment
                for index in notRead where blurred[index] != .null { blurred[index] = .other }
                let expected = assignment.withUnsafeBufferPointer { compiled.evaluate($0) }
                #expect(blurred.withUnsafeBufferPointer { compiled.evaluate($0) } == expected, "\(text) with \(assignment)")
            }
        }
        #expect(unread > 100, "only \(unread) fields were tested against null alone")
    }

    /// A random expression over `leaves`, nested up to `depth`: every operator, membership, and fields
    /// tested against null (the shape `fieldsReadByValue` leaves out).
    static func randomExpression(depth: Int, leaves: [String], using generator: inout SplitMix64) -> String {
        if depth == 0 || Int.random(in: 0..<4, using: &generator) == 0 { return leaves.randomElement(using: &generator)! }
        let l = randomExpression(depth: depth - 1, leaves: leaves, using: &generator)
        let r = randomExpression(depth: depth - 1, leaves: leaves, using: &generator)
        switch Int.random(in: 0..<9, using: &generator) {
        case 0: return "(\(l) and \(r))"
        case 1: return "(\(l) or \(r))"
        case 2: return "(\(l) implies \(r))"
        case 3: return "(not \(l))"
        case 4: return "(\(l) \(["==", "!=", "<", "<=", ">", ">="].randomElement(using: &generator)!) \(r))"
        case 5: return "(\(l) == \(r))"
        case 6: return "(\(["a", "x", "y"].randomElement(using: &generator)!) \(Bool.random(using: &generator) ? "==" : "!=") null)"
        default:
            let items = (0..<Int.random(in: 0...3, using: &generator)).map { _ in randomExpression(depth: 0, leaves: leaves, using: &generator) }
            return "(\(l) \(Bool.random(using: &generator) ? "in" : "not in") [\(items.joined(separator: ", "))])"
        }
    }
}
