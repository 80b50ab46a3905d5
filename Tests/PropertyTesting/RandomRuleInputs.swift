import ContractRuntime
import ContractSchema

/// Random scopes, field values and arbitrary (not necessarily well-typed) expressions for the rule
/// language properties.
extension RandomRule {
    /// A model's fields of random types and nullability: every kind the rule language knows, with
    /// enums whose values include words a rule cannot write bare (`true`, `1.10`).
    public static func scope(using random: inout SplitMix64) -> RuleScope {
        let colour = RuleType.enumeration(name: "Colour", values: ["red", "green", "no", "true", "1.10", "E001", "_x"])
        let status = RuleType.enumeration(name: "Status", values: ["pending", "running", "done"])
        let types: [RuleType] = [.bool, .bool, .int, .double, .string, .timestamp, .json, .list(.int), .map(.string),
                                 .model("Other"), colour, status]
        var fields: [(name: String, operand: RuleOperand)] = []
        for index in 0..<random.int(in: 1...8) {
            fields.append(("field_\(index)", RuleOperand(type: random.pick(types), isNullable: random.chance(0.3))))
        }
        return RuleScope(modelName: "Record", fields: fields)
    }

    /// A value a field of `operand`'s type may hold at run time (null when nullable, sometimes).
    public static func value(for operand: RuleOperand, using random: inout SplitMix64) -> RuleValue {
        if (operand.isNullable || operand.type == .json) && random.chance(0.3) { return .null }
        switch operand.type {
        case .bool: return .bool(random.chance(0.5))
        case .int: return .int(int(using: &random))
        case .double: return .double(finiteDouble(using: &random))
        case .string: return .string(randomText(using: &random))
        case .timestamp: return .timestamp(Double(random.int(in: -10...10)) * 86_400)
        case .enumeration(_, let values): return .enumValue(random.pick(values))
        case .json, .list, .map, .model: return .other
        case .unknown: return anyValue(using: &random)
        }
    }

    /// Any value at all, including ones a well-typed record never holds (NaN, infinities).
    public static func anyValue(using random: inout SplitMix64) -> RuleValue {
        switch random.int(in: 0...7) {
        case 0: return .null
        case 1: return .bool(random.chance(0.5))
        case 2: return .int(int(using: &random))
        case 3: return .double(random.pick([.nan, .infinity, -.infinity, finiteDouble(using: &random)]))
        case 4: return .string(randomText(using: &random))
        case 5: return .enumValue(random.pick(["red", "pending", ""]))
        case 6: return .timestamp(random.pick([.nan, 0, -1e300, finiteDouble(using: &random)]))
        default: return .other
        }
    }

    /// Any expression tree, typed or not: unresolved names, fields of every kind, literals and enum
    /// values anywhere, lists of anything.
    public static func arbitrary(depth: Int, using random: inout SplitMix64) -> RuleExpression {
        let leaf = depth == 0 || random.chance(0.3)
        if leaf {
            switch random.int(in: 0...7) {
            case 0: return .node(.name(random.pick(["field_0", "field_1", "missing", "red"])))
            case 1: return .field(random.pick(["field_0", "field_1", "field_2", "missing"]))
            case 2: return .node(.enumValue(type: "Colour", value: random.pick(["red", "nowhere"])))
            case 3: return .node(.null)
            case 4: return .node(.bool(random.chance(0.5)))
            case 5: return .node(.int(int(using: &random)))
            case 6: return .node(.double(random.pick([.nan, .infinity, finiteDouble(using: &random)])))
            default: return .node(.string(randomText(using: &random)))
            }
        }
        switch random.int(in: 0...2) {
        case 0:
            return .node(.not(arbitrary(depth: depth - 1, using: &random)))
        case 1:
            let left = arbitrary(depth: depth - 1, using: &random)
            return .node(.binary(random.pick(RuleOperator.allCases), left, arbitrary(depth: depth - 1, using: &random)))
        default:
            let subject = arbitrary(depth: depth - 1, using: &random)
            var items: [RuleExpression] = []
            for _ in 0..<random.int(in: 0...3) { items.append(arbitrary(depth: depth - 1, using: &random)) }
            return .node(.membership(subject, items, negated: random.chance(0.5)))
        }
    }
}
