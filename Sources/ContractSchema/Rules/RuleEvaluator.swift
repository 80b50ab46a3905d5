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
    // Out of line: in line, the compiler hoisted its rounding out of `fieldIn`'s loop over the constants and ran it on
    // every evaluation, whatever the field held (an enumeration value, mostly).
    @inline(never)
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

extension RuleEvaluator {
    /// A rule expression with its field references resolved to indices once, for evaluating it on many
    /// records (`contractgen validate`) without looking fields up by name or rebuilding constants.
    ///
    /// Same semantics as ``RuleEvaluator/evaluate(_:field:)``, whose comparisons it shares. The expression
    /// is kept as a flat list of steps that refer to each other, and to constants, by index: reading a step
    /// copies no reference, so evaluating costs no reference counting. The common shapes of rules get
    /// steps of their own: a field tested against null, a field compared with a constant, a field in a
    /// list of constants, and two conditions compared with each other.
    public struct Compiled: Sendable {
        enum Step: Sendable, Equatable {
            case field(Int)
            case constant(Int)
            case not(Int)
            case and(Int, Int)
            case or(Int, Int)
            case implies(Int, Int)
            case comparison(RuleOperator, Int, Int)
            /// The subject, then the items, which are `operands[items]`.
            case membership(Int, Range<Int>, negated: Bool)
            /// `field == null` (or `!=` when negated).
            case fieldIsNull(Int, negated: Bool)
            /// `field == constant` (or `!=` when negated).
            case fieldEquals(Int, constant: Int, negated: Bool)
            /// `field in [constants]`: the constants are `constants[items]`.
            case fieldIn(Int, Range<Int>, negated: Bool)
            /// `==` or `!=` between two steps whose values are conditions (neither a field nor a constant).
            case conditionsEqual(Int, Int, negated: Bool)
            /// `field == condition` (or `!=` when negated): a field holding a bool against whether the
            /// condition holds; a field holding anything else equals no condition.
            case fieldEqualsCondition(Int, condition: Int, negated: Bool)
            /// Whether a field holds that bool: a leaf of a ``Compiled/TruthTable`` for a `fieldEqualsCondition`,
            /// never in the steps an expression compiles to.
            case fieldIsBool(Int, Bool)
        }

        /// A rule whose conditions (`and`, `or`, `implies`, `not`, and `==` or `!=` between conditions) join at most
        /// ``maxLeaves`` leaves (steps that test values, and call nothing): the leaves, and whether the rule holds for
        /// each combination of them, bit `n` of `table` for the combination whose leaf `i` holds when bit `i` of `n` is
        /// set. Evaluating it evaluates each leaf in turn, without the calls of the interpreter's recursion, and looks
        /// the result up. A leaf has no side effect and cannot trap, so evaluating those the interpreter would have
        /// passed over by short-circuit changes nothing.
        struct TruthTable {
            static let maxLeaves = 6
            var leaves: [Int]
            var table: UInt64
        }

        /// How a step that joins conditions (`not`, `and`, `or`, `implies`, `==` or `!=` between conditions, a bool
        /// field against a condition) combines them, given how to tell whether a condition holds and which bool a
        /// field holds (nil for any other value); nil for any other step. The one definition of these joins, for the
        /// interpreter (``Evaluation/isTrue(_:)``) and for building truth tables.
        @inline(__always)
        static func join(_ step: Step, holds: (Int) -> Bool, boolField: (Int) -> Bool?) -> Bool? {
            switch step {
            case .not(let operand): !holds(operand)
            case .and(let l, let r): holds(l) && holds(r)
            case .or(let l, let r): holds(l) || holds(r)
            case .implies(let l, let r): !holds(l) || holds(r)
            case .conditionsEqual(let l, let r, let negated): (holds(l) == holds(r)) != negated
            case .fieldEqualsCondition(let field, let condition, let negated):
                // A field holding anything but a bool equals no condition.
                boolField(field).map { ($0 == holds(condition)) != negated } ?? negated
            default: nil
            }
        }

        /// Owns the memory ``program`` reads.
        private let storage: Storage
        /// The compiled rule in place, valid as long as this value is. It holds no references, so a
        /// caller that evaluates many records reads it out of its plan without reference counting
        /// (copying a `Compiled` out of an array retains and releases it once per evaluation).
        public let program: Program
        /// The fields (indices as `fieldIndex` gave them) whose values the rule reads. A field it only
        /// tests against null is not among them: any value that is not `.null`, `.other` included, gives
        /// the same result, so a caller need not keep such a field's value.
        public let fieldsReadByValue: Set<Int>

        /// Compiles `expression`; `fieldIndex` gives a field's index in the values passed to
        /// ``evaluate(_:)``, or nil for a name that is not a field (read as null, as `evaluate` would).
        public init(_ expression: RuleExpression, fieldIndex: (String) -> Int?) {
            var builder = Builder()
            let root = builder.step(expression, fieldIndex)
            fieldsReadByValue = builder.fieldsReadByValue(from: root)
            let truthTable = builder.truthTable(from: root)
            storage = Storage(steps: builder.steps, constants: builder.constants, operands: builder.operands,
                              leaves: truthTable?.leaves ?? [])
            program = Program(steps: UnsafeBufferPointer(storage.steps), constants: UnsafeBufferPointer(storage.constants),
                              operands: UnsafeBufferPointer(storage.operands), root: root,
                              leaves: truthTable == nil ? nil : UnsafeBufferPointer(storage.leaves), table: truthTable?.table ?? 0)
        }

        /// The steps, constants and operands of one compiled rule, allocated once and never changed.
        private final class Storage: @unchecked Sendable {
            let steps: UnsafeMutableBufferPointer<Step>
            let constants: UnsafeMutableBufferPointer<RuleValue>
            let operands: UnsafeMutableBufferPointer<Int>
            let leaves: UnsafeMutableBufferPointer<Int>

            init(steps: [Step], constants: [RuleValue], operands: [Int], leaves: [Int]) {
                self.steps = Self.copy(steps)
                self.constants = Self.copy(constants)
                self.operands = Self.copy(operands)
                self.leaves = Self.copy(leaves)
            }

            private static func copy<Element>(_ elements: [Element]) -> UnsafeMutableBufferPointer<Element> {
                let buffer = UnsafeMutableBufferPointer<Element>.allocate(capacity: elements.count)
                _ = buffer.initialize(from: elements)
                return buffer
            }

            deinit {
                steps.deinitialize().deallocate()
                constants.deinitialize().deallocate()
                operands.deinitialize().deallocate()
                leaves.deinitialize().deallocate()
            }
        }

        private struct Builder {
            var steps: [Step] = []
            var constants: [RuleValue] = []
            var operands: [Int] = []

            mutating func add(_ step: Step) -> Int {
                steps.append(step)
                return steps.count - 1
            }

            mutating func constant(_ value: RuleValue) -> Int {
                constants.append(value)
                return add(.constant(constants.count - 1))
            }

            /// The constant a step stands for, if it is one.
            func constantValue(_ step: Int) -> RuleValue? {
                if case .constant(let index) = steps[step] { return constants[index] }
                return nil
            }

            /// Whether a step's value is `.bool` of whether it holds: any step but a field or a constant.
            func isCondition(_ step: Int) -> Bool {
                switch steps[step] {
                case .field, .constant: false
                default: true
                }
            }

            mutating func step(_ e: RuleExpression, _ fieldIndex: (String) -> Int?) -> Int {
                switch e.kind {
                case .name(let name), .field(let name): return fieldIndex(name).map { add(.field($0)) } ?? constant(.null)
                case .enumValue(_, let value): return constant(.enumValue(value))
                case .null: return constant(.null)
                case .bool(let b): return constant(.bool(b))
                case .int(let i): return constant(.int(i))
                case .double(let d): return constant(.double(d))
                case .string(let s): return constant(.string(s))
                case .not(let operand): return add(.not(step(operand, fieldIndex)))
                case .binary(let op, let left, let right):
                    let l = step(left, fieldIndex), r = step(right, fieldIndex)
                    switch op {
                    case .and: return add(.and(l, r))
                    case .or: return add(.or(l, r))
                    case .implies: return add(.implies(l, r))
                    case .equal, .notEqual: return add(equality(l, r, negated: op == .notEqual))
                    default: return add(.comparison(op, l, r))
                    }
                case .membership(let subject, let items, let negated):
                    let s = step(subject, fieldIndex)
                    let i = items.map { step($0, fieldIndex) }
                    if case .field(let field) = steps[s], i.allSatisfy({ constantValue($0) != nil }) {
                        let start = constants.count
                        constants += i.map { constantValue($0)! }
                        return add(.fieldIn(field, start..<constants.count, negated: negated))
                    }
                    let start = operands.count
                    operands += i
                    return add(.membership(s, start..<operands.count, negated: negated))
                }
            }

            /// The fields whose values the steps reachable from `root` read; a step left behind by a
            /// specialized one (the `.field` operand of a `.fieldIsNull`) is not reachable.
            func fieldsReadByValue(from root: Int) -> Set<Int> {
                var fields = Set<Int>()
                var pending = [root]
                while let step = pending.popLast() {
                    switch steps[step] {
                    case .field(let field), .fieldEquals(let field, _, _), .fieldIn(let field, _, _): fields.insert(field)
                    case .fieldEqualsCondition(let field, let condition, _):
                        fields.insert(field)
                        pending.append(condition)
                    case .fieldIsBool(let field, _): fields.insert(field)
                    case .constant, .fieldIsNull: break
                    case .not(let operand): pending.append(operand)
                    case .and(let l, let r), .or(let l, let r), .implies(let l, let r), .comparison(_, let l, let r),
                         .conditionsEqual(let l, let r, _):
                        pending += [l, r]
                    case .membership(let subject, let items, _): pending += [subject] + operands[items]
                    }
                }
                return fields
            }

            /// The rule from `root` as a ``TruthTable``, or nil when it has more than ``TruthTable/maxLeaves`` leaves or a
            /// condition that is not a join of leaves (a comparison with a condition as an operand). Adds the
            /// `fieldIsBool` steps its leaves need.
            mutating func truthTable(from root: Int) -> TruthTable? {
                var leaves: [Int] = []
                guard collectLeaves(root, into: &leaves), leaves.count <= TruthTable.maxLeaves else { return nil }
                var table: UInt64 = 0
                for combination in 0..<(1 << leaves.count) where holds(root, leaves: leaves, combination: combination) {
                    table |= 1 << UInt64(combination)
                }
                return TruthTable(leaves: leaves, table: table)
            }

            /// Whether a step only reads a value (a field or a constant), as the operands of a leaf do.
            private func isValue(_ step: Int) -> Bool {
                switch steps[step] {
                case .field, .constant: true
                default: false
                }
            }

            /// The `fieldIsBool` step for `field` and `value`, added once.
            private mutating func fieldIsBool(_ field: Int, _ value: Bool) -> Int {
                steps.firstIndex(of: .fieldIsBool(field, value)) ?? add(.fieldIsBool(field, value))
            }

            /// Adds the leaves of the condition at `step` to `leaves`, each once; false when it is not a join of leaves.
            private mutating func collectLeaves(_ step: Int, into leaves: inout [Int]) -> Bool {
                func leaf(_ step: Int) -> Bool {
                    if !leaves.contains(step) { leaves.append(step) }
                    return true
                }
                switch steps[step] {
                case .not(let operand):
                    return collectLeaves(operand, into: &leaves)
                case .and(let l, let r), .or(let l, let r), .implies(let l, let r), .conditionsEqual(let l, let r, _):
                    return collectLeaves(l, into: &leaves) && collectLeaves(r, into: &leaves)
                case .fieldEqualsCondition(let field, let condition, _):
                    _ = leaf(fieldIsBool(field, true))
                    _ = leaf(fieldIsBool(field, false))
                    return collectLeaves(condition, into: &leaves)
                case .field, .constant, .fieldIsNull, .fieldEquals, .fieldIn, .fieldIsBool:
                    return leaf(step)
                case .comparison(_, let l, let r):
                    return isValue(l) && isValue(r) && leaf(step)
                case .membership(let subject, let items, _):
                    return isValue(subject) && operands[items].allSatisfy(isValue) && leaf(step)
                }
            }

            /// Whether the condition at `step` holds when leaf `i` of `leaves` holds exactly when bit `i` of `combination`
            /// is set: the interpreter's `Evaluation.isTrue` with the leaves given.
            private func holds(_ step: Int, leaves: [Int], combination: Int) -> Bool {
                func leafHolds(_ leaf: Step) -> Bool {
                    guard let place = leaves.firstIndex(where: { steps[$0] == leaf }) else {
                        preconditionFailure("collectLeaves adds the fieldIsBool leaves of each fieldEqualsCondition")
                    }
                    return combination >> place & 1 != 0
                }
                if let place = leaves.firstIndex(of: step) { return combination >> place & 1 != 0 }
                // A field's bool, from its two fieldIsBool leaves: true, false, or neither (not a bool).
                let joined = Compiled.join(steps[step], holds: { holds($0, leaves: leaves, combination: combination) },
                                           boolField: { leafHolds(.fieldIsBool($0, true)) ? true : leafHolds(.fieldIsBool($0, false)) ? false : nil })
                guard let joined else { preconditionFailure("collectLeaves made every other step a leaf") }
                return joined
            }

            /// The step for `l == r` (`!=` when negated), specialized where the operands allow.
            func equality(_ l: Int, _ r: Int, negated: Bool) -> Step {
                if isCondition(l) && isCondition(r) { return .conditionsEqual(l, r, negated: negated) }
                for (a, b) in [(l, r), (r, l)] {
                    if case .field(let field) = steps[a], isCondition(b) {
                        return .fieldEqualsCondition(field, condition: b, negated: negated)
                    }
                }
                for (a, b) in [(l, r), (r, l)] {
                    guard case .field(let field) = steps[a], case .constant(let index) = steps[b] else { continue }
                    if case .null = constants[index] { return .fieldIsNull(field, negated: negated) }
                    return .fieldEquals(field, constant: index, negated: negated)
                }
                return .comparison(negated ? .notEqual : .equal, l, r)
            }
        }

        /// Whether the rule holds for `values`, indexed as `fieldIndex` said when compiling.
        public func evaluate(_ values: UnsafeBufferPointer<RuleValue>) -> Bool {
            withExtendedLifetime(storage) { program.evaluate(values) }
        }

        /// A compiled rule's steps, constants and operands in place (see ``Compiled/program``).
        public struct Program: @unchecked Sendable {
            let steps: UnsafeBufferPointer<Step>
            let constants: UnsafeBufferPointer<RuleValue>
            let operands: UnsafeBufferPointer<Int>
            let root: Int
            /// The leaves of the rule's ``TruthTable``, nil when it has none.
            let leaves: UnsafeBufferPointer<Int>?
            let table: UInt64

            /// Whether the rule holds for `values`; only while the ``Compiled`` it came from exists.
            public func evaluate(_ values: UnsafeBufferPointer<RuleValue>) -> Bool {
                let evaluation = Evaluation(steps: steps, constants: constants, operands: operands, values: values)
                guard let leaves else { return evaluation.isTrue(root) }
                var combination = 0
                for place in leaves.indices where evaluation.leafHolds(leaves[place]) { combination |= 1 << place }
                return table &>> UInt64(combination) & 1 != 0
            }
        }

        /// A compiled rule's arrays and one record's values, in place for the evaluation.
        private struct Evaluation {
            let steps: UnsafeBufferPointer<Step>
            let constants: UnsafeBufferPointer<RuleValue>
            let operands: UnsafeBufferPointer<Int>
            let values: UnsafeBufferPointer<RuleValue>

            func isTrue(_ step: Int) -> Bool {
                switch steps[step] {
                case .not, .and, .or, .implies, .conditionsEqual, .fieldEqualsCondition:
                    return Compiled.join(steps[step], holds: isTrue, boolField: { field in
                        if case .bool(let value) = values[field] { value } else { nil }
                    }).unsafelyUnwrapped  // a join for each of these steps
                case .comparison(let op, let l, let r):
                    let left = value(l), right = value(r)
                    switch op {
                    case .equal: return RuleEvaluator.equals(left, right)
                    case .notEqual: return !RuleEvaluator.equals(left, right)
                    default:
                        guard let order = RuleEvaluator.compare(left, right) else { return false }
                        switch op {
                        case .less: return order == .less
                        case .lessOrEqual: return order != .greater
                        case .greater: return order == .greater
                        default: return order != .less
                        }
                    }
                case .membership(let subject, let items, let negated):
                    let x = value(subject)
                    return items.contains { RuleEvaluator.equals(x, value(operands[$0])) } != negated
                case .field, .constant, .fieldIsNull, .fieldEquals, .fieldIn, .fieldIsBool:
                    return leafHolds(step)
                }
            }

            /// Whether a leaf of a ``TruthTable`` holds: in line for the steps that call nothing, through ``isTrue(_:)``
            /// for a comparison or a membership of values.
            @inline(__always)
            func leafHolds(_ step: Int) -> Bool {
                switch steps[step] {
                case .fieldIsNull(let field, let negated):
                    if case .null = values[field] { return !negated }
                    return negated
                case .fieldEquals(let field, let constant, let negated):
                    if case .enumValue(let text) = values[field] {
                        return Self.isEnumValue(constants[constant], text) != negated
                    }
                    return RuleEvaluator.equals(values[field], constants[constant]) != negated
                case .fieldIn(let field, let items, let negated):
                    // An enumeration value (`status in [failed, timed_out, cancelled]`) against each constant without
                    // `equals(_:_:)`'s dispatch on both kinds, a jump through a table for every constant.
                    if case .enumValue(let text) = values[field] {
                        return items.contains { Self.isEnumValue(constants[$0], text) } != negated
                    }
                    return items.contains { RuleEvaluator.equals(values[field], constants[$0]) } != negated
                case .fieldIsBool(let field, let value):
                    if case .bool(value) = values[field] { return true }
                    return false
                case .field(let field):
                    if case .bool(true) = values[field] { return true }
                    return false
                case .constant(let constant):
                    if case .bool(true) = constants[constant] { return true }
                    return false
                default:
                    return isTrue(step)
                }
            }

            /// Whether `constant` is the enumeration value `text`: ``RuleEvaluator/equals(_:_:)`` for an enumeration
            /// value, which equals only the same enumeration value.
            @inline(__always)
            static func isEnumValue(_ constant: RuleValue, _ text: String) -> Bool {
                if case .enumValue(let other) = constant { return other == text }
                return false
            }

            func value(_ step: Int) -> RuleValue {
                switch steps[step] {
                case .field(let field): return values[field]
                case .constant(let constant): return constants[constant]
                default: return .bool(isTrue(step))
                }
            }
        }
    }
}
