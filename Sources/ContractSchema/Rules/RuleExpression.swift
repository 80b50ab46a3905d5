/// A rule or guard expression.
///
/// The parser produces `.name` for every bare identifier; the type checker resolves each to a
/// `.field` of the model or an `.enumValue` of the type it is compared with.
public struct RuleExpression: Sendable, Hashable {
    /// The expression's shape.
    public indirect enum Kind: Sendable, Hashable {
        /// A bare identifier before resolution.
        case name(String)
        /// A model field, by wire name.
        case field(String)
        /// A value of a lifecycle, enum or error catalog: type name and wire value.
        case enumValue(type: String, value: String)
        case null
        case bool(Bool)
        case int(Int64)
        case double(Double)
        case string(String)
        case not(RuleExpression)
        case binary(RuleOperator, RuleExpression, RuleExpression)
        /// `lhs in [items]`, or `lhs not in [items]` when negated.
        case membership(RuleExpression, [RuleExpression], negated: Bool)
    }

    /// The shape.
    public var kind: Kind
    /// Offsets, in Unicode scalars, of the expression within its source text.
    public var span: Range<Int>

    /// Creates an expression.
    public init(_ kind: Kind, span: Range<Int>) {
        self.kind = kind
        self.span = span
    }

    /// The expression without source offsets, so the same rule written with other spacing or
    /// parentheses compares equal.
    public var shape: RuleExpression {
        let kind: Kind
        switch self.kind {
        case .not(let e): kind = .not(e.shape)
        case .binary(let op, let l, let r): kind = .binary(op, l.shape, r.shape)
        case .membership(let l, let items, let negated): kind = .membership(l.shape, items.map(\.shape), negated: negated)
        default: kind = self.kind
        }
        return RuleExpression(kind, span: 0..<0)
    }
}

/// Binary operators, loosest binding last: comparisons, `and`, `or`, `implies`.
public enum RuleOperator: String, Sendable, Hashable, CaseIterable {
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    case and
    case or
    case implies
}
