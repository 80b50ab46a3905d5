import ContractSchema

/// Compiles a resolved rule expression into a plain Swift boolean expression over a model's properties.
///
/// It follows the rule semantics documented on `RuleTypeChecker` and implemented by `RuleEvaluator`:
/// `a implies b` is `!a || b`; `null == null` holds and a value never equals null; a json field
/// holding JSON `null` counts as null; an ordering with a null operand is false (`RuleOperators`);
/// an int and a double compare exactly (`RuleNumber`); `x in [..]` is `[..].contains(x)`.
struct RuleCompiler {
    let model: Model
    let contract: Contract
    /// Written before each field's name: `self.` inside the model, `record.` in lifecycle guards.
    let receiver: String

    /// Binding strength of the compiled Swift, loosest first.
    enum Precedence: Int, Comparable {
        case disjunction, conjunction, comparison, prefix, postfix, primary

        static func < (a: Precedence, b: Precedence) -> Bool { a.rawValue < b.rawValue }
    }

    /// What an operand is, as far as choosing Swift spelling goes.
    enum Kind: Equatable {
        case int, double, json, enumeration(String), null, other
    }

    struct Compiled {
        var code: String
        var precedence: Precedence
        var kind: Kind
        var isNullable: Bool
        /// The literal's value, for int literals (to decide whether a double compares exactly).
        var intLiteral: Int64? = nil

        func wrapped(below minimum: Precedence) -> String {
            precedence < minimum ? "(" + code + ")" : code
        }
    }

    /// The Swift expression for `e`.
    func compile(_ e: RuleExpression) -> String {
        compiled(e).code
    }

    /// The Swift condition that holds exactly when `e` does not, in its simplest form: the negation is
    /// pushed inward where that is exact (De Morgan, `a implies b` broken as `a && !b`, `==` as `!=`, `in`
    /// as `not in`, `not x` as `x`); an ordering keeps its `!`, because a null or NaN operand makes both
    /// it and its opposite false.
    func compileNegation(_ e: RuleExpression) -> String {
        negated(e).code
    }

    private func negated(_ e: RuleExpression) -> Compiled {
        switch e.kind {
        case .not(let operand):
            return compiled(operand)
        case .binary(.and, let left, let right):
            let l = negated(left)
            let leftCode = l.precedence == .disjunction ? l.code : l.wrapped(below: .comparison)
            return condition(leftCode + " || " + negated(right).wrapped(below: .comparison), .disjunction)
        case .binary(.or, let left, let right):
            return condition(negated(left).wrapped(below: .comparison) + " && "
                             + negated(right).wrapped(below: .comparison), .conjunction)
        case .binary(.implies, let left, let right):
            return condition(compiled(left).wrapped(below: .comparison) + " && "
                             + negated(right).wrapped(below: .comparison), .conjunction)
        case .binary(.equal, let left, let right):
            return equality(.notEqual, left, right)
        case .binary(.notEqual, let left, let right):
            return equality(.equal, left, right)
        case .membership(let subject, let items, let isNegated):
            return membership(compiled(subject), items, negated: !isNegated)
        case .bool(let b):
            return Compiled(code: b ? "false" : "true", precedence: .primary, kind: .other, isNullable: false)
        case .binary(let op, let left, let right) where [.less, .lessOrEqual, .greater, .greaterOrEqual].contains(op):
            // Between two integers that cannot be null, an ordering's opposite is exact: no NaN, no null.
            let l = compiled(left), r = compiled(right)
            guard l.kind == .int, r.kind == .int, !l.isNullable, !r.isNullable else { fallthrough }
            let opposite: RuleOperator = switch op {
            case .less: .greaterOrEqual
            case .lessOrEqual: .greater
            case .greater: .lessOrEqual
            default: .less
            }
            return ordering(opposite, l, r)
        default:
            return condition("!" + compiled(e).wrapped(below: .primary), .prefix)
        }
    }

    private func kind(of type: FieldType) -> Kind {
        switch type {
        case .int: .int
        case .double: .double
        case .json: .json
        case .named(let name) where contract.namedType(name)?.wireValues != nil: .enumeration(name)
        default: .other
        }
    }

    private func compiled(_ e: RuleExpression, counterpart: Compiled? = nil) -> Compiled {
        switch e.kind {
        case .name(let name), .field(let name):
            let field = model.field(named: name)
            return Compiled(code: receiver + SwiftSyntax.member(name), precedence: .primary,
                            kind: field.map { kind(of: $0.type) } ?? .other, isNullable: field?.isNullable ?? false)
        case .enumValue(let type, let value):
            let member = SwiftSyntax.caseName(value, in: type, contract: contract)
            let code = counterpart?.isNullable == true ? "\(type).\(member)" : "." + member
            return Compiled(code: code, precedence: .primary, kind: .enumeration(type), isNullable: false)
        case .null:
            return Compiled(code: "nil", precedence: .primary, kind: .null, isNullable: true)
        case .bool(let b):
            return Compiled(code: b ? "true" : "false", precedence: .primary, kind: .other, isNullable: false)
        case .int(let i):
            return Compiled(code: String(i), precedence: i < 0 ? .prefix : .primary, kind: .int, isNullable: false, intLiteral: i)
        case .double(let d):
            return Compiled(code: SwiftSyntax.doubleLiteral(d), precedence: d < 0 ? .prefix : .primary, kind: .double, isNullable: false)
        case .string(let s):
            return Compiled(code: SwiftSyntax.stringLiteral(s), precedence: .primary, kind: .other, isNullable: false)
        case .not(let operand):
            return condition("!" + compiled(operand).wrapped(below: .primary), .prefix)
        case .binary(let op, let left, let right):
            switch op {
            case .and:
                return condition(compiled(left).wrapped(below: .comparison) + " && "
                                 + compiled(right).wrapped(below: .comparison), .conjunction)
            case .or:
                let l = compiled(left)
                let leftCode = l.precedence == .disjunction ? l.code : l.wrapped(below: .comparison)
                return condition(leftCode + " || " + compiled(right).wrapped(below: .comparison), .disjunction)
            case .implies:
                return condition("!" + compiled(left).wrapped(below: .primary) + " || "
                                 + compiled(right).wrapped(below: .comparison), .disjunction)
            case .equal, .notEqual:
                return equality(op, left, right)
            case .less, .lessOrEqual, .greater, .greaterOrEqual:
                return ordering(op, compiled(left), compiled(right))
            }
        case .membership(let subject, let items, let negated):
            return membership(compiled(subject), items, negated: negated)
        }
    }

    private func condition(_ code: String, _ precedence: Precedence) -> Compiled {
        Compiled(code: code, precedence: precedence, kind: .other, isNullable: false)
    }

    /// An operand compared exactly with a number of the other kind: wrapped in `RuleNumber`.
    private func number(_ c: Compiled) -> String {
        let ruleNumber = SwiftSyntax.runtime("RuleNumber")
        if let literal = c.intLiteral { return "\(ruleNumber)(\(SwiftSyntax.std("Int64"))(\(literal)))" }
        return c.isNullable ? "\(c.code).map { \(ruleNumber)($0) }" : "\(ruleNumber)(\(c.code))"
    }

    /// Whether `a` and `b` are an int and a double that Swift cannot compare exactly as written. An int
    /// literal against a double is exact when the literal is within ±2^53.
    private func needsExactNumbers(_ a: Compiled, _ b: Compiled) -> Bool {
        let mixed = (a.kind == .int && b.kind == .double) || (a.kind == .double && b.kind == .int)
        guard mixed else { return false }
        let literal = a.intLiteral ?? b.intLiteral
        // `magnitude`, not `abs`: `abs(Int64.min)` overflows.
        if let literal, literal.magnitude <= 1 << 53 { return false }
        return true
    }

    private func equality(_ op: RuleOperator, _ left: RuleExpression, _ right: RuleExpression) -> Compiled {
        let swiftOp = op == .equal ? "==" : "!="
        var l = compiled(left)
        let r = compiled(right, counterpart: l)
        if case .enumValue = left.kind { l = compiled(left, counterpart: r) }
        if l.kind == .null || r.kind == .null {
            let other = l.kind == .null ? r : l
            if other.kind == .null { return condition("nil \(swiftOp) nil", .comparison) }
            if other.kind == .json {
                let value = other.isNullable ? "(\(other.code) ?? .null)" : other.wrapped(below: .postfix)
                return condition("\(value) \(swiftOp) .null", .comparison)
            }
            return condition("\(other.wrapped(below: .postfix)) \(swiftOp) nil", .comparison)
        }
        if needsExactNumbers(l, r) {
            return condition("\(number(l)) \(swiftOp) \(number(r))", .comparison)
        }
        return condition(l.wrapped(below: .prefix) + " \(swiftOp) " + r.wrapped(below: .prefix), .comparison)
    }

    private func ordering(_ op: RuleOperator, _ l: Compiled, _ r: Compiled) -> Compiled {
        let exact = needsExactNumbers(l, r)
        let lhs = exact ? number(l) : l.code
        let rhs = exact ? number(r) : r.code
        if l.isNullable || r.isNullable {
            let function = switch op {
            case .less: "less"
            case .lessOrEqual: "lessOrEqual"
            case .greater: "greater"
            default: "greaterOrEqual"
            }
            return condition("\(SwiftSyntax.runtime("RuleOperators")).\(function)(\(lhs), \(rhs))", .postfix)
        }
        let left = exact ? lhs : l.wrapped(below: .prefix)
        let right = exact ? rhs : r.wrapped(below: .prefix)
        return condition("\(left) \(op.rawValue) \(right)", .comparison)
    }

    private func membership(_ x: Compiled, _ items: [RuleExpression], negated: Bool) -> Compiled {
        let compiledItems = items.map { compiled($0, counterpart: x) }
        let exact = compiledItems.contains { needsExactNumbers(x, $0) }
        let code: String
        if exact {
            let list = "[" + compiledItems.map(number).joined(separator: ", ") + "]"
            code = x.isNullable
                ? "\(x.code).map { \(list).contains(\(SwiftSyntax.runtime("RuleNumber"))($0)) } ?? false"
                : "\(list).contains(\(SwiftSyntax.runtime("RuleNumber"))(\(x.code)))"
        } else {
            code = "[" + compiledItems.map(\.code).joined(separator: ", ") + "].contains(\(x.code))"
        }
        let precedence: Precedence = exact && x.isNullable ? .comparison : .postfix
        if negated {
            return condition("!" + (precedence < .primary ? "(" + code + ")" : code), .prefix)
        }
        return condition(code, precedence)
    }
}
