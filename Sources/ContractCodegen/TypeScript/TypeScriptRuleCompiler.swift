import ContractSchema

/// Compiles a resolved rule expression into a TypeScript boolean expression over a record's properties, with the
/// semantics of the Swift `RuleEvaluator`: `null == null` holds and a value never equals null (a json field holding
/// JSON null counts as null), an ordering with a null operand is false (`less` and friends), numbers compare exactly
/// (integer literals beyond ±(2^53−1) are `bigint`s), text compares by canonical equivalence (`sameText`) and
/// timestamps by instant (`sameInstant`, `earlier`, ...).
struct TypeScriptRuleCompiler {
    let model: Model
    let contract: Contract
    let imports: TypeScriptImports
    /// The record's name in the code: `value` in rules, `record` in lifecycle guards.
    let receiver: String

    /// Binding strength of the compiled code, loosest first. Equality and ordering share one level: every comparison
    /// operand that is itself a comparison is parenthesized.
    enum Precedence: Int, Comparable {
        case disjunction, conjunction, comparison, prefix, primary

        static func < (a: Precedence, b: Precedence) -> Bool { a.rawValue < b.rawValue }
    }

    /// What an operand is, as far as choosing the operator goes.
    enum Kind: Equatable {
        case number, timestamp, text, enumeration, null, other
    }

    /// Compiled code; `parts` are the operands of a top-level `&&` or `||` chain or `===`/`!==` comparison, joined by
    /// `joiner`, where a long condition may break.
    struct Compiled {
        var code: String
        var precedence: Precedence
        var kind: Kind = .other
        var isNullable = false
        var isBigInt = false
        /// An `int` field or an integer literal: never NaN.
        var isInteger = false
        var parts: [String] = []
        var joiner = ""

        func wrapped(below minimum: Precedence) -> String {
            precedence < minimum ? "(" + code + ")" : code
        }
    }

    /// Fields read through their declared type (`(value.status as Status)`), so that a comparison after an earlier
    /// one on the same field is not refused by TypeScript's narrowing (`status == a and status == b`).
    private var widened: Set<String> = []

    init(model: Model, contract: Contract, imports: TypeScriptImports, receiver: String) {
        self.model = model
        self.contract = contract
        self.imports = imports
        self.receiver = receiver
    }

    /// The expression for `e`.
    func compile(_ e: RuleExpression) -> Compiled { prepared(for: e).compiled(e) }

    /// The condition that holds exactly when `e` does not, in its simplest form: negation is pushed inward where that
    /// is exact (De Morgan, `a implies b` as `a && !b`, `==` as `!=`, `in` as `not in`); an ordering keeps its `!`
    /// unless both sides are non-null numbers, because a null operand makes it and its opposite false.
    func compileNegation(_ e: RuleExpression) -> Compiled { prepared(for: e).negated(e) }

    /// This compiler with `widened` set for `e`: the enum and bool fields `e` reads more than once, the only reads
    /// TypeScript narrows to literal types.
    private func prepared(for e: RuleExpression) -> TypeScriptRuleCompiler {
        var counts: [String: Int] = [:]
        func count(_ e: RuleExpression) {
            switch e.kind {
            case .field(let name), .name(let name): counts[name, default: 0] += 1
            case .not(let operand): count(operand)
            // TypeScript compares a narrowed value with null without complaint, so a null test is no hazard.
            case .binary(.equal, _, let other) where isNull(e, other), .binary(.notEqual, _, let other) where isNull(e, other):
                break
            case .binary(_, let left, let right): count(left); count(right)
            case .membership(let subject, _, _): count(subject)
            default: break
            }
        }
        func isNull(_ comparison: RuleExpression, _ right: RuleExpression) -> Bool {
            guard case .binary(_, let left, _) = comparison.kind else { return false }
            return left.kind == .null || right.kind == .null
        }
        count(e)
        var copy = self
        copy.widened = Set(counts.filter { name, uses in
            guard uses > 1, let field = model.field(named: name) else { return false }
            if field.type == .bool { return true }
            if case .named(let type) = field.type { return contract.namedType(type)?.wireValues != nil }
            return false
        }.keys)
        return copy
    }

    private func negated(_ e: RuleExpression) -> Compiled {
        switch e.kind {
        case .not(let operand):
            return compiled(operand)
        case .binary(.and, let left, let right):
            return chain([negated(left), negated(right)], .disjunction)
        case .binary(.or, let left, let right):
            return chain([negated(left), negated(right)], .conjunction)
        case .binary(.implies, let left, let right):
            return chain([compiled(left), negated(right)], .conjunction)
        case .binary(.equal, let left, let right):
            return equality(false, compiled(left), compiled(right))
        case .binary(.notEqual, let left, let right):
            return equality(true, compiled(left), compiled(right))
        case .membership(let subject, let items, let isNegated):
            return membership(compiled(subject), items, negated: !isNegated)
        case .bool(let b):
            return Compiled(code: b ? "false" : "true", precedence: .primary)
        case .binary(let op, let left, let right) where [.less, .lessOrEqual, .greater, .greaterOrEqual].contains(op):
            let l = compiled(left), r = compiled(right)
            // Between two integers that cannot be null an ordering's opposite is exact; a double may be NaN in a
            // value built in code, for which both an ordering and its opposite are false (as in Swift).
            guard l.isInteger, r.isInteger, !l.isNullable, !r.isNullable, !l.isBigInt, !r.isBigInt
            else { return not(compiled(e)) }
            let opposite: RuleOperator = switch op {
            case .less: .greaterOrEqual
            case .lessOrEqual: .greater
            case .greater: .lessOrEqual
            default: .less
            }
            return ordering(opposite, l, r)
        default:
            return not(compiled(e))
        }
    }

    private func not(_ c: Compiled) -> Compiled {
        Compiled(code: "!" + c.wrapped(below: .prefix), precedence: .prefix)
    }

    private func kind(of field: Field) -> Kind {
        switch field.type {
        case .int, .double: .number
        case .timestamp: .timestamp
        case .string: .text
        case .named(let name):
            if let enumeration = contract.enumeration(named: name), enumeration.isOpen { .text }
            else if contract.namedType(name)?.wireValues != nil { .enumeration }
            else { .other }
        default: .other
        }
    }

    private func compiled(_ e: RuleExpression) -> Compiled {
        switch e.kind {
        case .name(let name), .field(let name):
            let field = model.field(named: name)
            var code = TypeScriptSyntax.member(receiver, name)
            if widened.contains(name), let field {
                code = "(\(code) as \(TypeScriptFieldTypes(contract: contract, imports: imports).propertyType(field)))"
            }
            return Compiled(code: code, precedence: .primary,
                            kind: field.map(kind(of:)) ?? .other,
                            isNullable: (field?.isNullable ?? false) || field?.type == .json,
                            isInteger: field?.type == .int)
        case .enumValue(_, let value):
            return Compiled(code: TypeScriptSyntax.stringLiteral(value), precedence: .primary, kind: .enumeration)
        case .null:
            return Compiled(code: "null", precedence: .primary, kind: .null, isNullable: true)
        case .bool(let b):
            return Compiled(code: b ? "true" : "false", precedence: .primary)
        case .int(let i):
            let literal = TypeScriptSyntax.integerLiteral(i)
            return Compiled(code: literal.code, precedence: i < 0 ? .prefix : .primary, kind: .number,
                            isBigInt: literal.isBigInt, isInteger: true)
        case .double(let d):
            return Compiled(code: TypeScriptSyntax.doubleLiteral(d), precedence: d < 0 ? .prefix : .primary,
                            kind: .number)
        case .string(let s):
            return Compiled(code: TypeScriptSyntax.stringLiteral(s), precedence: .primary, kind: .text)
        case .not(let operand):
            return not(compiled(operand))
        case .binary(let op, let left, let right):
            switch op {
            case .and: return chain([compiled(left), compiled(right)], .conjunction)
            case .or: return chain([compiled(left), compiled(right)], .disjunction)
            case .implies: return chain([negated(left), compiled(right)], .disjunction)
            case .equal: return equality(true, compiled(left), compiled(right))
            case .notEqual: return equality(false, compiled(left), compiled(right))
            case .less, .lessOrEqual, .greater, .greaterOrEqual: return ordering(op, compiled(left), compiled(right))
            }
        case .membership(let subject, let items, let negated):
            return membership(compiled(subject), items, negated: negated)
        }
    }

    /// `a && b && ...` or `a || b || ...`, flattening operands that are chains of the same operator.
    private func chain(_ operands: [Compiled], _ precedence: Precedence) -> Compiled {
        var parts: [String] = []
        for operand in operands {
            if operand.precedence == precedence, !operand.parts.isEmpty {
                parts += operand.parts
            } else {
                parts.append(operand.wrapped(below: .comparison))
            }
        }
        let op = precedence == .conjunction ? " && " : " || "
        return Compiled(code: parts.joined(separator: op), precedence: precedence, parts: parts, joiner: op)
    }

    private func call(_ function: String, _ l: Compiled, _ r: Compiled) -> Compiled {
        Compiled(code: "\(imports.value(function))(\(l.code), \(r.code))", precedence: .primary)
    }

    private func equality(_ isEqual: Bool, _ l: Compiled, _ r: Compiled) -> Compiled {
        let compared: Compiled
        if l.kind == .null || r.kind == .null || l.kind == .enumeration || r.kind == .enumeration {
            // Decoding gives an open enum's known values their canonical spelling, so `===` is exact against one.
            return strictEquality(isEqual, l, r)
        } else if l.kind == .text || r.kind == .text {
            compared = call("sameText", l, r)
        } else if l.kind == .timestamp {
            compared = call("sameInstant", l, r)
        } else if l.isBigInt || r.isBigInt {
            compared = call("sameNumber", l, r)
        } else {
            return strictEquality(isEqual, l, r)
        }
        return isEqual ? compared : not(compared)
    }

    private func strictEquality(_ isEqual: Bool, _ l: Compiled, _ r: Compiled) -> Compiled {
        let op = isEqual ? " === " : " !== "
        let parts = [l.wrapped(below: .prefix), r.wrapped(below: .prefix)]
        return Compiled(code: parts.joined(separator: op), precedence: .comparison, parts: parts, joiner: op)
    }

    private func ordering(_ op: RuleOperator, _ l: Compiled, _ r: Compiled) -> Compiled {
        if l.kind == .timestamp || r.kind == .timestamp {
            let function = switch op {
            case .less: "earlier"
            case .lessOrEqual: "earlierOrSame"
            case .greater: "later"
            default: "laterOrSame"
            }
            return call(function, l, r)
        }
        if l.isNullable || r.isNullable || l.isBigInt || r.isBigInt {
            let function = switch op {
            case .less: "less"
            case .lessOrEqual: "lessOrEqual"
            case .greater: "greater"
            default: "greaterOrEqual"
            }
            return call(function, l, r)
        }
        return Compiled(code: l.wrapped(below: .prefix) + " \(op.rawValue) " + r.wrapped(below: .prefix),
                        precedence: .comparison)
    }

    /// `(x === a || x === b)`, or `(x !== a && x !== b)` for `not in`; one item needs no parentheses.
    private func membership(_ x: Compiled, _ items: [RuleExpression], negated: Bool) -> Compiled {
        // A repeated item adds nothing, and TypeScript would refuse comparing the narrowed field with it again.
        var distinct: [RuleExpression] = []
        for item in items where !distinct.contains(where: { $0.shape == item.shape }) { distinct.append(item) }
        let tests = distinct.map { equality(!negated, x, compiled($0)) }
        guard tests.count > 1 else {
            return tests.first ?? Compiled(code: negated ? "true" : "false", precedence: .primary)
        }
        let joined = chain(tests, negated ? .conjunction : .disjunction)
        return Compiled(code: "(" + joined.code + ")", precedence: .primary)
    }
}
