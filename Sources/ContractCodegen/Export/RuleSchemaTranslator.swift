import ContractSchema

/// Translates a rule into a JSON Schema that a record satisfies exactly when the rule holds, where
/// JSON Schema can say it: equality of a field with an enum value, `null` or a literal, `in [..]`,
/// ordering of a number field against a number, and `not`/`and`/`or`/`implies` and equality of such
/// conditions (`a == (b == c)` becomes `if`/`then`/`else`). A comparison between two fields (such as
/// `finished_at >= started_at`) has no JSON Schema form and is reported as inexpressible.
struct RuleSchemaTranslator {
    /// Why a rule has no JSON Schema form.
    struct Inexpressible: Error {
        var reason: String
    }

    let model: Model

    /// The schema for a boolean expression.
    func predicate(_ e: RuleExpression) throws(Inexpressible) -> JSONSchemaValue {
        switch e.kind {
        case .bool(true):
            return .object([])
        case .bool(false):
            return .object(["not": .object([])])
        case .field(let name):
            return try comparison(field: name, .equal, .bool(true))
        case .not(let inner):
            return .object(["not": try predicate(inner)])
        case .binary(.and, let l, let r):
            return .object(["allOf": .array([try predicate(l), try predicate(r)])])
        case .binary(.or, let l, let r):
            return .object(["anyOf": .array([try predicate(l), try predicate(r)])])
        case .binary(.implies, let l, let r):
            return .object(["if": try predicate(l), "then": try predicate(r)])
        case .binary(let op, let l, let r):
            return try compare(op, l, r)
        case .membership(let subject, let items, let negated):
            guard case .field(let name) = subject.kind else {
                throw Inexpressible(reason: "`in` applies to an expression, not a field")
            }
            var values: [JSONSchemaValue] = []
            for item in items {
                guard let value = constant(item) else { throw Inexpressible(reason: "`in` lists a field, not only values") }
                values.append(value)
            }
            let absentHolds = absentValue(of: name).map { values.contains($0) }
            let schema = atom(name, .object(["enum": .array(values)]), absentSatisfies: absentHolds ?? false)
            return negated ? .object(["not": schema]) : schema
        default:
            throw Inexpressible(reason: "the expression is not a condition")
        }
    }

    /// `l op r` for a comparison operator.
    private func compare(_ op: RuleOperator, _ l: RuleExpression, _ r: RuleExpression) throws(Inexpressible) -> JSONSchemaValue {
        if case .field(let name) = l.kind, let value = constant(r) { return try comparison(field: name, op, value) }
        if case .field(let name) = r.kind, let value = constant(l) { return try comparison(field: name, op.flipped, value) }
        if case .field = l.kind, case .field = r.kind, !isBoolField(l) || !isBoolField(r) {
            throw Inexpressible(reason: "it compares two fields, which JSON Schema cannot do")
        }
        // Equality of two conditions: `a == b` holds when both hold or neither does.
        guard op == .equal || op == .notEqual else {
            throw Inexpressible(reason: "it orders values that are not a field and a number")
        }
        let a = try predicate(l), b = try predicate(r)
        let negatedB: JSONSchemaValue = .object(["not": b])
        return op == .equal ? .object(["if": a, "then": b, "else": negatedB])
                            : .object(["if": a, "then": negatedB, "else": b])
    }

    /// `field op value`.
    private func comparison(field name: String, _ op: RuleOperator, _ value: JSONSchemaValue) throws(Inexpressible) -> JSONSchemaValue {
        let absent = absentValue(of: name)
        switch op {
        case .equal:
            return atom(name, .object(["const": value]), absentSatisfies: absent == value)
        case .notEqual:
            return .object(["not": atom(name, .object(["const": value]), absentSatisfies: absent == value)])
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            guard let bound = value.number, model.field(named: name).map({ [.int, .double].contains($0.type) }) == true else {
                throw Inexpressible(reason: "it orders values other than numbers (timestamps or text)")
            }
            let keyword = switch op {
            case .less: "exclusiveMaximum"
            case .lessOrEqual: "maximum"
            case .greater: "exclusiveMinimum"
            default: "minimum"
            }
            // An ordering with a null operand is false, so null must fail: require a number.
            let holdsWhenAbsent = absent?.number.map { op.holds($0, bound) } ?? false
            return atom(name, .object([.init("type", .string("number")), .init(keyword, value)]), absentSatisfies: holdsWhenAbsent)
        default:
            throw Inexpressible(reason: "unexpected operator")
        }
    }

    /// `{"properties": {name: schema}}`, plus `required` unless the field's value when absent satisfies it.
    private func atom(_ name: String, _ schema: JSONSchemaValue, absentSatisfies: Bool) -> JSONSchemaValue {
        var members: [JSONSchemaValue.Member] = [.init("properties", .object([.init(name, schema)]))]
        if !absentSatisfies { members.append(.init("required", .array([.string(name)]))) }
        return .object(members)
    }

    /// The value a field takes when its key is absent: its default, or null for a nullable field.
    private func absentValue(of name: String) -> JSONSchemaValue? {
        guard let field = model.field(named: name), !field.isRequired else { return nil }
        if let d = field.defaultValue { return JSONSchemaExporter.json(d) }
        return field.isNullable ? .null : nil
    }

    private func isBoolField(_ e: RuleExpression) -> Bool {
        guard case .field(let name) = e.kind else { return false }
        return model.field(named: name)?.type == .bool
    }

    private func constant(_ e: RuleExpression) -> JSONSchemaValue? {
        switch e.kind {
        case .null: .null
        case .bool(let b): .bool(b)
        case .int(let i): .int(i)
        case .double(let d): .double(d)
        case .string(let s): .string(s)
        case .enumValue(_, let value): .string(value)
        default: nil
        }
    }
}

private extension RuleOperator {
    /// The operator with its operands swapped (`0 < x` is `x > 0`).
    var flipped: RuleOperator {
        switch self {
        case .less: .greater
        case .lessOrEqual: .greaterOrEqual
        case .greater: .less
        case .greaterOrEqual: .lessOrEqual
        default: self
        }
    }

    func holds(_ a: Double, _ b: Double) -> Bool {
        switch self {
        case .less: a < b
        case .lessOrEqual: a <= b
        case .greater: a > b
        case .greaterOrEqual: a >= b
        default: false
        }
    }
}

private extension JSONSchemaValue {
    var number: Double? {
        switch self {
        case .int(let i): Double(i)
        case .double(let d): d
        default: nil
        }
    }
}
