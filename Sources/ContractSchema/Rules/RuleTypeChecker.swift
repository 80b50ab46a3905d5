/// The type of a value in a rule: a field's type as the rule language sees it.
public indirect enum RuleType: Hashable, Sendable, CustomStringConvertible {
    case bool, int, double, string, timestamp, json
    /// A lifecycle, plain enum or error catalog, with its wire values.
    case enumeration(name: String, values: [String])
    case list(RuleType)
    /// An object with string keys.
    case map(RuleType)
    /// Another model, by name.
    case model(String)
    /// Poison: the field's type failed to resolve (already reported elsewhere). It is compatible with
    /// everything and reports nothing further, so one schema mistake gives one finding.
    case unknown

    /// The spelling used in schemas and messages: `int`, `TaskStatus`, `list<string>`.
    public var description: String {
        switch self {
        case .bool: "bool"
        case .int: "int"
        case .double: "double"
        case .string: "string"
        case .timestamp: "timestamp"
        case .json: "json"
        case .enumeration(let name, _): name
        case .list(let element): "list<\(element)>"
        case .map(let element): "map<\(element)>"
        case .model(let name): name
        case .unknown: "unknown"
        }
    }
}

/// A field as the type checker sees it: its type and whether it may be null.
public struct RuleOperand: Hashable, Sendable {
    /// The value's type.
    public var type: RuleType
    /// Whether the field may hold null.
    public var isNullable: Bool

    /// Creates an operand.
    public init(type: RuleType, isNullable: Bool) {
        self.type = type
        self.isNullable = isNullable
    }
}

/// The fields a rule may read: those of one model.
public struct RuleScope: Sendable {
    /// The model's name, used in messages.
    public var modelName: String
    /// The fields by wire name, in schema order (the order of "did you mean" ties).
    public var fields: [(name: String, operand: RuleOperand)]

    /// Creates a scope.
    public init(modelName: String, fields: [(name: String, operand: RuleOperand)]) {
        self.modelName = modelName
        self.fields = fields
    }
}

/// A type error in a rule.
public struct RuleProblem: Hashable, Sendable, CustomStringConvertible {
    /// Offsets, in Unicode scalars from the start of the rule text, of the offending expression.
    public var span: Range<Int>
    /// One sentence saying what is wrong, and where possible how to fix it.
    public var message: String

    /// Creates a problem.
    public init(span: Range<Int>, message: String) {
        self.span = span
        self.message = message
    }

    /// `offset: message`, for test failures and logs.
    public var description: String { "\(span.lowerBound): \(message)" }
}

/// Resolves the names in a parsed rule and checks its types.
///
/// These are the semantics of the rule language. The generated Swift code and `RuleEvaluator` both
/// follow them exactly.
///
/// **Names.** A bare name is an enum value when the operand it is compared with (the other side of
/// `==`/`!=`, or the left side of `in`) has an enumeration type that has a value of that name;
/// otherwise it is a field of the model. So in `completed == (status == completed)` the first
/// `completed` is the bool field and the last is `TaskStatus.completed`. When both sides of `==` are
/// bare names that could each be a value of the other's type, the left one is the field.
///
/// **Conditions.** `and`, `or`, `implies` and `not` take non-null bools, and a whole rule must be a
/// non-null bool. `a implies b` is `not a or b`. A nullable bool field must be compared with `true`
/// or `false` first, which says what null means.
///
/// **Equality.** `==` and `!=` compare operands of the same type, or an int with a double by exact
/// numeric value. Any nullable operand may also be compared with `null`; `null == null` is true and a
/// value is never equal to `null`. A json field may be compared with `null` even when not nullable,
/// because JSON `null` is one of its values. Comparing a non-nullable operand with `null` is an error
/// (the answer never changes), as is comparing two constants. json, list, map and model values can
/// only be compared with `null`. An enum is compared with its bare values, never with strings.
///
/// **Ordering.** `<`, `<=`, `>` and `>=` compare ints and doubles (mixed by exact numeric value) or
/// two timestamps. Either side may be nullable; an ordering with a null operand is false. Comparing
/// with the `null` literal is an error.
///
/// **Membership.** In `x in [a, b]` and `x not in [a, b]`, `x` is a string, int, double, bool or enum
/// field, and the items are literals of its type (ints and doubles mix) or bare values of its enum.
/// `x in [a, b]` is `x == a or x == b`; `x not in [...]` is `not (x in [...])`. A null `x` is never in
/// the list, so it satisfies `not in`. The list may not be empty and may not contain `null`.
///
/// Problems are reported for every independent mistake; an operand found wrong is typed `.unknown`
/// so the mistake is not reported again by the expressions around it.
public enum RuleTypeChecker {
    /// The expression with every name resolved (names that could not be resolved stay `.name`), and
    /// the problems found, in text order. The expression is valid only when `problems` is empty.
    public static func check(_ e: RuleExpression, in scope: RuleScope) -> (resolved: RuleExpression, problems: [RuleProblem]) {
        var checker = Checker(scope: scope)
        let top = checker.check(e)
        checker.requireCondition(top) { "a rule must be a true/false condition, this is \($0)" }
        let problems = checker.problems.enumerated()
            .sorted { ($0.element.span.lowerBound, $0.offset) < ($1.element.span.lowerBound, $1.offset) }
            .map(\.element)
        return (top.expression, problems)
    }
}

extension RuleExpression {
    /// The fields the expression reads, by wire name, in order of first occurrence, without duplicates.
    /// Unresolved names are not included.
    public var referencedFields: [String] {
        var names: [String] = []
        var seen: Set<String> = []
        func visit(_ e: RuleExpression) {
            switch e.kind {
            case .field(let name):
                if seen.insert(name).inserted { names.append(name) }
            case .not(let operand):
                visit(operand)
            case .binary(_, let left, let right):
                visit(left)
                visit(right)
            case .membership(let subject, let items, _):
                visit(subject)
                items.forEach(visit)
            case .name, .enumValue, .null, .bool, .int, .double, .string:
                break
            }
        }
        visit(self)
        return names
    }

    /// Whether every name has been resolved to a field or an enum value.
    public var isResolved: Bool {
        switch kind {
        case .name: false
        case .field, .enumValue, .null, .bool, .int, .double, .string: true
        case .not(let operand): operand.isResolved
        case .binary(_, let left, let right): left.isResolved && right.isResolved
        case .membership(let subject, let items, _): subject.isResolved && items.allSatisfy(\.isResolved)
        }
    }
}

/// A checked subexpression: its resolved form, type, nullability and what kind of operand it is.
private struct Checked {
    enum Role: Equatable {
        case field(String)
        /// A literal or an enum value.
        case constant
        /// The `null` literal, which has no type of its own.
        case null
        /// An operator's result.
        case computed
    }

    var expression: RuleExpression
    var type: RuleType
    var isNullable: Bool
    var role: Role

    /// Whether a problem was already reported here (or in the schema), so nothing more should be.
    var isPoison: Bool { type == .unknown && role != .null }
    var isConstant: Bool { role == .constant || role == .null }
    var span: Range<Int> { expression.span }

    /// The expression in backticks, for messages.
    var quoted: String { "`\(RuleRendering.render(expression))`" }
    /// The type as named in messages.
    var typeName: String { role == .null ? "null" : type.description }

    static func poison(_ expression: RuleExpression) -> Checked {
        Checked(expression: expression, type: .unknown, isNullable: false, role: .computed)
    }

    static func condition(_ expression: RuleExpression) -> Checked {
        Checked(expression: expression, type: .bool, isNullable: false, role: .computed)
    }
}

private struct Checker {
    let scope: RuleScope
    let fields: [String: RuleOperand]
    var problems: [RuleProblem] = []

    init(scope: RuleScope) {
        self.scope = scope
        var fields: [String: RuleOperand] = [:]
        for (name, operand) in scope.fields where fields[name] == nil { fields[name] = operand }
        self.fields = fields
    }

    mutating func report(_ span: Range<Int>, _ message: String) {
        problems.append(RuleProblem(span: span, message: message))
    }

    mutating func check(_ e: RuleExpression) -> Checked {
        switch e.kind {
        case .name(let name):
            return resolve(name, span: e.span, counterpart: nil)
        case .field(let name):
            return resolve(name, span: e.span, counterpart: nil)
        case .enumValue(let type, _):
            let values = scope.fields.lazy.compactMap { field -> [String]? in
                if case .enumeration(type, let values) = field.operand.type { return values }
                return nil
            }.first ?? []
            return Checked(expression: e, type: .enumeration(name: type, values: values), isNullable: false, role: .constant)
        case .null:
            return Checked(expression: e, type: .unknown, isNullable: true, role: .null)
        case .bool:
            return Checked(expression: e, type: .bool, isNullable: false, role: .constant)
        case .int:
            return Checked(expression: e, type: .int, isNullable: false, role: .constant)
        case .double:
            return Checked(expression: e, type: .double, isNullable: false, role: .constant)
        case .string:
            return Checked(expression: e, type: .string, isNullable: false, role: .constant)
        case .not(let operand):
            let checked = check(operand)
            requireCondition(checked) { "`not` needs a true/false condition, but \(checked.quoted) is \($0)" }
            return .condition(RuleExpression(.not(checked.expression), span: e.span))
        case .binary(let op, let left, let right):
            switch op {
            case .and, .or, .implies:
                let l = check(left), r = check(right)
                for side in [l, r] {
                    requireCondition(side) { "`\(op.rawValue)` needs true/false conditions on both sides, but \(side.quoted) is \($0)" }
                }
                return .condition(RuleExpression(.binary(op, l.expression, r.expression), span: e.span))
            case .equal, .notEqual:
                return checkEquality(op, left, right, span: e.span)
            case .less, .lessOrEqual, .greater, .greaterOrEqual:
                return checkOrdering(op, check(left), check(right), span: e.span)
            }
        case .membership(let subject, let items, let negated):
            return checkMembership(subject, items, negated: negated, span: e.span)
        }
    }

    /// Reports `checked` unless it is a non-null bool; `message` gets the type name.
    mutating func requireCondition(_ checked: Checked, _ message: (String) -> String) {
        if checked.isPoison { return }
        if checked.type == .bool, checked.role != .null {
            if checked.isNullable {
                report(checked.span, "\(checked.quoted) may be null; compare it with true or false first")
            }
            return
        }
        report(checked.span, message(checked.typeName))
    }

    // MARK: Names

    /// A bare name as an enum value of `counterpart`'s type, else as a field.
    mutating func resolve(_ name: String, span: Range<Int>, counterpart: Checked?) -> Checked {
        if let counterpart, case .enumeration(let type, let values) = counterpart.type, values.contains(name) {
            return Checked(expression: RuleExpression(.enumValue(type: type, value: name), span: span),
                           type: counterpart.type, isNullable: false, role: .constant)
        }
        if let field = fields[name] {
            return Checked(expression: RuleExpression(.field(name), span: span),
                           type: field.type, isNullable: field.isNullable, role: .field(name))
        }
        let unresolved = RuleExpression(.name(name), span: span)
        // The counterpart's type is unknown, so this may well be one of its values: stay quiet.
        if counterpart?.isPoison == true { return .poison(unresolved) }
        let fieldNames = scope.fields.map(\.name)
        if let counterpart, case .enumeration(let type, let values) = counterpart.type {
            let hint = Suggestion.closest(to: name, among: values + fieldNames)
            report(span, "`\(name)` is not a value of \(type)"
                + (hint.map { "; did you mean `\($0)`?" } ?? " nor a field of \(scope.modelName); " + Suggestion.list(values, noun: "values")))
        } else {
            // `True`, `NULL`, `nil` and friends are likely meant as the keyword.
            let keywords: [String: String] = ["true": "true", "false": "false", "null": "null", "nil": "null", "none": "null"]
            let hint = keywords[name.lowercased()].map { "; did you mean `\($0)`?" }
                ?? Suggestion.hint(for: name, among: fieldNames, noun: "fields")
            report(span, "unknown field `\(name)` in model \(scope.modelName)\(hint)")
        }
        return .poison(unresolved)
    }

    /// Checks both operands of `==`/`!=`, letting each bare name be a value of the other side's enum.
    mutating func checkOperands(_ left: RuleExpression, _ right: RuleExpression) -> (Checked, Checked) {
        switch (left.kind, right.kind) {
        case (.name(let a), .name(let b)):
            let fieldA = fields[a].map { Checked(expression: RuleExpression(.field(a), span: left.span), type: $0.type,
                                                  isNullable: $0.isNullable, role: .field(a)) }
            let fieldB = fields[b].map { Checked(expression: RuleExpression(.field(b), span: right.span), type: $0.type,
                                                  isNullable: $0.isNullable, role: .field(b)) }
            if let fieldA, case .enumeration(_, let values) = fieldA.type, values.contains(b) {
                return (fieldA, resolve(b, span: right.span, counterpart: fieldA))
            }
            if let fieldB, case .enumeration(_, let values) = fieldB.type, values.contains(a) {
                return (resolve(a, span: left.span, counterpart: fieldB), fieldB)
            }
            let l = fieldA ?? resolve(a, span: left.span, counterpart: fieldB)
            let r = fieldB ?? resolve(b, span: right.span, counterpart: fieldA)
            return (l, r)
        case (.name(let a), _):
            let r = check(right)
            return (resolve(a, span: left.span, counterpart: r), r)
        case (_, .name(let b)):
            let l = check(left)
            return (l, resolve(b, span: right.span, counterpart: l))
        default:
            return (check(left), check(right))
        }
    }

    // MARK: Comparisons

    mutating func checkEquality(_ op: RuleOperator, _ left: RuleExpression, _ right: RuleExpression, span: Range<Int>) -> Checked {
        let (l, r) = checkOperands(left, right)
        let resolved = RuleExpression(.binary(op, l.expression, r.expression), span: span)
        if l.isPoison || r.isPoison { return .condition(resolved) }
        if l.isConstant, r.isConstant {
            report(span, "both sides of `\(op.rawValue)` are constants, so the result never changes; compare a field")
            return .poison(resolved)
        }
        if l.role == .null || r.role == .null {
            let other = l.role == .null ? r : l
            if other.isNullable || other.type == .json { return .condition(resolved) }
            let always = op == .equal ? "false" : "true"
            report(span, "\(other.quoted) is never null, so this comparison is always \(always); remove it or make the field nullable")
            return .poison(resolved)
        }
        for side in [l, r] where isOpaque(side.type) {
            report(span, "\(side.quoted) is \(side.type); json, list, map and model values can only be compared with null")
            return .poison(resolved)
        }
        if let problem = enumAgainstString(l, r) ?? enumAgainstString(r, l) {
            report(problem.span, problem.message)
            return .poison(resolved)
        }
        if !areComparableForEquality(l.type, r.type) {
            report(span, "cannot compare \(l.quoted) (\(l.typeName)) with \(r.quoted) (\(r.typeName))")
            return .poison(resolved)
        }
        return .condition(resolved)
    }

    /// The problem with comparing an enum operand with a string literal, if that is what this is.
    func enumAgainstString(_ enumSide: Checked, _ stringSide: Checked) -> RuleProblem? {
        guard case .enumeration(let type, let values) = enumSide.type,
              case .string(let text) = stringSide.expression.kind else { return nil }
        if values.contains(text) {
            return RuleProblem(span: stringSide.span,
                               message: "\(enumSide.quoted) is \(type); write the bare value `\(text)` instead of the string \(stringSide.quoted)")
        }
        let hint = Suggestion.closest(to: text, among: values)
        return RuleProblem(span: stringSide.span,
                           message: "\(enumSide.quoted) is \(type); compare it with a bare value such as `\(hint ?? values.first ?? text)`, not a string")
    }

    mutating func checkOrdering(_ op: RuleOperator, _ l: Checked, _ r: Checked, span: Range<Int>) -> Checked {
        let resolved = RuleExpression(.binary(op, l.expression, r.expression), span: span)
        if l.isPoison || r.isPoison { return .condition(resolved) }
        if let null = [l, r].first(where: { $0.role == .null }) {
            report(null.span, "an ordering with `null` is always false; use `==` or `!=` to test for null")
            return .poison(resolved)
        }
        if l.isConstant, r.isConstant {
            report(span, "both sides of `\(op.rawValue)` are constants, so the result never changes; compare a field")
            return .poison(resolved)
        }
        for side in [l, r] where !isNumeric(side.type) && side.type != .timestamp {
            report(side.span, "`\(op.rawValue)` compares numbers or timestamps, but \(side.quoted) is \(side.typeName)")
            return .poison(resolved)
        }
        if isNumeric(l.type) != isNumeric(r.type) {
            report(span, "cannot order \(l.quoted) (\(l.typeName)) against \(r.quoted) (\(r.typeName))")
            return .poison(resolved)
        }
        return .condition(resolved)
    }

    // MARK: Membership

    mutating func checkMembership(_ subject: RuleExpression, _ items: [RuleExpression], negated: Bool, span: Range<Int>) -> Checked {
        var x = check(subject)
        if !x.isPoison {
            if case .field = x.role {
                if !isListable(x.type) {
                    report(x.span, "`in` needs a string, int, double, bool or enum field, but \(x.quoted) is \(x.typeName)")
                    x = .poison(x.expression)
                }
            } else {
                report(x.span, "the left side of `in` must be a field, not \(x.quoted)")
                x = .poison(x.expression)
            }
        }
        if items.isEmpty {
            report(span, "the list after `in` is empty, so this is always \(negated ? "true" : "false")")
        }
        let resolvedItems = items.map { checkItem($0, of: x) }
        let resolved = RuleExpression(.membership(x.expression, resolvedItems, negated: negated), span: span)
        return .condition(resolved)
    }

    /// One list item, checked against the subject `x` of `in`.
    mutating func checkItem(_ item: RuleExpression, of x: Checked) -> RuleExpression {
        switch item.kind {
        case .name(let name):
            if x.isPoison { return item }
            if case .enumeration = x.type { return resolve(name, span: item.span, counterpart: x).expression }
            if x.type == .string {
                report(item.span, "list items must be string literals; write '\(name)' instead of `\(name)`")
            } else {
                report(item.span, "list items must be \(x.typeName) literals, but `\(name)` is a name")
            }
            return item
        case .null:
            report(item.span, "`null` is never in a list; test `\(RuleRendering.render(x.expression)) == null` separately")
            return item
        case .bool, .int, .double, .string, .enumValue:
            let checked = check(item)
            if x.isPoison { return checked.expression }
            if let problem = enumAgainstString(x, checked) {
                report(problem.span, problem.message)
            } else if !areComparableForEquality(x.type, checked.type) {
                report(item.span, "list items must be \(x.typeName) values like \(x.quoted), but \(checked.quoted) is \(checked.typeName)")
            }
            return checked.expression
        case .field, .not, .binary, .membership:
            report(item.span, "list items must be literals or enum values")
            return item
        }
    }

    // MARK: Type relations

    func isNumeric(_ type: RuleType) -> Bool { type == .int || type == .double }

    /// Types whose values are only ever compared with null.
    func isOpaque(_ type: RuleType) -> Bool {
        switch type {
        case .json, .list, .map, .model: true
        default: false
        }
    }

    func isListable(_ type: RuleType) -> Bool {
        switch type {
        case .string, .int, .double, .bool, .enumeration: true
        default: false
        }
    }

    /// Same type (enums by name), or both numeric.
    func areComparableForEquality(_ a: RuleType, _ b: RuleType) -> Bool {
        if isNumeric(a), isNumeric(b) { return true }
        if case .enumeration(let x, _) = a, case .enumeration(let y, _) = b { return x == y }
        return a == b
    }
}

/// Renders expressions back to rule syntax for messages, adding parentheses only where needed.
enum RuleRendering {
    static func render(_ e: RuleExpression) -> String {
        switch e.kind {
        case .name(let name), .field(let name): return name
        case .enumValue(_, let value): return value
        case .null: return "null"
        case .bool(let value): return value ? "true" : "false"
        case .int(let value): return String(value)
        case .double(let value): return String(value)
        case .string(let value):
            return "'" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
        case .not(let operand):
            return "not " + render(operand, above: precedence(e))
        case .binary(let op, let left, let right):
            let p = precedence(e)
            // `implies` is right-associative, `and` and `or` left-associative, and comparisons do not
            // chain, so a comparison on either side of another one needs parentheses.
            let leftLimit = op == .and || op == .or ? p : p + 1
            let rightLimit = op == .implies ? p : p + 1
            return render(left, above: leftLimit) + " \(op.rawValue) " + render(right, above: rightLimit)
        case .membership(let subject, let items, let negated):
            return render(subject, above: precedence(e) + 1) + (negated ? " not in [" : " in [")
                + items.map { render($0) }.joined(separator: ", ") + "]"
        }
    }

    /// `e` rendered, parenthesized when it binds looser than `minimum`.
    private static func render(_ e: RuleExpression, above minimum: Int) -> String {
        precedence(e) < minimum ? "(" + render(e) + ")" : render(e)
    }

    private static func precedence(_ e: RuleExpression) -> Int {
        switch e.kind {
        case .binary(.implies, _, _): 1
        case .binary(.or, _, _): 2
        case .binary(.and, _, _): 3
        case .not: 4
        case .binary, .membership: 5
        case .name, .field, .enumValue, .null, .bool, .int, .double, .string: 6
        }
    }
}
