/// A field's value as the reference evaluator sees it.
public enum RuleValue: Hashable, Sendable {
    /// A null field, or a json field holding JSON `null`.
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    /// A lifecycle, enum or error-catalog value, by wire value.
    case enumValue(String)
    /// Seconds since 1970-01-01T00:00:00Z.
    case timestamp(Double)
    /// A json, list, map or model value that is present and not null; rules can only test it against null.
    case other
}

/// The reference interpreter for resolved rule expressions, used by `contractgen validate`.
///
/// It follows the semantics documented on `RuleTypeChecker`, and generated Swift code must agree with
/// it on every input:
/// - `and` and `or` short-circuit left to right; `a implies b` is `not a or b`.
/// - `null == null` is true; a value is never equal to null. An int equals a double when they are the
///   same number, compared exactly (not by converting the int to a double, which rounds above 2^53).
/// - An ordering (`<`, `<=`, `>`, `>=`) with a null operand is false. Ints and doubles are ordered
///   exactly by value; timestamps by time.
/// - `x in [a, b]` is true when `x == a` or `x == b`; a null `x` is never in a list. `x not in [...]`
///   is `not (x in [...])`.
///
/// Expressions that did not type-check are still evaluated without trapping: an unresolved name is
/// read as a field, values of different kinds are unequal and unordered, and anything other than
/// `true` counts as false where a condition is needed.
public enum RuleEvaluator {
    /// Whether `e` holds, reading fields through `field` (by wire name).
    public static func evaluate(_ e: RuleExpression, field: (String) -> RuleValue) -> Bool {
        isTrue(e, field)
    }

    private static func isTrue(_ e: RuleExpression, _ field: (String) -> RuleValue) -> Bool {
        value(e, field) == .bool(true)
    }

    private static func value(_ e: RuleExpression, _ field: (String) -> RuleValue) -> RuleValue {
        switch e.kind {
        case .name(let name), .field(let name): return field(name)
        case .enumValue(_, let value): return .enumValue(value)
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .double(let d): return .double(d)
        case .string(let s): return .string(s)
        case .not(let operand): return .bool(!isTrue(operand, field))
        case .binary(let op, let left, let right):
            switch op {
            case .and: return .bool(isTrue(left, field) && isTrue(right, field))
            case .or: return .bool(isTrue(left, field) || isTrue(right, field))
            case .implies: return .bool(!isTrue(left, field) || isTrue(right, field))
            case .equal: return .bool(equals(value(left, field), value(right, field)))
            case .notEqual: return .bool(!equals(value(left, field), value(right, field)))
            case .less, .lessOrEqual, .greater, .greaterOrEqual:
                guard let order = compare(value(left, field), value(right, field)) else { return .bool(false) }
                switch op {
                case .less: return .bool(order == .less)
                case .lessOrEqual: return .bool(order != .greater)
                case .greater: return .bool(order == .greater)
                default: return .bool(order != .less)
                }
            }
        case .membership(let subject, let items, let negated):
            let x = value(subject, field)
            let found = items.contains { equals(x, value($0, field)) }
            return .bool(found != negated)
        }
    }

    /// Rule equality: null equals only null; ints and doubles by exact value; `.other` equals nothing.
    static func equals(_ a: RuleValue, _ b: RuleValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.int, .double), (.double, .int): return compare(a, b) == .equal
        case (.other, _), (_, .other): return false
        default: return a == b
        }
    }

    /// The order of two numbers or two timestamps; nil for null, NaN and mismatched kinds.
    static func compare(_ a: RuleValue, _ b: RuleValue) -> NumericOrder? {
        switch (a, b) {
        case let (.int(x), .int(y)): return NumericOrder(x, y)
        case let (.double(x), .double(y)), let (.timestamp(x), .timestamp(y)): return NumericOrder(x, y)
        case let (.int(x), .double(y)): return NumericOrder(x, y)
        case let (.double(x), .int(y)): return NumericOrder(y, x).map(\.reversed)
        default: return nil
        }
    }
}

/// The result of ordering two numbers.
enum NumericOrder: Hashable, Sendable {
    case less, equal, greater

    init(_ a: Int64, _ b: Int64) {
        self = a < b ? .less : (a == b ? .equal : .greater)
    }

    /// Nil when either is NaN, which is unordered.
    init?(_ a: Double, _ b: Double) {
        guard !a.isNaN, !b.isNaN else { return nil }
        self = a < b ? .less : (a == b ? .equal : .greater)
    }

    /// An int against a double, exactly: converting the int to a double would round above 2^53.
    init?(_ i: Int64, _ d: Double) {
        if d.isNaN { return nil }
        // 2^63 is exactly representable; every Int64 is below it and at or above -2^63.
        if d >= 9_223_372_036_854_775_808.0 { self = .less; return }
        if d < -9_223_372_036_854_775_808.0 { self = .greater; return }
        let whole = d.rounded(.towardZero)
        let wholeInt = Int64(whole)
        if i != wholeInt { self = i < wholeInt ? .less : .greater; return }
        self = d > whole ? .less : (d < whole ? .greater : .equal)
    }

    var reversed: NumericOrder {
        switch self {
        case .less: .greater
        case .equal: .equal
        case .greater: .less
        }
    }
}
