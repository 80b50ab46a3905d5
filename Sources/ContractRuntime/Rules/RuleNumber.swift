/// An int or a double, compared exactly by value: how rules compare an int with a double.
///
/// Converting an `Int64` to `Double` rounds above 2^53, so generated rules wrap both sides in
/// `RuleNumber` instead. NaN is unordered and equal to nothing, as in `Double`.
public struct RuleNumber: Sendable, Equatable, Comparable {
    private enum Storage: Sendable, Equatable {
        case int(Int64)
        case double(Double)
    }

    private let storage: Storage

    /// An integer.
    public init(_ value: Int64) { storage = .int(value) }
    /// A double.
    public init(_ value: Double) { storage = .double(value) }

    /// -1, 0 or 1, or nil when either side is NaN.
    private static func order(_ a: RuleNumber, _ b: RuleNumber) -> Int? {
        switch (a.storage, b.storage) {
        case let (.int(x), .int(y)): return x < y ? -1 : (x == y ? 0 : 1)
        case let (.double(x), .double(y)):
            if x.isNaN || y.isNaN { return nil }
            return x < y ? -1 : (x == y ? 0 : 1)
        case let (.int(x), .double(y)): return order(x, y)
        case let (.double(x), .int(y)): return order(y, x).map { -$0 }
        }
    }

    /// An int against a double, exactly.
    private static func order(_ i: Int64, _ d: Double) -> Int? {
        if d.isNaN { return nil }
        // 2^63 is exactly representable; every Int64 is below it and at or above -2^63.
        if d >= 9_223_372_036_854_775_808.0 { return -1 }
        if d < -9_223_372_036_854_775_808.0 { return 1 }
        let whole = d.rounded(.towardZero)
        let wholeInt = Int64(whole)
        if i != wholeInt { return i < wholeInt ? -1 : 1 }
        return d > whole ? -1 : (d < whole ? 1 : 0)
    }

    public static func == (lhs: RuleNumber, rhs: RuleNumber) -> Bool { order(lhs, rhs) == 0 }
    public static func < (lhs: RuleNumber, rhs: RuleNumber) -> Bool { order(lhs, rhs) == -1 }
    public static func <= (lhs: RuleNumber, rhs: RuleNumber) -> Bool { order(lhs, rhs).map { $0 <= 0 } ?? false }
    public static func > (lhs: RuleNumber, rhs: RuleNumber) -> Bool { order(lhs, rhs) == 1 }
    public static func >= (lhs: RuleNumber, rhs: RuleNumber) -> Bool { order(lhs, rhs).map { $0 >= 0 } ?? false }
}
