import ContractRuntime
import ContractSchema

/// Random rule expressions that type-check in a model's scope, built already resolved: fields are
/// `.field` and enum values `.enumValue`, as `RuleTypeChecker` resolves them.
///
/// Every operand follows the typing rules documented on `RuleTypeChecker`: conditions are non-null
/// bools, `==` compares one type (ints and doubles mix) or a nullable or json field with `null`,
/// orderings compare numbers or timestamps, `in` lists literals of a listable field's type, and no
/// comparison has constants on both sides.
public struct RandomRule {
    /// The fields rules may read.
    public let scope: RuleScope

    /// A generator over `scope`.
    public init(scope: RuleScope) {
        self.scope = scope
    }

    /// A condition nesting at most `depth` operators deep.
    public func condition(depth: Int, using random: inout SplitMix64) -> RuleExpression {
        guard depth > 0, random.chance(0.7) else { return atom(using: &random) }
        switch random.int(in: 0...5) {
        case 0:
            return .node(.not(condition(depth: depth - 1, using: &random)))
        case 1:
            // Two conditions compared: fine unless both are constants.
            let left = condition(depth: depth - 1, using: &random)
            let right = condition(depth: depth - 1, using: &random)
            let op = isConstant(left) && isConstant(right) ? RuleOperator.or : random.pick([RuleOperator.equal, .notEqual])
            return .node(.binary(op, left, right))
        default:
            let op = random.pick([RuleOperator.and, .or, .implies])
            return .node(.binary(op, condition(depth: depth - 1, using: &random), condition(depth: depth - 1, using: &random)))
        }
    }

    // MARK: Atoms

    /// A condition without logical operators: a bool field or literal, or one comparison.
    func atom(using random: inout SplitMix64) -> RuleExpression {
        var makers: [(inout SplitMix64) -> RuleExpression?] = [
            { .node(.bool($0.chance(0.5))) },
            { random in fields { $0.type == .bool && !$0.isNullable }.map { .field(random.pick($0)) } },
            { random in self.nullableBoolTest(using: &random) },
            { random in self.equality(using: &random) },
            { random in self.ordering(using: &random) },
            { random in self.membership(using: &random) },
        ]
        while true {
            let index = random.int(in: 0...(makers.count - 1))
            if let atom = makers[index](&random) { return atom }
            makers.remove(at: index)
        }
    }

    /// `flag == true` for a nullable bool field, which must be compared before it is a condition.
    func nullableBoolTest(using random: inout SplitMix64) -> RuleExpression? {
        guard let names = fields({ $0.type == .bool && $0.isNullable }) else { return nil }
        return comparison(.field(random.pick(names)), .node(.bool(random.chance(0.5))), [.equal, .notEqual], using: &random)
    }

    /// A field compared for equality with `null`, a literal, an enum value or a field of its type.
    func equality(using random: inout SplitMix64) -> RuleExpression? {
        guard !scope.fields.isEmpty else { return nil }
        let (name, operand) = random.pick(scope.fields)
        let field = RuleExpression.field(name)
        let ops: [RuleOperator] = [.equal, .notEqual]
        if (operand.isNullable || operand.type == .json) && (isOpaque(operand.type) || random.chance(0.3)) {
            return comparison(field, .node(.null), ops, using: &random)
        }
        guard !isOpaque(operand.type), operand.type != .unknown else { return nil }
        var others = fields { self.comparableForEquality($0.type, operand.type) } ?? []
        others.removeAll { $0 == name && random.chance(0.5) }
        let literal = literal(of: operand.type, using: &random)
        if let literal, others.isEmpty || random.chance(0.6) {
            return comparison(field, literal, ops, using: &random)
        }
        guard !others.isEmpty else { return nil }
        return comparison(field, .field(random.pick(others)), ops, using: &random)
    }

    /// A number or timestamp field ordered against a number literal or a field of a compatible type.
    func ordering(using random: inout SplitMix64) -> RuleExpression? {
        let ops: [RuleOperator] = [.less, .lessOrEqual, .greater, .greaterOrEqual]
        let numbers = fields { $0.type == .int || $0.type == .double } ?? []
        let times = fields { $0.type == .timestamp } ?? []
        if !numbers.isEmpty, times.isEmpty || random.chance(0.7) {
            let other = random.chance(0.5) ? .field(random.pick(numbers)) : numberLiteral(using: &random)
            return comparison(.field(random.pick(numbers)), other, ops, using: &random)
        }
        guard !times.isEmpty else { return nil }
        return comparison(.field(random.pick(times)), .field(random.pick(times)), ops, using: &random)
    }

    /// `field in [literals]` or `field not in [literals]` for a string, number, bool or enum field.
    func membership(using random: inout SplitMix64) -> RuleExpression? {
        let listable = scope.fields.filter { field in
            if case .enumeration = field.operand.type { return !Self.usableValues(of: field.operand.type).isEmpty }
            return [.string, .int, .double, .bool].contains(field.operand.type)
        }
        guard !listable.isEmpty else { return nil }
        let (name, operand) = random.pick(listable)
        var items: [RuleExpression] = []
        for _ in 0..<random.int(in: 1...4) {
            if let item = literal(of: operand.type, using: &random) { items.append(item) }
        }
        return .node(.membership(.field(name), items, negated: random.chance(0.4)))
    }

    /// `left op right` or, at random, `right op' left` with the mirrored operator.
    func comparison(_ left: RuleExpression, _ right: RuleExpression, _ ops: [RuleOperator],
                    using random: inout SplitMix64) -> RuleExpression {
        let op = random.pick(ops)
        guard random.chance(0.5) else { return .node(.binary(op, left, right)) }
        let mirrored: [RuleOperator: RuleOperator] = [.less: .greater, .greater: .less, .lessOrEqual: .greaterOrEqual,
                                                      .greaterOrEqual: .lessOrEqual]
        return .node(.binary(mirrored[op] ?? op, right, left))
    }

    // MARK: Literals

    /// A literal (or bare enum value) of `type`; nil for types that have none.
    func literal(of type: RuleType, using random: inout SplitMix64) -> RuleExpression? {
        switch type {
        case .bool: return .node(.bool(random.chance(0.5)))
        case .int, .double: return numberLiteral(using: &random)
        case .string: return .node(.string(Self.randomText(using: &random)))
        case .enumeration(let name, _):
            let values = Self.usableValues(of: type)
            return values.isEmpty ? nil : .node(.enumValue(type: name, value: random.pick(values)))
        default: return nil
        }
    }

    /// An int or double literal, often an edge case.
    func numberLiteral(using random: inout SplitMix64) -> RuleExpression {
        random.chance(0.5) ? .node(.int(Self.int(using: &random))) : .node(.double(Self.finiteDouble(using: &random)))
    }

    /// An integer, often small or at an end of the 64-bit range.
    public static func int(using random: inout SplitMix64) -> Int64 {
        switch random.int(in: 0...3) {
        case 0: return Int64(random.int(in: -10...10))
        case 1: return random.pick([Int64.min, Int64.max, Int64.min + 1, Int64.max - 1, 1 << 53, (1 << 53) + 1, -(1 << 53) - 1])
        default: return Int64(bitPattern: random.next())
        }
    }

    /// A finite double, often a round number, a tiny one or one near the 64-bit integer range.
    public static func finiteDouble(using random: inout SplitMix64) -> Double {
        switch random.int(in: 0...3) {
        case 0: return Double(random.int(in: -40...40)) / 4
        case 1: return random.pick([0.0, -0.0, 0.1, 1e-300, .leastNonzeroMagnitude, -.leastNonzeroMagnitude,
                                    9_223_372_036_854_775_808.0, -9_223_372_036_854_775_808.0, 9_007_199_254_740_992.0,
                                    .greatestFiniteMagnitude])
        default:
            while true {
                let value = Double(bitPattern: random.next())
                if value.isFinite { return value }
            }
        }
    }

    /// Text with the characters that need care: quotes, backslashes, non-ASCII and emoji.
    public static func randomText(minimumLength: Int = 0, using random: inout SplitMix64) -> String {
        let pieces = ["a", "Z", "0", " ", "'", "\"", "\\", "é", "長", "😀", ":", "#", ",", "{", "[", "-", "in", "null"]
        var text = ""
        for _ in 0..<random.int(in: minimumLength...max(minimumLength, 8)) { text += random.pick(pieces) }
        return text
    }

    // MARK: Source text

    /// `e` written as rule source with every operator in parentheses, random spacing (spaces, tabs,
    /// newlines) and random string quoting, so the text exercises the lexer without relying on precedence.
    public static func source(of e: RuleExpression, using random: inout SplitMix64) -> String {
        func space() -> String { random.pick([" ", " ", "  ", "\t", "\n", " \r\n "]) }
        func optionalSpace() -> String { random.chance(0.5) ? "" : space() }
        func quoted(_ text: String) -> String {
            let quote: Character = random.chance(0.5) ? "'" : "\""
            var out = String(quote)
            for c in text {
                if c == "\\" || c == quote || ((c == "'" || c == "\"") && random.chance(0.3)) { out.append("\\") }
                out.append(c)
            }
            out.append(quote)
            return out
        }
        func write(_ e: RuleExpression) -> String {
            switch e.kind {
            case .name(let name), .field(let name), .enumValue(_, let name): return name
            case .null: return "null"
            case .bool(let b): return b ? "true" : "false"
            case .int(let i): return String(i)
            case .double(let d): return String(d)
            case .string(let s): return quoted(s)
            case .not(let x):
                return "(" + optionalSpace() + "not" + space() + write(x) + optionalSpace() + ")"
            case .binary(let op, let l, let r):
                return "(" + optionalSpace() + write(l) + space() + op.rawValue + space() + write(r) + optionalSpace() + ")"
            case .membership(let x, let items, let negated):
                let list = items.map { write($0) }.joined(separator: "," + optionalSpace())
                return "(" + write(x) + space() + (negated ? "not" + space() + "in" : "in") + space() + "[" + optionalSpace()
                    + list + optionalSpace() + "]" + optionalSpace() + ")"
            }
        }
        return optionalSpace() + write(e) + optionalSpace()
    }

    // MARK: Helpers

    /// The wire values of an enumeration that can be written bare in a rule: identifiers, not keywords.
    public static func usableValues(of type: RuleType) -> [String] {
        guard case .enumeration(_, let values) = type else { return [] }
        return values.filter(isRuleIdentifier)
    }

    /// Whether `name` lexes as one identifier in a rule.
    public static func isRuleIdentifier(_ name: String) -> Bool {
        let keywords: Set = ["and", "or", "not", "implies", "in", "true", "false", "null"]
        guard let first = name.unicodeScalars.first, first == "_" || ("a"..."z").contains(first) || ("A"..."Z").contains(first)
        else { return false }
        return !keywords.contains(name)
            && name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    /// The names of the fields matching `predicate`, or nil when there are none.
    func fields(_ predicate: (RuleOperand) -> Bool) -> [String]? {
        let names = scope.fields.filter { predicate($0.operand) }.map(\.name)
        return names.isEmpty ? nil : names
    }

    func isOpaque(_ type: RuleType) -> Bool {
        switch type {
        case .json, .list, .map, .model: true
        default: false
        }
    }

    func comparableForEquality(_ a: RuleType, _ b: RuleType) -> Bool {
        let numbers: [RuleType] = [.int, .double]
        if numbers.contains(a), numbers.contains(b) { return true }
        return a == b && !isOpaque(a) && a != .unknown
    }

    func isConstant(_ e: RuleExpression) -> Bool {
        switch e.kind {
        case .null, .bool, .int, .double, .string, .enumValue: true
        default: false
        }
    }

}

extension RuleExpression {
    /// A field reference with no source position.
    public static func field(_ name: String) -> RuleExpression { RuleExpression(.field(name), span: 0..<0) }

    /// An expression with no source position.
    public static func node(_ kind: Kind) -> RuleExpression { RuleExpression(kind, span: 0..<0) }

    /// The expression as the parser reads it, before the type checker resolves names: every field and
    /// enum value is a bare `.name`.
    public var unresolved: RuleExpression {
        let kind: Kind
        switch self.kind {
        case .field(let name), .enumValue(_, let name): kind = .name(name)
        case .not(let e): kind = .not(e.unresolved)
        case .binary(let op, let l, let r): kind = .binary(op, l.unresolved, r.unresolved)
        case .membership(let x, let items, let negated): kind = .membership(x.unresolved, items.map(\.unresolved), negated: negated)
        default: kind = self.kind
        }
        return RuleExpression(kind, span: span)
    }
}
