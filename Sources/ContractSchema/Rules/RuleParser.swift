/// Parses the rule expression language.
///
/// Grammar, loosest binding first:
///
/// ```
/// rule        := implication
/// implication := disjunction ("implies" disjunction)*      right-associative
/// disjunction := conjunction ("or" conjunction)*
/// conjunction := negation ("and" negation)*
/// negation    := "not" negation | comparison
/// comparison  := primary [ ("==" | "!=" | "<" | "<=" | ">" | ">=") primary
///                        | "in" list | "not" "in" list ]        not chainable
/// list        := "[" [ item ("," item)* [","] ] "]"
/// item        := identifier | literal
/// primary     := "(" implication ")" | identifier | literal
/// literal     := "null" | "true" | "false" | integer | double | string
/// ```
///
/// Every identifier becomes `.name`; `RuleTypeChecker` decides whether it is a field or an enum value.
/// Spans count Unicode scalars from the start of the text; a parenthesized expression's span includes
/// its parentheses.
public enum RuleParser {
    /// Parses `text` into an expression, or returns the first syntax error in text order.
    ///
    /// - Parameters:
    ///   - maxLength: The longest text accepted, in Unicode scalars.
    ///   - maxDepth: The deepest nesting accepted. Parentheses and `not` each add a level while parsing,
    ///     and the resulting tree may be at most this many nodes deep (every operator is a node), so
    ///     recursive passes over the tree are bounded too. Deeper input is an error, never a crash.
    public static func parse(_ text: String, maxLength: Int = 4096, maxDepth: Int = 64) -> Result<RuleExpression, RuleSyntaxError> {
        let length = text.unicodeScalars.count
        if length > maxLength {
            return .failure(RuleSyntaxError(span: maxLength..<length,
                                            message: "the rule is \(length) characters long; the limit is \(maxLength)"))
        }
        let scalars = Array(text.unicodeScalars)
        var parser = Parser(scalars: scalars, tokens: RuleLexer.tokenize(scalars), maxDepth: maxDepth)
        do throws(RuleSyntaxError) {
            return .success(try parser.parseRule())
        } catch {
            return .failure(error)
        }
    }
}

/// Recursive-descent parser over a token array. Each parse function leaves `current` at the first
/// token it did not consume.
private struct Parser {
    /// A parsed expression and the height of its tree, tracked so the depth limit needs no second pass.
    struct Parsed {
        var expression: RuleExpression
        var height: Int
    }

    let scalars: [Unicode.Scalar]
    let tokens: [RuleToken]
    let maxDepth: Int
    var index = 0

    init(scalars: [Unicode.Scalar], tokens: [RuleToken], maxDepth: Int) {
        self.scalars = scalars
        self.tokens = tokens
        self.maxDepth = maxDepth
    }

    var current: RuleToken { tokens[index] }

    func peek(_ offset: Int) -> RuleToken { tokens[min(index + offset, tokens.count - 1)] }

    /// Consumes the current token; reaching an invalid token reports the lexer's message.
    mutating func advance() throws(RuleSyntaxError) -> RuleToken {
        let consumed = current
        if index < tokens.count - 1 { index += 1 }
        try checkLexical(current)
        return consumed
    }

    func checkLexical(_ token: RuleToken) throws(RuleSyntaxError) {
        if case .invalid(let message) = token.kind { throw RuleSyntaxError(span: token.span, message: message) }
    }

    mutating func parseRule() throws(RuleSyntaxError) -> RuleExpression {
        if case .end = current.kind {
            throw RuleSyntaxError(span: 0..<scalars.count, message: "the rule is empty")
        }
        try checkLexical(current)
        let rule = try parseImplication(depth: 0, after: nil)
        switch current.kind {
        case .end:
            return rule.expression
        case .symbol(.rightParen):
            throw RuleSyntaxError(span: current.span, message: "unexpected `)`; no `(` is open")
        case .symbol(.leftParen) where rule.expression.kind.isName:
            throw RuleSyntaxError(span: current.span, message: "unexpected `(`; rules have no function calls")
        default:
            throw RuleSyntaxError(span: current.span, message: "unexpected text after the end of the expression")
        }
    }

    // MARK: Binary levels

    mutating func parseImplication(depth: Int, after: RuleToken?) throws(RuleSyntaxError) -> Parsed {
        var operands = [try parseDisjunction(depth: depth, after: after)]
        var operators: [RuleToken] = []
        while isKeyword(current, .implies) {
            let op = try advance()
            operators.append(op)
            operands.append(try parseDisjunction(depth: depth, after: op))
        }
        // Folded from the right: `a implies b implies c` is `a implies (b implies c)`.
        var result = operands[operands.count - 1]
        for i in operators.indices.reversed() {
            result = try binary(.implies, operands[i], result)
        }
        return result
    }

    mutating func parseDisjunction(depth: Int, after: RuleToken?) throws(RuleSyntaxError) -> Parsed {
        var result = try parseConjunction(depth: depth, after: after)
        while isKeyword(current, .or) {
            let op = try advance()
            result = try binary(.or, result, try parseConjunction(depth: depth, after: op))
        }
        return result
    }

    mutating func parseConjunction(depth: Int, after: RuleToken?) throws(RuleSyntaxError) -> Parsed {
        var result = try parseNegation(depth: depth, after: after)
        while isKeyword(current, .and) {
            let op = try advance()
            result = try binary(.and, result, try parseNegation(depth: depth, after: op))
        }
        return result
    }

    mutating func parseNegation(depth: Int, after: RuleToken?) throws(RuleSyntaxError) -> Parsed {
        guard isKeyword(current, .not) else { return try parseComparison(depth: depth, after: after) }
        let not = current
        try checkDepth(depth + 1, at: not.span)
        _ = try advance()
        let operand = try parseNegation(depth: depth + 1, after: not)
        return try node(.not(operand.expression), span: not.span.lowerBound..<operand.expression.span.upperBound,
                        height: operand.height + 1)
    }

    mutating func parseComparison(depth: Int, after: RuleToken?) throws(RuleSyntaxError) -> Parsed {
        let left = try parsePrimary(depth: depth, after: after)
        let result: Parsed
        if case .symbol(let symbol) = current.kind, let comparison = symbol.comparison {
            let op = try advance()
            result = try binary(comparison, left, try parsePrimary(depth: depth, after: op))
        } else if isKeyword(current, .in) {
            let op = try advance()
            result = try membership(left, negated: false, after: op)
        } else if isKeyword(current, .not), isKeyword(peek(1), .in) {
            _ = try advance()
            let op = try advance()
            result = try membership(left, negated: true, after: op)
        } else if isKeyword(current, .not) {
            // `not` after an operand can only start `not in`.
            try checkLexical(peek(1))
            throw RuleSyntaxError(span: current.span, message: "expected `in` after `not`")
        } else {
            return left
        }
        if startsComparison(at: index) {
            throw RuleSyntaxError(span: current.span, message: "comparisons cannot be chained; add parentheses")
        }
        return result
    }

    func startsComparison(at i: Int) -> Bool {
        let token = tokens[i]
        if case .symbol(let symbol) = token.kind, symbol.comparison != nil { return true }
        return isKeyword(token, .in) || (isKeyword(token, .not) && isKeyword(tokens[min(i + 1, tokens.count - 1)], .in))
    }

    // MARK: Operands

    mutating func parsePrimary(depth: Int, after: RuleToken?) throws(RuleSyntaxError) -> Parsed {
        let token = current
        switch token.kind {
        case .symbol(.leftParen):
            try checkDepth(depth + 1, at: token.span)
            _ = try advance()
            var inner = try parseImplication(depth: depth + 1, after: token)
            guard case .symbol(.rightParen) = current.kind else {
                if case .end = current.kind {
                    throw RuleSyntaxError(span: token.span, message: "expected `)` to close the parenthesis opened here")
                }
                throw RuleSyntaxError(span: current.span, message: "expected `)`, found \(describe(current))")
            }
            let close = try advance()
            inner.expression.span = token.span.lowerBound..<close.span.upperBound
            return inner
        case .identifier(let name):
            return try leaf(.name(name), token)
        case .keyword(.true):
            return try leaf(.bool(true), token)
        case .keyword(.false):
            return try leaf(.bool(false), token)
        case .keyword(.null):
            return try leaf(.null, token)
        case .int(let value):
            return try leaf(.int(value), token)
        case .double(let value):
            return try leaf(.double(value), token)
        case .string(let value):
            return try leaf(.string(value), token)
        case .symbol(.leftBracket):
            throw RuleSyntaxError(span: token.span, message: "a list can only follow `in` or `not in`")
        case .keyword(.not):
            // Reached only after a comparison operator, since `not` binds looser than comparisons.
            throw RuleSyntaxError(span: token.span, message: "`not` binds looser than comparisons; write `(not ...)` here")
        case .invalid(let message):
            throw RuleSyntaxError(span: token.span, message: message)
        default:
            throw missingExpression(after: after)
        }
    }

    /// The error for a place where an expression should start but does not.
    func missingExpression(after: RuleToken?) -> RuleSyntaxError {
        if let after {
            // At the end of the text there is nothing to point at, so point at the dangling operator.
            let span = current.kind == .end ? after.span : current.span
            return RuleSyntaxError(span: span, message: "expected an expression after `\(text(after))`")
        }
        switch current.kind {
        case .symbol(.rightParen), .symbol(.rightBracket), .symbol(.comma):
            return RuleSyntaxError(span: current.span, message: "unexpected `\(text(current))`")
        case .end:
            return RuleSyntaxError(span: 0..<scalars.count, message: "the rule is empty")
        default:
            return RuleSyntaxError(span: current.span, message: "expected an expression before `\(text(current))`")
        }
    }

    mutating func membership(_ left: Parsed, negated: Bool, after op: RuleToken) throws(RuleSyntaxError) -> Parsed {
        guard case .symbol(.leftBracket) = current.kind else {
            let span = current.kind == .end ? op.span : current.span
            throw RuleSyntaxError(span: span, message: "expected `[` after `in`, as in `x in [a, b]`")
        }
        let open = try advance()
        var items: [RuleExpression] = []
        var previous = open
        while true {
            if case .symbol(.rightBracket) = current.kind { break }
            items.append(try listItem(open: open, after: previous))
            if case .symbol(.comma) = current.kind {
                previous = try advance()
                continue
            }
            if case .symbol(.rightBracket) = current.kind { break }
            if case .end = current.kind {
                throw RuleSyntaxError(span: open.span, message: "expected `]` to close the list started here")
            }
            throw RuleSyntaxError(span: current.span, message: "expected `,` or `]` after a list item, found \(describe(current))")
        }
        let close = try advance()
        let span = left.expression.span.lowerBound..<close.span.upperBound
        return try node(.membership(left.expression, items, negated: negated), span: span, height: max(left.height, 1) + 1)
    }

    mutating func listItem(open: RuleToken, after: RuleToken) throws(RuleSyntaxError) -> RuleExpression {
        let token = current
        let kind: RuleExpression.Kind
        switch token.kind {
        case .identifier(let name): kind = .name(name)
        case .keyword(.true): kind = .bool(true)
        case .keyword(.false): kind = .bool(false)
        case .keyword(.null): kind = .null
        case .int(let value): kind = .int(value)
        case .double(let value): kind = .double(value)
        case .string(let value): kind = .string(value)
        case .end:
            throw RuleSyntaxError(span: open.span, message: "expected `]` to close the list started here")
        default:
            throw RuleSyntaxError(span: token.span,
                                  message: "expected a value after `\(text(after))`, found \(describe(token)); list items are literals or enum values")
        }
        _ = try advance()
        return RuleExpression(kind, span: token.span)
    }

    // MARK: Building nodes

    mutating func leaf(_ kind: RuleExpression.Kind, _ token: RuleToken) throws(RuleSyntaxError) -> Parsed {
        _ = try advance()
        return Parsed(expression: RuleExpression(kind, span: token.span), height: 1)
    }

    func binary(_ op: RuleOperator, _ left: Parsed, _ right: Parsed) throws(RuleSyntaxError) -> Parsed {
        try node(.binary(op, left.expression, right.expression),
                 span: left.expression.span.lowerBound..<right.expression.span.upperBound,
                 height: max(left.height, right.height) + 1)
    }

    func node(_ kind: RuleExpression.Kind, span: Range<Int>, height: Int) throws(RuleSyntaxError) -> Parsed {
        try checkDepth(height, at: span)
        return Parsed(expression: RuleExpression(kind, span: span), height: height)
    }

    func checkDepth(_ depth: Int, at span: Range<Int>) throws(RuleSyntaxError) {
        if depth > maxDepth {
            throw RuleSyntaxError(span: span, message: "the rule nests more than \(maxDepth) levels deep; split it into smaller rules")
        }
    }

    // MARK: Token helpers

    func isKeyword(_ token: RuleToken, _ keyword: RuleKeyword) -> Bool { token.kind == .keyword(keyword) }

    func text(_ token: RuleToken) -> String { RuleLexer.text(scalars, token.span) }

    /// A token as named in messages: `` `x` `` or "the end of the rule".
    func describe(_ token: RuleToken) -> String {
        token.kind == .end ? "the end of the rule" : "`\(text(token))`"
    }
}

private extension RuleExpression.Kind {
    var isName: Bool {
        if case .name = self { return true }
        return false
    }
}
