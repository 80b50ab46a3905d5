/// Orderings for generated rules whose operands may be null.
///
/// In the rule language an ordering (`<`, `<=`, `>`, `>=`) with a null operand is false; Swift's
/// operators do not take optionals, so generated code calls these when either side is nullable.
public enum RuleOperators {
    /// `lhs < rhs`, false when either is nil.
    public static func less<T: Comparable>(_ lhs: T?, _ rhs: T?) -> Bool {
        guard let lhs, let rhs else { return false }
        return lhs < rhs
    }

    /// `lhs <= rhs`, false when either is nil.
    public static func lessOrEqual<T: Comparable>(_ lhs: T?, _ rhs: T?) -> Bool {
        guard let lhs, let rhs else { return false }
        return lhs <= rhs
    }

    /// `lhs > rhs`, false when either is nil.
    public static func greater<T: Comparable>(_ lhs: T?, _ rhs: T?) -> Bool {
        guard let lhs, let rhs else { return false }
        return lhs > rhs
    }

    /// `lhs >= rhs`, false when either is nil.
    public static func greaterOrEqual<T: Comparable>(_ lhs: T?, _ rhs: T?) -> Bool {
        guard let lhs, let rhs else { return false }
        return lhs >= rhs
    }
}
