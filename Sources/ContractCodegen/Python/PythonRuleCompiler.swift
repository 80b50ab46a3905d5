import ContractSchema

/// Compiles a resolved rule expression into a Python boolean expression over a model's attributes.
///
/// The semantics are the rule language's (`RuleTypeChecker`, `RuleEvaluator`), in Python: `null == null`
/// holds and a value never equals null (`is None`); a json field holding JSON null is `None`; an ordering with
/// a nullable side is `rt.less` and its siblings, false when either side is null; ints and doubles compare
/// exactly (Python's own comparison does); strings are equal when canonically equivalent (`rt.same_text`),
/// as Swift's `String ==`, except against `""`, which only the empty string equals.
struct PythonRuleCompiler {
    let model: Model
    let contract: Contract
    let naming: PythonNaming
    /// Written before each attribute: `self.` in `violations()`, `record.` in lifecycle guards.
    let receiver: String
    /// Fields compared with enum values more than once in the expression being compiled. mypy narrows a field to
    /// one member after `field == A`, and then calls `field == B` in the same condition impossible
    /// (comparison-overlap); such fields are compared as `field in (A,)`, which mypy does not narrow.
    private var repeatedEnumComparisons: Set<String> = []

    init(model: Model, contract: Contract, naming: PythonNaming, receiver: String) {
        self.model = model
        self.contract = contract
        self.naming = naming
        self.receiver = receiver
    }

    /// Binding strength of the compiled Python, loosest first.
    enum Precedence: Int, Comparable {
        case disjunction, conjunction, negation, comparison, primary

        static func < (a: Precedence, b: Precedence) -> Bool { a.rawValue < b.rawValue }
    }

    /// What an operand is, as far as choosing Python spelling goes.
    enum Kind: Equatable {
        case number, string, bool, json, null, other
    }

    /// A compiled expression.
    struct Compiled {
        var code: String
        var precedence: Precedence
        var kind: Kind = .other
        var isNullable = false
        /// The literal's text for string literals (to spot `""`), and the value of bool literals.
        var stringLiteral: String? = nil
        var boolLiteral: Bool? = nil
        /// For a top-level `and`/`or`, `==` or `!=`: its operands and operator, so a long condition can be broken
        /// between them.
        var operands: [String] = []
        var joiner = ""

        func wrapped(below minimum: Precedence) -> String {
            precedence < minimum ? "(" + code + ")" : code
        }
    }

    /// The Python expression that holds exactly when `e` does.
    func compile(_ e: RuleExpression) -> Compiled { preparing(e).compiled(e) }

    /// The Python expression that holds exactly when `e` does not, in its simplest form: the negation is
    /// pushed inward where that is exact (De Morgan, `a implies b` broken as `a and not b`, `==` as `!=`,
    /// `in` as `not in`, an ordering of two non-null ints as its opposite); other orderings keep `not`,
    /// because a null (or NaN) operand makes both an ordering and its opposite false.
    func compileNegation(_ e: RuleExpression) -> Compiled { preparing(e).negated(e) }

    /// This compiler with ``repeatedEnumComparisons`` worked out for `e`.
    private func preparing(_ e: RuleExpression) -> PythonRuleCompiler {
        var counts: [String: Int] = [:]
        func visit(_ e: RuleExpression) {
            switch e.kind {
            case .binary(let op, let left, let right):
                if op == .equal || op == .notEqual {
                    switch (left.kind, right.kind) {
                    case (.field(let name), .enumValue), (.name(let name), .enumValue),
                         (.enumValue, .field(let name)), (.enumValue, .name(let name)):
                        counts[name, default: 0] += 1
                    default: break
                    }
                }
                visit(left)
                visit(right)
            case .not(let operand): visit(operand)
            case .membership(let subject, let items, _):
                visit(subject)
                items.forEach(visit)
            default: break
            }
        }
        visit(e)
        var copy = self
        copy.repeatedEnumComparisons = Set(counts.filter { $0.value > 1 }.keys)
        return copy
    }


    private func negated(_ e: RuleExpression) -> Compiled {
        switch e.kind {
        case .not(let operand):
            return compiled(operand)
        case .binary(.and, let left, let right):
            return junction("or", [negated(left), negated(right)], .disjunction)
        case .binary(.or, let left, let right):
            return junction("and", [negated(left), negated(right)], .conjunction)
        case .binary(.implies, let left, let right):
            return junction("and", [compiled(left), negated(right)], .conjunction)
        case .binary(.equal, let left, let right):
            return equality(equal: false, left, right)
        case .binary(.notEqual, let left, let right):
            return equality(equal: true, left, right)
        case .membership(let subject, let items, let isNegated):
            return membership(compiled(subject), items, negated: !isNegated)
        case .bool(let b):
            return Compiled(code: b ? "False" : "True", precedence: .primary, kind: .bool, boolLiteral: !b)
        case .binary(let op, let left, let right) where [.less, .lessOrEqual, .greater, .greaterOrEqual].contains(op):
            let l = compiled(left), r = compiled(right)
            if isInt(left), isInt(right), !l.isNullable, !r.isNullable {
                let opposite: RuleOperator = switch op {
                case .less: .greaterOrEqual
                case .lessOrEqual: .greater
                case .greater: .lessOrEqual
                default: .less
                }
                return ordering(opposite, l, r)
            }
            return Compiled(code: "not " + ordering(op, l, r).wrapped(below: .primary), precedence: .negation)
        default:
            return Compiled(code: "not " + compiled(e).wrapped(below: .primary), precedence: .negation)
        }
    }

    private func field(_ e: RuleExpression) -> Field? {
        switch e.kind {
        case .field(let name), .name(let name): model.field(named: name)
        default: nil
        }
    }

    private func isInt(_ e: RuleExpression) -> Bool {
        if case .int = e.kind { return true }
        if let field = field(e), case .int = field.type { return true }
        return false
    }

    private func kind(of type: FieldType) -> Kind {
        switch type {
        case .int, .double: .number
        case .string: .string
        case .bool: .bool
        case .json: .json
        default: .other
        }
    }

    private func compiled(_ e: RuleExpression) -> Compiled {
        switch e.kind {
        case .name(let name), .field(let name):
            let field = model.field(named: name)
            return Compiled(code: receiver + naming.attribute(name, of: model.name), precedence: .primary,
                            kind: field.map { kind(of: $0.type) } ?? .other, isNullable: field?.isNullable ?? false)
        case .enumValue(let type, let value):
            return Compiled(code: naming.memberReference(value, of: type), precedence: .primary)
        case .null:
            return Compiled(code: "None", precedence: .primary, kind: .null, isNullable: true)
        case .bool(let b):
            return Compiled(code: b ? "True" : "False", precedence: .primary, kind: .bool, boolLiteral: b)
        case .int(let i):
            return Compiled(code: String(i), precedence: .primary, kind: .number)
        case .double(let d):
            return Compiled(code: PythonSyntax.doubleLiteral(d), precedence: .primary, kind: .number)
        case .string(let s):
            return Compiled(code: PythonSyntax.stringLiteral(s), precedence: .primary, kind: .string, stringLiteral: s)
        case .not(let operand):
            return negated(operand)
        case .binary(let op, let left, let right):
            switch op {
            case .and:
                return junction("and", [compiled(left), compiled(right)], .conjunction)
            case .or:
                return junction("or", [compiled(left), compiled(right)], .disjunction)
            case .implies:
                return junction("or", [negated(left), compiled(right)], .disjunction)
            case .equal, .notEqual:
                return equality(equal: op == .equal, left, right)
            case .less, .lessOrEqual, .greater, .greaterOrEqual:
                return ordering(op, compiled(left), compiled(right))
            }
        case .membership(let subject, let items, let negated):
            return membership(compiled(subject), items, negated: negated)
        }
    }

    /// `a and b` / `a or b`, flattening operands of the same operator (both are associative here: every
    /// operand is a plain true/false condition).
    private func junction(_ keyword: String, _ parts: [Compiled], _ precedence: Precedence) -> Compiled {
        var operands: [String] = []
        for part in parts {
            if part.precedence == precedence && !part.operands.isEmpty {
                operands += part.operands
            } else {
                // `not` binds tighter than `and`; an `or` inside an `and` needs parentheses.
                operands.append(part.wrapped(below: precedence == .conjunction ? .negation : .conjunction))
            }
        }
        return Compiled(code: operands.joined(separator: " \(keyword) "), precedence: precedence, kind: .bool,
                        operands: operands, joiner: keyword)
    }

    private func equality(equal: Bool, _ left: RuleExpression, _ right: RuleExpression) -> Compiled {
        let l = compiled(left), r = compiled(right)
        for (subject, value, subjectCode, valueCode) in [(left, right, l, r), (right, left, r, l)] {
            guard case .enumValue = value.kind, let field = field(subject), repeatedEnumComparisons.contains(field.name)
            else { continue }
            return comparison(subjectCode.wrapped(below: .primary) + (equal ? " in (" : " not in (") + valueCode.code + ",)")
        }
        if l.kind == .null || r.kind == .null {
            let other = l.kind == .null ? r : l
            return comparison(other.wrapped(below: .primary) + (equal ? " is None" : " is not None"))
        }
        if let literal = l.boolLiteral ?? r.boolLiteral {
            let other = l.boolLiteral == nil ? l : r
            let holdsWhenTrue = literal == equal
            if other.isNullable {
                // `==`, not `is`: mypy narrows `x` after `x is not True`, and would call a second `x is not True` in
                // the same condition impossible (comparison-overlap); `==` means the same for `bool | None`.
                return comparison(other.wrapped(below: .primary) + (equal ? " == " : " != ") + (literal ? "True" : "False"))
            }
            return holdsWhenTrue ? other : Compiled(code: "not " + other.wrapped(below: .negation), precedence: .negation)
        }
        if l.kind == .string || r.kind == .string, l.stringLiteral != "", r.stringLiteral != "" {
            let call = Compiled(code: "rt.same_text(\(l.code), \(r.code))", precedence: .primary, kind: .bool)
            return equal ? call : Compiled(code: "not " + call.code, precedence: .negation)
        }
        let operands = [l.wrapped(below: .primary), r.wrapped(below: .primary)]
        let joiner = equal ? "==" : "!="
        return Compiled(code: operands.joined(separator: " \(joiner) "), precedence: .comparison, kind: .bool,
                        operands: operands, joiner: joiner)
    }

    private func comparison(_ code: String) -> Compiled {
        Compiled(code: code, precedence: .comparison, kind: .bool)
    }

    private func ordering(_ op: RuleOperator, _ l: Compiled, _ r: Compiled) -> Compiled {
        if l.isNullable || r.isNullable {
            let function = switch op {
            case .less: "less"
            case .lessOrEqual: "less_or_equal"
            case .greater: "greater"
            default: "greater_or_equal"
            }
            return Compiled(code: "rt.\(function)(\(l.code), \(r.code))", precedence: .primary, kind: .bool)
        }
        return comparison(l.wrapped(below: .primary) + " \(op.rawValue) " + r.wrapped(below: .primary))
    }

    private func membership(_ x: Compiled, _ items: [RuleExpression], negated: Bool) -> Compiled {
        let compiledItems = items.map { compiled($0).code }
        let tuple = "(" + compiledItems.joined(separator: ", ") + (compiledItems.count == 1 ? ",)" : ")")
        if x.kind == .string {
            let call = "rt.text_in(\(x.code), \(tuple))"
            return negated ? Compiled(code: "not " + call, precedence: .negation)
                : Compiled(code: call, precedence: .primary, kind: .bool)
        }
        return comparison(x.wrapped(below: .primary) + (negated ? " not in " : " in ") + tuple)
    }
}
